/* sigwaitinfo/sigtimedwait take a blocked pending signal without running its
 * handler and return its siginfo; several pending ones come lowest first; a
 * signal sent later (by a child) ends the wait; with nothing pending a zero
 * or 50 ms timeout fails with EAGAIN; signals outside the set stay pending. */
#include "abi.h"

static volatile sig_atomic_t runs;

static void handler(int sig) { (void)sig; runs++; }

static const char *code_name(int code)
{
	return code == SI_USER ? "SI_USER" : code == SI_TKILL ? "SI_TKILL" :
	       code == SI_QUEUE ? "SI_QUEUE" : "other";
}

int main(void)
{
	sigset_t set;
	siginfo_t si;

	set_disposition(SIGUSR1, handler);
	set_disposition(SIGUSR2, handler);
	set_disposition(SIGHUP, handler);
	set_disposition(SIGTERM, handler);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigdelset(&set, SIGTERM);

	abi_raise(SIGUSR1);
	memset(&si, 0, sizeof(si));
	int sig = sigwaitinfo(&set, &si);
	printf("sigwaitinfo: %s, si_signo %s, si_code %s, si_pid is self %s, handler runs %d, "
	       "pending after %s\n", sig_name(sig), sig_name(si.si_signo), code_name(si.si_code),
	       yes(si.si_pid == getpid()), (int)runs, pending_text());

	kill(getpid(), SIGUSR2);
	kill(getpid(), SIGHUP);
	kill(getpid(), SIGTERM);
	printf("pending: %s\n", pending_text());
	sig = sigwaitinfo(&set, &si);
	printf("first: %s, ", sig_name(sig));
	sig = sigwaitinfo(&set, &si);
	printf("second: %s, ", sig_name(sig));
	printf("pending after: %s\n", pending_text());

	struct timespec zero = { 0, 0 }, ms50 = { 0, 50000000 }, sec = { 1, 0 };
	show("sigtimedwait, zero timeout", sigtimedwait(&set, &si, &zero));
	long start = mono_ms();
	show("sigtimedwait, 50 ms timeout", sigtimedwait(&set, &si, &ms50));
	printf("waited at least 50 ms: %s\n", yes(mono_ms() - start >= 45));

	pid_t pid = abi_fork();
	if (pid == 0) {
		msleep(50);
		kill(getppid(), SIGUSR2);
		_exit(0);
	}
	memset(&si, 0, sizeof(si));
	sig = sigtimedwait(&set, &si, &sec);
	printf("sent by a child during the wait: %s, si_code %s, si_pid is the child %s\n",
	       sig_name(sig), code_name(si.si_code), yes(si.si_pid == pid));
	printf("child: %s\n", status_text(wait_for(pid)));
	printf("handler runs: %d, pending: %s\n", (int)runs, pending_text());
	return 0;
}
