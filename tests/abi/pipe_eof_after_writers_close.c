/* read() on a pipe returns 0 (EOF) only once every write end is closed,
 * including the copies held by other processes. */
#include "abi.h"

int main(void)
{
	int fds[2];
	char buf[16];

	pipe(fds);
	write(fds[1], "abc", 3);
	close(fds[1]);
	printf("read with data, writer closed: %d\n", (int)read(fds[0], buf, sizeof(buf)));
	printf("read again: %d\n", (int)read(fds[0], buf, sizeof(buf)));
	close(fds[0]);

	/* A child holds a write end; EOF comes after it exits. */
	pipe(fds);
	int go[2];
	pipe(go);
	pid_t pid = abi_fork();
	if (pid == 0) {
		close(fds[0]);
		close(go[1]);
		read(go[0], buf, 1); /* wait until the parent says */
		write(fds[1], "late", 4);
		_exit(0);
	}
	close(fds[1]);
	close(go[0]);
	write(go[1], "g", 1);
	int n = read(fds[0], buf, sizeof(buf));
	printf("read while the child holds a write end: %d \"%.*s\"\n", n, n > 0 ? n : 0, buf);
	printf("read after the child exits: %d\n", (int)read(fds[0], buf, sizeof(buf)));
	printf("child: %s\n", status_text(wait_for(pid)));
	return 0;
}
