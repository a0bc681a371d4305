/* pipe/pipe2 with a bad fd array pointer: EFAULT and no descriptor leaks;
 * wait4 with a bad status pointer: EFAULT (Linux has reaped the child). */
#include "abi.h"

int main(void)
{
	char *edge = edge_page();
	void *bad[] = { NULL, ABI_KERNEL_PTR, edge + ABI_PAGE - 4, edge + ABI_PAGE };
	const char *names[] = { "NULL", "kernel", "straddle", "unmapped" };
	char what[64];

	for (int i = 0; i < 4; i++) {
		snprintf(what, sizeof(what), "pipe(%s)", names[i]);
		show(what, syscall(SYS_pipe, bad[i]));
		snprintf(what, sizeof(what), "pipe2(%s, 0)", names[i]);
		show(what, syscall(SYS_pipe2, bad[i], 0));
	}
	int fd = dup(0);
	printf("no descriptor leaked (dup(0) gives 3): %s\n", yes(fd == 3));
	close(fd);

	/* An int status: the straddling one has 2 bytes mapped, 2 not. */
	bad[2] = edge + ABI_PAGE - 2;
	for (int i = 1; i < 4; i++) {
		pid_t pid = abi_fork();
		if (pid == 0)
			_exit(5);
		long r = syscall(SYS_wait4, pid, bad[i], 0, NULL);
		printf("wait4(child, %s): %s\n", names[i], r == pid ? "returns the child" :
		       r < 0 ? errno_name(errno) : "?");
		r = syscall(SYS_wait4, pid, NULL, WNOHANG, NULL);
		printf("  then wait4(child, NULL, WNOHANG): %s\n", r == pid ? "returns the child" :
		       r < 0 ? errno_name(errno) : "0");
	}
	pid_t pid = abi_fork();
	if (pid == 0)
		_exit(6);
	printf("wait4(child, NULL) is allowed: %s\n",
	       yes(syscall(SYS_wait4, pid, NULL, 0, NULL) == pid));
	pid = abi_fork();
	if (pid == 0)
		_exit(7);
	long r = syscall(SYS_wait4, pid, &fd, 0, ABI_KERNEL_PTR);
	printf("wait4(child, good, 0, rusage kernel): %s\n", r == pid ? "returns the child" :
	       r < 0 ? errno_name(errno) : "?");
	printf("still alive: yes\n");
	return 0;
}
