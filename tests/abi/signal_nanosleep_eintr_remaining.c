/* nanosleep interrupted by a handled signal fails with EINTR and writes the
 * time left; it is never restarted, even with SA_RESTART. A child sends
 * SIGUSR1 every 50 ms until told to stop. */
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
	pipe(stop);
	runs = 0;
	pid_t pid = abi_fork();
	if (pid == 0) {
		struct pollfd p = { .fd = stop[0], .events = POLLIN };
		close(stop[1]);
		for (int i = 0; i < 100 && poll(&p, 1, 50) == 0; i++)
			kill(getppid(), SIGUSR1);
		_exit(0);
	}
	close(stop[0]);
	struct timespec req = { 2, 0 }, rem = { -1, -1 };
	long start = mono_ms();
	int ret = nanosleep(&req, &rem);
	int err = errno;
	long slept = mono_ms() - start;
	set_disposition(SIGUSR1, SIG_IGN);
	close(stop[1]);
	printf("%s: nanosleep(2 s) returned %d %s, handler ran %s\n", what, ret,
	       ret ? errno_name(err) : "", yes(runs > 0));
	printf("  returned early: %s, remaining time below 2 s: %s, "
	       "remaining + slept about 2 s: %s\n", yes(slept < 1900),
	       yes(rem.tv_sec >= 0 && rem.tv_sec < 2 && rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000),
	       yes(labs(rem.tv_sec * 1000 + rem.tv_nsec / 1000000 + slept - 2000) < 250));
	printf("sender: %s\n", status_text(wait_for(pid)));
}

int main(void)
{
	run("no SA_RESTART", 0);
	run("SA_RESTART", SA_RESTART);
	return 0;
}
