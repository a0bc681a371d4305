/* exit() flushes buffered stdio; _exit() does not. The child's stdout is a
 * pipe the parent reads. */
#include "abi.h"

static void child_writes(int use_exit)
{
	int fds[2];
	char buf[64] = "";
	static char stdout_buf[4096];

	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		setvbuf(stdout, stdout_buf, _IOFBF, sizeof(stdout_buf));
		printf("buffered text");
		if (use_exit)
			exit(0);
		_exit(0);
	}
	close(fds[1]);
	int n = read(fds[0], buf, sizeof(buf) - 1);
	close(fds[0]);
	wait_for(pid);
	printf("%s: read %d bytes \"%s\"\n", use_exit ? "exit()" : "_exit()", n, n > 0 ? buf : "");
}

int main(void)
{
	child_writes(1);
	child_writes(0);
	return 0;
}
