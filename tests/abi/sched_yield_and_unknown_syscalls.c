/* sched_yield returns 0; system call numbers the kernel does not have return
 * ENOSYS without harming the caller. */
#include "abi.h"

int main(void)
{
	show("sched_yield", syscall(SYS_sched_yield));
	show("syscall 1000", syscall(1000));
	show("syscall 100000", syscall(100000));
	show("syscall -1", syscall(-1L));
	show("syscall 0x40000000 (x32 bit) + 1000", syscall(0x40000000L + 1000));
	show("syscall 0x7fffffff", syscall(0x7fffffffL));
	printf("still alive: yes\n");
	return 0;
}
