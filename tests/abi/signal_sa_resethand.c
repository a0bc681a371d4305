/* SA_RESETHAND: the handler runs once and the disposition is back to SIG_DFL
 * when it runs (the signal itself is still blocked inside it, as without the
 * flag); the next SIGUSR1 takes the default action and kills. */
#include "abi.h"

static volatile sig_atomic_t runs;
static int blocked_inside, dfl_inside;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	sigset_t cur;
	struct sigaction now;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	blocked_inside = sigismember(&cur, sig);
	sigaction(sig, NULL, &now);
	dfl_inside = now.sa_handler == SIG_DFL;
	runs++;
}

static void child(void)
{
	on_signal(SIGUSR1, handler, SA_RESETHAND);
	abi_raise(SIGUSR1);
	printf("first SIGUSR1: handler runs %d, SIGUSR1 blocked inside %s, "
	       "disposition SIG_DFL inside %s\n", (int)runs, yes(blocked_inside), yes(dfl_inside));
	struct sigaction now;
	sigaction(SIGUSR1, NULL, &now);
	printf("disposition after: SIG_DFL %s\n", yes(now.sa_handler == SIG_DFL));
	abi_raise(SIGUSR1);
	printf("survived the second SIGUSR1\n");
}

int main(void)
{
	run_child("child", child);
	return 0;
}
