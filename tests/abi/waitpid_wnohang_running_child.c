/* WNOHANG returns 0 while the child runs, and the status once it has exited. */
#include "abi.h"

int main(void)
{
	int fds[2], st = 12345;
	char c;

	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		close(fds[1]);
		/* Blocks until the parent closes the write end. */
		read(fds[0], &c, 1);
		_exit(9);
	}
	close(fds[0]);
	printf("WNOHANG while running: %d\n", (int)waitpid(pid, &st, WNOHANG));
	printf("WNOHANG -1 while running: %d\n", (int)waitpid(-1, &st, WNOHANG));
	printf("status untouched: %s\n", yes(st == 12345));
	close(fds[1]);
	pid_t got = waitpid(pid, &st, 0);
	printf("blocking wait: right pid %s, %s\n", yes(got == pid), status_text(st));
	show("WNOHANG with no children", waitpid(-1, &st, WNOHANG));
	return 0;
}
