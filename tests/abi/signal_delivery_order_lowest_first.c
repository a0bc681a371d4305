/* Several blocked signals raised in a jumbled order are delivered lowest
 * number first once they are all unblocked at once. Each handler blocks the
 * others (sa_mask), so each delivery finishes before the next one starts. */
#include "abi.h"

static const int sigs[] = { SIGTERM, 36, SIGUSR2, SIGWINCH, SIGHUP, 35, SIGUSR1, SIGINT };
#define NSIGS (int)(sizeof(sigs) / sizeof(sigs[0]))
static int order[16], count;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	if (count < 16)
		order[count++] = sig;
}

int main(void)
{
	sigset_t all, none;
	struct sigaction sa;

	sigemptyset(&all);
	for (int i = 0; i < NSIGS; i++)
		sigaddset(&all, sigs[i]);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sa.sa_mask = all;
	for (int i = 0; i < NSIGS; i++)
		sigaction(sigs[i], &sa, NULL);

	sigprocmask(SIG_BLOCK, &all, NULL);
	for (int i = 0; i < NSIGS; i++)
		kill(getpid(), sigs[i]);
	printf("pending while blocked: %s\n", pending_text());
	printf("handler runs while blocked: %d\n", count);

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	printf("delivered in order:");
	for (int i = 0; i < count; i++)
		printf(" %s", sig_name(order[i]));
	printf("\npending after: %s\n", pending_text());
	return 0;
}
