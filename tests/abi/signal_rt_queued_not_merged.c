/* Real-time signals queue: one sent three times while blocked is delivered
 * three times, in the order sent, with each sender's si_value; a standard
 * signal sent three times while blocked is delivered once. Lower-numbered
 * real-time signals come first. */
#include "abi.h"

static char log_buf[512];
static size_t log_len;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (si->si_code == SI_QUEUE)
		log_len += snprintf(log_buf + log_len, sizeof(log_buf) - log_len, " %s(%d)",
				    sig_name(sig), si->si_value.sival_int);
	else
		log_len += snprintf(log_buf + log_len, sizeof(log_buf) - log_len, " %s",
				    sig_name(sig));
}

int main(void)
{
	const int rt = SIGRTMIN, rt2 = SIGRTMIN + 5;
	sigset_t set, none;
	struct sigaction sa;

	sigemptyset(&set);
	sigaddset(&set, rt);
	sigaddset(&set, rt2);
	sigaddset(&set, SIGUSR1);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sa.sa_mask = set; /* one delivery at a time */
	sigaction(rt, &sa, NULL);
	sigaction(rt2, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigemptyset(&none);

	for (int i = 1; i <= 3; i++)
		sigqueue(getpid(), rt, (union sigval){ .sival_int = i });
	printf("pending: %s\n", pending_text());
	sigprocmask(SIG_SETMASK, &none, NULL);
	printf("%s three times with values 1 2 3:%s\n", sig_name(rt), log_buf);

	log_len = 0;
	log_buf[0] = 0;
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (int i = 0; i < 3; i++)
		kill(getpid(), SIGUSR1);
	sigprocmask(SIG_SETMASK, &none, NULL);
	printf("SIGUSR1 three times:%s\n", log_buf);

	log_len = 0;
	log_buf[0] = 0;
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigqueue(getpid(), rt2, (union sigval){ .sival_int = 10 });
	sigqueue(getpid(), rt, (union sigval){ .sival_int = 20 });
	kill(getpid(), rt2);
	sigqueue(getpid(), rt, (union sigval){ .sival_int = 30 });
	kill(getpid(), SIGUSR1);
	printf("pending: %s\n", pending_text());
	sigprocmask(SIG_SETMASK, &none, NULL);
	printf("mixed:%s\n", log_buf);
	return 0;
}
