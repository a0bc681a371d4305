/* pause() sleeps until a signal runs a handler, then fails with EINTR; it is
 * not restarted even with SA_RESTART. A signal that is ignored does not end
 * it. A child sends the signals every 50 ms until told to stop. */
#include "abi.h"
#include <poll.h>

static volatile sig_atomic_t runs;

static void handler(int sig) { (void)sig; runs++; }

static void run(const char *what, int flags)
{
	int stop[2];
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigaction(SIGUSR1, &sa, NULL);
	set_disposition(SIGUSR2, SIG_IGN);
	pipe(stop);
	runs = 0;
	pid_t pid = abi_fork();
	if (pid == 0) {
		struct pollfd p = { .fd = stop[0], .events = POLLIN };
		close(stop[1]);
		/* An ignored SIGUSR2 first: it must not end the pause. */
		for (int i = 0; i < 100 && poll(&p, 1, 50) == 0; i++)
			kill(getppid(), i < 2 ? SIGUSR2 : SIGUSR1);
		_exit(0);
	}
	close(stop[0]);
	long start = mono_ms();
	int ret = pause();
	int err = errno;
	long took = mono_ms() - start;
	set_disposition(SIGUSR1, SIG_IGN);
	close(stop[1]);
	printf("%s: pause() = %d %s, handler ran %s, not woken by the ignored SIGUSR2 %s\n",
	       what, ret, errno_name(err), yes(runs > 0), yes(took >= 100));
	printf("sender: %s\n", status_text(wait_for(pid)));
}

int main(void)
{
	run("no SA_RESTART", 0);
	run("SA_RESTART", SA_RESTART);
	return 0;
}
