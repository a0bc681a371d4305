/* A forked child inherits its parent's signal dispositions, blocked mask and
 * alternate stack, but none of its pending signals. */
#include "abi.h"

static volatile sig_atomic_t runs;

static void handler(int sig) { (void)sig; runs++; }

int main(void)
{
	static char altbuf[65536];
	stack_t ss = { .ss_sp = altbuf, .ss_size = sizeof(altbuf), .ss_flags = 0 };

	set_disposition(SIGUSR1, handler);
	set_disposition(SIGUSR2, SIG_IGN);
	set_disposition(SIGHUP, handler);
	sigaltstack(&ss, NULL);
	mask_signal(SIG_BLOCK, SIGTERM);
	mask_signal(SIG_BLOCK, SIGHUP);
	kill(getpid(), SIGHUP);
	printf("parent: blocked %s, pending %s\n", blocked_text(), pending_text());

	pid_t pid = abi_fork();
	if (pid == 0) {
		struct sigaction sa;
		stack_t cur;
		printf("child: blocked %s, pending %s\n", blocked_text(), pending_text());
		sigaction(SIGUSR1, NULL, &sa);
		printf("child: SIGUSR1 has the parent's handler %s\n", yes(sa.sa_handler == handler));
		sigaction(SIGUSR2, NULL, &sa);
		printf("child: SIGUSR2 ignored %s\n", yes(sa.sa_handler == SIG_IGN));
		kill(getpid(), SIGUSR1);
		kill(getpid(), SIGUSR2);
		printf("child: SIGUSR1 handler ran %s, survived SIGUSR2 yes\n", yes(runs == 1));
		sigaltstack(NULL, &cur);
		printf("child: same altstack %s\n", yes(cur.ss_sp == altbuf && cur.ss_flags == 0));
		_exit(0);
	}
	printf("child: %s\n", status_text(wait_for(pid)));
	printf("parent: pending %s, handler runs %d\n", pending_text(), (int)runs);
	mask_signal(SIG_UNBLOCK, SIGHUP);
	printf("parent: after unblocking SIGHUP, handler runs %d\n", (int)runs);
	return 0;
}
