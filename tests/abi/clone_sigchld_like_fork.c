/* clone(SIGCHLD) with no other flags and no new stack is a plain fork. */
#include "abi.h"

static int global = 1;

int main(void)
{
	pid_t self = getpid();
	long pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
	if (pid == 0) {
		global = 2;
		_exit(getppid() == self ? 21 : 22);
	}
	printf("clone returned a pid: %s\n", yes(pid > 0));
	printf("child: %s\n", status_text(wait_for(pid)));
	printf("parent memory untouched: %s\n", yes(global == 1));

	return 0;
}
