/* A blocked signal is not delivered: it stays pending (rt_sigpending shows
 * it) until it is unblocked, and is delivered then, before sigprocmask
 * returns; unblocking one of two pending signals delivers only that one. */
#include "abi.h"

static int order[8], count;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	if (count < 8)
		order[count++] = sig;
}

static void show_runs(const char *when)
{
	printf("%s: handler runs %d (", when, count);
	for (int i = 0; i < count; i++)
		printf("%s%s", i ? " " : "", sig_name(order[i]));
	printf("), pending %s, blocked %s\n", pending_text(), blocked_text());
}

int main(void)
{
	on_signal(SIGUSR1, handler, 0);
	on_signal(SIGUSR2, handler, 0);
	printf("pending at start: %s\n", pending_text());

	mask_signal(SIG_BLOCK, SIGUSR1);
	mask_signal(SIG_BLOCK, SIGUSR2);
	kill(getpid(), SIGUSR1);
	abi_raise(SIGUSR2);
	show_runs("both raised while blocked");
	mask_signal(SIG_UNBLOCK, SIGUSR2);
	show_runs("SIGUSR2 unblocked");
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	show_runs("SIGUSR1 unblocked");
	return 0;
}
