/* A child that has exited stays a zombie until its parent waits: it can still
 * be signalled (kill(pid, 0) succeeds) and its status is still there. */
#include "abi.h"

int main(void)
{
	struct timespec pause = { 0, 100 * 1000 * 1000 };

	pid_t pid = abi_fork();
	if (pid == 0)
		_exit(7);
	nanosleep(&pause, NULL);
	printf("kill(zombie, 0): %d\n", kill(pid, 0));
	int st;
	pid_t got = waitpid(pid, &st, 0);
	printf("waitpid after sleeping: right pid %s, %s\n", yes(got == pid), status_text(st));
	show("kill(reaped, 0)", kill(pid, 0));
	show("waitpid(reaped)", waitpid(pid, &st, 0));

	/* A zombie's status can be collected with WNOHANG too. */
	pid = abi_fork();
	if (pid == 0)
		_exit(8);
	nanosleep(&pause, NULL);
	while ((got = waitpid(pid, &st, WNOHANG)) == 0)
		nanosleep(&pause, NULL);
	printf("WNOHANG on zombie: right pid %s, %s\n", yes(got == pid), status_text(st));
	return 0;
}
