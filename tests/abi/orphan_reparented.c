/* When a parent exits its children are adopted: the grandchild's getppid()
 * changes away from the parent that has gone. */
#include "abi.h"

int main(void)
{
	int fds[2];
	char answer[3] = "??";

	pipe(fds);
	pid_t middle = abi_fork();
	if (middle == 0) {
		pid_t grandchild = abi_fork();
		if (grandchild == 0) {
			struct timespec tick = { 0, 5 * 1000 * 1000 };
			pid_t first = getppid();
			/* Tell the middle process to exit, then watch for adoption. */
			write(fds[1], "g", 1);
			int polls = 0;
			while (getppid() == first && polls++ < 1000)
				nanosleep(&tick, NULL);
			answer[0] = getppid() != first ? 'y' : 'n';
			answer[1] = getppid() != 0 ? 'y' : 'n';
			write(fds[1], answer, 2);
			_exit(0);
		}
		char c;
		read(fds[0], &c, 1);
		_exit(3);
	}
	close(fds[1]);
	printf("middle: %s\n", status_text(wait_for(middle)));
	/* The grandchild's byte 'g' was consumed by the middle process. */
	int n = read(fds[0], answer, 2);
	printf("report bytes: %d\n", n);
	printf("reparented: %s\n", answer[0] == 'y' ? "yes" : "no");
	printf("new parent pid nonzero: %s\n", answer[1] == 'y' ? "yes" : "no");
	show("grandchild is not our child", waitpid(-1, NULL, WNOHANG));
	return 0;
}
