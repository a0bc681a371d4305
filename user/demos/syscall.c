/*
 * syscall: what a system call is, seen from both sides (CSAPP 8.1.2
 * "system calls", 8.2.4; CMU 15-213 "Exceptional Control Flow").
 *
 *   syscall
 *
 * Three calls: write(1, "hello\n", 6), getpid(), and a write whose buffer
 * is the address 1, which no page holds. Each is the `syscall`
 * instruction: the CPU enters the kernel at one entry point, the kernel
 * looks the number up in its table, runs the handler, and `sysret` goes
 * back to the instruction after `syscall` with the result in rax.
 * What the trace shows: a sys_enter/sys_exit pair per call (kernel time on
 * the timeline), the number and name, and the result: 6, the pid, and
 * -14 (EFAULT) for the bad buffer - the kernel's copy from user memory
 * faulted, and the exception table sent it to its fix-up (an exception
 * with outcome=fixup) instead of killing anything.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	write(1, "hello\n", 6);
	pid_t pid = getpid();
	ssize_t r = write(1, (const void *)1, 1);	/* no page at address 1 */
	char line[64];
	int n = snprintf(line, sizeof(line), "pid %d; bad write: %zd (%s)\n", pid, r,
			 r < 0 ? strerror(errno) : "?");
	write(1, line, n);
	return 0;
}
