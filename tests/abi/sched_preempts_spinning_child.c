/* Preemption: a child that spins until its parent sets a flag in shared
 * memory must be taken off the CPU by the timer, or on one CPU the parent
 * never runs to set it. Both spin without ever calling the kernel. */
#include "abi.h"

int main(void)
{
	volatile int *flag = mmap(NULL, ABI_PAGE, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (flag == MAP_FAILED)
		return 1;
	*flag = 0;
	pid_t pid = abi_fork();
	if (pid == 0) {
		while (!*flag)		/* no system call: only the timer can stop this */
			;
		_exit(7);
	}
	for (volatile long i = 0; i < 20000000; i++)	/* keep the CPU a while too */
		;
	*flag = 1;
	int st;
	wait4(pid, &st, 0, NULL);
	printf("child saw the flag and exited: %s\n", status_text(st));
	return 0;
}
