/* While a handler runs, the blocked mask is the old mask plus the signal
 * itself plus sa_mask: a signal in sa_mask raised inside waits until the
 * handler returns, one outside it nests at once. Returning restores the old
 * mask, even if the handler changed it with sigprocmask. */
#include "abi.h"

static char log_buf[512];
static size_t log_len;

static void note(const char *s)
{
	log_len += snprintf(log_buf + log_len, sizeof(log_buf) - log_len, "  %s\n", s);
}

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	(void)uc;
	char line[200];
	note("SIGUSR1 handler: enter");
	snprintf(line, sizeof(line), "blocked inside: %s", blocked_text());
	note(line);
	abi_raise(SIGUSR2);
	snprintf(line, sizeof(line), "raised SIGUSR2, pending: %s", pending_text());
	note(line);
	abi_raise(SIGHUP);
	mask_signal(SIG_UNBLOCK, SIGINT);
	snprintf(line, sizeof(line), "unblocked SIGINT, blocked now: %s", blocked_text());
	note(line);
	note("SIGUSR1 handler: leave");
}

static void other(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	char line[64];
	snprintf(line, sizeof(line), "%s handler", sig_name(sig));
	note(line);
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	on_signal(SIGUSR2, other, 0);
	on_signal(SIGHUP, other, 0);
	on_signal(SIGINT, other, 0);

	mask_signal(SIG_BLOCK, SIGINT);
	printf("blocked before: %s\n", blocked_text());
	abi_raise(SIGUSR1);
	printf("events:\n%s", log_buf);
	printf("blocked after: %s\n", blocked_text());
	printf("pending after: %s\n", pending_text());
	return 0;
}
