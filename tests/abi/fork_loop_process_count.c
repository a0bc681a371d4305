/* CSAPP: fork() called in a loop n times makes 2^n processes. Every process
 * writes one byte to a shared pipe; the parent counts bytes until EOF. */
#include "abi.h"

static void forks_in_a_loop(int n, int wfd)
{
	for (int i = 0; i < n; i++)
		abi_fork();
	write(wfd, "x", 1);
	close(wfd);
	while (wait(NULL) > 0)
		;
	_exit(0);
}

int main(void)
{
	for (int n = 0; n <= 4; n++) {
		int fds[2];
		char buf[64];
		long count = 0, got;

		pipe(fds);
		pid_t pid = abi_fork();
		if (pid == 0) {
			close(fds[0]);
			forks_in_a_loop(n, fds[1]);
		}
		close(fds[1]);
		while ((got = read(fds[0], buf, sizeof(buf))) > 0)
			count += got;
		close(fds[0]);
		printf("fork x%d: %ld processes, first %s\n", n, count,
		       status_text(wait_for(pid)));
	}
	return 0;
}
