/* With SIGCHLD set to SIG_IGN, children are reaped by the kernel as they
 * exit: wait4 blocks until they are all gone and then fails with ECHILD, and
 * the pid no longer exists. Back at SIG_DFL, children are zombies again. */
#include "abi.h"

int main(void)
{
	set_disposition(SIGCHLD, SIG_IGN);

	pid_t pid = abi_fork();
	if (pid == 0)
		_exit(3);
	show("SIG_IGN: waitpid(child)", waitpid(pid, NULL, 0));
	show("  kill(child, 0)", kill(pid, 0));

	pid_t slow = abi_fork();
	if (slow == 0) {
		msleep(100);
		_exit(4);
	}
	pid = abi_fork();
	if (pid == 0)
		_exit(5);
	long start = mono_ms();
	show("SIG_IGN, two children: waitpid(-1)", waitpid(-1, NULL, 0));
	printf("  waited for the slow one: %s\n", yes(mono_ms() - start >= 80));
	show("  kill(slow child, 0)", kill(slow, 0));

	set_disposition(SIGCHLD, SIG_DFL);
	pid = abi_fork();
	if (pid == 0)
		_exit(6);
	printf("SIG_DFL: child %s\n", status_text(wait_for(pid)));
	return 0;
}
