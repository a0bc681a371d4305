/* ECHILD: waiting with no children, or for a pid that is not our child. */
#include "abi.h"

int main(void)
{
	int st;

	show("wait() with no children", wait(&st));
	show("waitpid(-1) with no children", waitpid(-1, &st, 0));
	show("waitpid(0) with no children", waitpid(0, &st, 0));
	show("waitpid(self)", waitpid(getpid(), &st, 0));
	show("waitpid(parent)", waitpid(getppid(), &st, 0));

	pid_t pid = abi_fork();
	if (pid == 0)
		_exit(0);
	/* A child exists, but these name other processes. */
	show("waitpid(self) with a child", waitpid(getpid(), &st, 0));
	printf("waitpid(child) after it: right pid %s\n", yes(waitpid(pid, &st, 0) == pid));
	show("waitpid(child) again", waitpid(pid, &st, 0));
	show("waitpid(-1) after reaping", waitpid(-1, &st, 0));
	return 0;
}
