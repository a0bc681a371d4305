/* Writing to a pipe with no reader raises SIGPIPE, whose default action
 * kills the writer: its wait status is "killed by signal 13". */
#include "abi.h"

int main(void)
{
	int fds[2];

	pipe(fds);
	close(fds[0]);
	pid_t pid = abi_fork();
	if (pid == 0) {
		write(fds[1], "x", 1);
		printf("child survived the write: %s\n", errno_name(errno));
		_exit(0);
	}
	printf("writer to a pipe without readers: %s\n", status_text(wait_for(pid)));

	/* The same when the reader goes away while the writer waits for room. */
	pipe(fds);
	pid = abi_fork();
	if (pid == 0) {
		static char block[4096];
		close(fds[0]);
		for (;;)
			write(fds[1], block, sizeof(block));
	}
	close(fds[1]);
	char c;
	read(fds[0], &c, 1); /* the writer has started */
	close(fds[0]);
	printf("writer blocked on a full pipe, reader closes: %s\n", status_text(wait_for(pid)));
	return 0;
}
