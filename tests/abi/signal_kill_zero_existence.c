/* kill(pid, 0) sends nothing and only checks the target: 0 for a running
 * child and for a zombie (exited, not yet reaped), ESRCH once it is reaped;
 * kill(-pgid, 0) likewise for a process group. */
#include "abi.h"

static void on_chld(int sig, siginfo_t *si, void *uc) { (void)sig; (void)si; (void)uc; }

int main(void)
{
	int fds[2];
	sigset_t chld;

	on_signal(SIGCHLD, on_chld, 0);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);

	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		close(fds[1]);
		setpgid(0, 0);
		read_byte(fds[0]);
		_exit(0);
	}
	setpgid(pid, pid);
	show("kill(running child, 0)", kill(pid, 0));
	show("kill(-child's group, 0)", kill(-pid, 0));
	close(fds[1]);

	/* SIGCHLD is sent once the child is a zombie. */
	siginfo_t si;
	struct timespec limit = { 5, 0 };
	memset(&si, 0, sizeof(si));
	int sig = sigtimedwait(&chld, &si, &limit);
	printf("SIGCHLD taken: %s, from the child %s\n", yes(sig == SIGCHLD), yes(si.si_pid == pid));
	show("kill(zombie child, 0)", kill(pid, 0));
	printf("reaped: %s\n", status_text(wait_for(pid)));
	show("kill(reaped child, 0)", kill(pid, 0));
	show("kill(-reaped child's group, 0)", kill(-pid, 0));
	show("kill(self, 0)", kill(getpid(), 0));
	return 0;
}
