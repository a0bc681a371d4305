/* When a process group becomes orphaned (no member has a parent in another
 * group of the same session) while one of its members is stopped, every
 * member gets SIGHUP and then SIGCONT. Here a middle process forks a child,
 * which moves into a group of its own and stops itself with SIGSTOP; the
 * middle process then exits. The child, now orphaned, reports the signals it
 * catches through a pipe that the test process reads to EOF. */
#include "abi.h"
#include <poll.h>

static int report;

static void handler(int sig)
{
	write_str(report, sig == SIGHUP ? "SIGHUP\n" : sig == SIGCONT ? "SIGCONT\n" : "other\n");
}

int main(void)
{
	int fds[2], pidpipe[2];

	pipe(fds);
	pipe(pidpipe);
	pid_t middle = abi_fork();
	if (middle == 0) {
		close(fds[0]);
		pid_t child = abi_fork();
		if (child == 0) {
			struct sigaction sa;
			memset(&sa, 0, sizeof(sa));
			sa.sa_handler = handler;
			sigfillset(&sa.sa_mask); /* one handler at a time, lowest signal first */
			sigaction(SIGHUP, &sa, NULL);
			sigaction(SIGCONT, &sa, NULL);
			report = fds[1];
			setpgid(0, 0);
			write_str(report, "child stops itself\n");
			kill(getpid(), SIGSTOP);
			write_str(report, "child running again\n");
			_exit(0);
		}
		setpgid(child, child);
		write(pidpipe[1], &child, sizeof(child));
		int st;
		waitpid(child, &st, WUNTRACED);
		write_str(fds[1], WIFSTOPPED(st) ? "middle: child stopped, exiting\n" :
						   "middle: child not stopped\n");
		_exit(0);
	}
	close(fds[1]);
	pid_t child = 0;
	read(pidpipe[0], &child, sizeof(child));
	printf("middle: %s\n", status_text(wait_for(middle)));

	/* Everything the child writes, until it exits (at most 2 s). */
	char buf[512];
	size_t len = 0;
	struct pollfd p = { .fd = fds[0], .events = POLLIN };
	while (len < sizeof(buf) - 1 && poll(&p, 1, 2000) == 1) {
		ssize_t n = read(fds[0], buf + len, sizeof(buf) - 1 - len);
		if (n <= 0)
			break;
		len += n;
	}
	buf[len] = 0;
	printf("%s", buf);
	if (child > 0 && kill(child, 0) == 0 && len > 0 && !strstr(buf, "running again")) {
		printf("(the child did not finish: killing it)\n");
		kill(child, SIGKILL);
	}
	return 0;
}
