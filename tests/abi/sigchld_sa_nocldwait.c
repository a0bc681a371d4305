/* SA_NOCLDWAIT on SIGCHLD: children do not become zombies, so wait4 ends
 * with ECHILD; with a handler, SIGCHLD is still sent (CLD_EXITED). Without
 * the flag the same child is reaped by wait4 as usual. */
#include "abi.h"

static void handler(int sig) { (void)sig; }

static void set_chld(void (*fn)(int), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigaction(SIGCHLD, &sa, NULL);
}

int main(void)
{
	sigset_t set;
	siginfo_t si;
	struct timespec sec = { 2, 0 };

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);

	set_chld(handler, SA_NOCLDWAIT);
	pid_t pid = abi_fork();
	if (pid == 0)
		_exit(4);
	memset(&si, 0, sizeof(si));
	int sig = sigtimedwait(&set, &si, &sec);
	printf("handler + SA_NOCLDWAIT: %s, si_code CLD_EXITED %s, si_status %d, from the child %s\n",
	       sig_name(sig), yes(si.si_code == CLD_EXITED), si.si_status, yes(si.si_pid == pid));
	show("  waitpid(child)", waitpid(pid, NULL, 0));

	set_chld(SIG_DFL, SA_NOCLDWAIT);
	pid = abi_fork();
	if (pid == 0) {
		msleep(50);
		_exit(5);
	}
	show("SIG_DFL + SA_NOCLDWAIT: waitpid(child)", waitpid(pid, NULL, 0));
	show("  kill(child, 0)", kill(pid, 0));

	set_chld(handler, 0);
	pid = abi_fork();
	if (pid == 0)
		_exit(6);
	printf("handler without the flag: child %s\n", status_text(wait_for(pid)));
	return 0;
}
