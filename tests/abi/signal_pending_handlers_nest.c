/* When several signals become deliverable at once and their handlers block
 * nothing else, Linux sets up one frame per signal before returning to user
 * mode, lowest number first, each on top of the last: the handler of the
 * highest-numbered signal runs first, and each returns into the next. */
#include "abi.h"

static const int sigs[] = { SIGUSR2, SIGHUP, 35, SIGUSR1 };
#define NSIGS (int)(sizeof(sigs) / sizeof(sigs[0]))
static char log_buf[256];
static size_t log_len;

static void note(const char *what, int sig)
{
	log_len += snprintf(log_buf + log_len, sizeof(log_buf) - log_len, "%s%s %s",
			    log_len ? ", " : "", what, sig_name(sig));
}

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	note("enter", sig);
	note("leave", sig);
}

int main(void)
{
	sigset_t all, none;

	sigemptyset(&all);
	for (int i = 0; i < NSIGS; i++) {
		on_signal(sigs[i], handler, 0);
		sigaddset(&all, sigs[i]);
	}
	sigprocmask(SIG_BLOCK, &all, NULL);
	for (int i = 0; i < NSIGS; i++)
		kill(getpid(), sigs[i]);
	printf("pending: %s\n", pending_text());
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	printf("handlers: %s\n", log_buf);
	printf("blocked after: %s\n", blocked_text());
	return 0;
}
