/* kill() with default dispositions: SIGTERM and SIGKILL end the target,
 * signal 0 only checks it exists, bad signal numbers are EINVAL. */
#include "abi.h"

/* A child blocked reading a pipe nobody writes. */
static pid_t sleeper(int *wfd)
{
	int fds[2];
	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		char c;
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(0);
	}
	close(fds[0]);
	*wfd = fds[1];
	return pid;
}

static void kill_and_wait(const char *what, int sig)
{
	int wfd;
	pid_t pid = sleeper(&wfd);
	printf("%s: kill %d, ", what, kill(pid, sig));
	printf("child %s\n", status_text(wait_for(pid)));
	close(wfd);
}

int main(void)
{
	int wfd;

	kill_and_wait("SIGTERM", SIGTERM);
	kill_and_wait("SIGKILL", SIGKILL);

	pid_t pid = sleeper(&wfd);
	printf("kill(child, 0): %d\n", kill(pid, 0));
	show("kill(child, 65)", kill(pid, 65));
	show("kill(child, -1)", kill(pid, -1));
	close(wfd);
	printf("child after its pipe closed: %s\n", status_text(wait_for(pid)));
	show("kill(reaped child, 0)", kill(pid, 0));
	printf("kill(self, 0): %d\n", kill(getpid(), 0));

	pid = abi_fork();
	if (pid == 0) {
		kill(getpid(), SIGKILL);
		_exit(1);
	}
	printf("child killing itself: %s\n", status_text(wait_for(pid)));
	return 0;
}
