/* A read() blocked on an empty pipe and interrupted by a handled signal is
 * restarted when the handler has SA_RESTART (it then returns the data written
 * later) and fails with EINTR without it. A child sends the signals while the
 * parent waits, every 50 ms, so at least one arrives during the read. */
#include "abi.h"
#include <poll.h>

static volatile sig_atomic_t runs;

static void handler(int sig) { (void)sig; runs++; }

/* Sends SIGUSR1 to the parent every 50 ms; after `signals` of them writes a
 * byte to data, or with signals < 0 keeps going until stop is closed. */
static pid_t sender(int data, int stop[2], int signals)
{
	pid_t pid = abi_fork();
	if (pid == 0) {
		struct pollfd p = { .fd = stop[0], .events = POLLIN };
		close(stop[1]);
		for (int i = 0; signals < 0 ? i < 100 : i < signals; i++) {
			if (poll(&p, 1, 50) != 0)
				_exit(0);
			kill(getppid(), SIGUSR1);
		}
		if (signals >= 0)
			write(data, "d", 1);
		_exit(0);
	}
	return pid;
}

static void run(const char *what, int flags, int signals)
{
	int data[2], stop[2];
	char c = 0;
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigaction(SIGUSR1, &sa, NULL);
	pipe(data);
	pipe(stop);
	runs = 0;
	pid_t pid = sender(data[1], stop, signals);
	close(stop[0]);
	ssize_t n = read(data[0], &c, 1);
	int err = errno;
	set_disposition(SIGUSR1, SIG_IGN);
	close(stop[1]);
	printf("%s: read returned %zd", what, n);
	if (n < 0)
		printf(" %s", errno_name(err));
	else
		printf(" '%c'", c);
	printf(", handler ran %s\n", yes(runs > 0));
	printf("sender: %s\n", status_text(wait_for(pid)));
	close(data[0]);
	close(data[1]);
}

int main(void)
{
	run("SA_RESTART", SA_RESTART, 3);
	run("no SA_RESTART", 0, -1);
	return 0;
}
