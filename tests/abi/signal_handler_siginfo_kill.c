/* An SA_SIGINFO handler runs and returns. For kill() it sees si_signo, si_code
 * SI_USER, si_pid the sender and si_uid the sender's uid: to itself (the
 * handler has run before kill returns), from a child, and to a child. */
#include "abi.h"

static volatile sig_atomic_t runs;
static int got_sig;
static siginfo_t got;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got_sig = sig;
	got = *si;
	runs++;
}

static const char *code_name(int code)
{
	return code == SI_USER ? "SI_USER" : code == SI_TKILL ? "SI_TKILL" :
	       code == SI_QUEUE ? "SI_QUEUE" : code == SI_KERNEL ? "SI_KERNEL" : "other";
}

static void report(const char *what, pid_t sender)
{
	printf("%s: handler runs %d, sig %s, si_signo %s, si_code %s, si_pid is the sender %s, "
	       "si_uid is the uid %s\n", what, (int)runs, sig_name(got_sig),
	       sig_name(got.si_signo), code_name(got.si_code), yes(got.si_pid == sender),
	       yes(got.si_uid == getuid()));
}

int main(void)
{
	on_signal(SIGUSR1, handler, 0);
	on_signal(SIGUSR2, handler, 0);

	int ret = kill(getpid(), SIGUSR1);
	printf("kill(self, SIGUSR1): %d\n", ret);
	report("to itself", getpid());

	/* From a child: blocked until the child is reaped, then unblocked. */
	runs = 0;
	mask_signal(SIG_BLOCK, SIGUSR2);
	pid_t pid = abi_fork();
	if (pid == 0)
		_exit(kill(getppid(), SIGUSR2) == 0 ? 0 : 1);
	printf("child: %s\n", status_text(wait_for(pid)));
	printf("before unblocking: handler runs %d, pending %s\n", (int)runs, pending_text());
	mask_signal(SIG_UNBLOCK, SIGUSR2);
	report("from a child", pid);

	/* To a child, which waits for it in sigsuspend with SIGUSR1 blocked. */
	mask_signal(SIG_BLOCK, SIGUSR1);
	pid = abi_fork();
	if (pid == 0) {
		sigset_t none;
		sigemptyset(&none);
		runs = 0;
		for (int i = 0; !runs && i < 100; i++)
			sigsuspend(&none);
		report("in the child, from its parent", getppid());
		_exit(0);
	}
	kill(pid, SIGUSR1);
	printf("child: %s\n", status_text(wait_for(pid)));
	return 0;
}
