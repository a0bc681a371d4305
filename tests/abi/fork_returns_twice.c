/* fork returns twice: 0 in the child, the child's pid in the parent. */
#include "abi.h"

int main(void)
{
	int fds[2];
	pid_t self = getpid();

	pipe(fds);
	pid_t pid = abi_fork();
	if (pid < 0) {
		printf("fork: %s\n", errno_name(errno));
		return 1;
	}
	if (pid == 0) {
		/* Report to the parent through the pipe: it prints, in order. */
		pid_t me = getpid();
		write(fds[1], &me, sizeof(me));
		char ok = getppid() == self;
		write(fds[1], &ok, 1);
		_exit(0);
	}
	pid_t child_self;
	char ppid_ok = 0;
	read(fds[0], &child_self, sizeof(child_self));
	read(fds[0], &ppid_ok, 1);
	int st = wait_for(pid);
	printf("parent: fork returned a positive pid: %s\n", yes(pid > 0));
	printf("parent: pid unchanged: %s\n", yes(getpid() == self));
	printf("child: fork returned 0, getpid() equals the parent's return: %s\n",
	       yes(child_self == pid));
	printf("child: pid differs from parent: %s\n", yes(child_self != self));
	printf("child: getppid() is the parent: %s\n", yes(ppid_ok));
	printf("child: %s\n", status_text(st));
	return 0;
}
