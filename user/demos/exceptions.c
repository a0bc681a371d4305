/*
 * exceptions: the classes of the exception table in one run (CSAPP 8.1.2
 * "classes of exceptions"; CMU 15-213 "Exceptional Control Flow").
 *
 *   exceptions
 *
 * What happens, and what the trace shows:
 *   1. A store to a fresh page of the stack-like buffer: a page fault, a
 *      fault the kernel fixes (it maps a zeroed page); the store runs
 *      again (outcome=same).
 *   2. int3: a trap. It becomes SIGTRAP, whose handler runs; then the
 *      program goes on at the instruction after int3 (resume = rip + 1).
 *   3. A child stores through a null pointer: a page fault the kernel
 *      cannot fix (outcome=signal). SIGSEGV's default action kills the
 *      child; the parent's wait sees "killed by SIGSEGV".
 * Interrupts, the asynchronous kind, come from outside the program: the
 * timer's every 10 ms; `timeslice` runs long enough to be interrupted.
 * An abort (double fault, machine check) never returns to anybody: there
 * is none here (`crash=df` on the kernel command line shows one).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t trapped;

static void on_trap(int sig) { (void)sig; trapped = 1; }

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 1;
	page[0] = 1;			/* fault: demand-zero page, the store runs again */
	signal(SIGTRAP, on_trap);
	__asm__ volatile("int3");	/* trap: we go on right after it */
	pid_t pid = fork();
	if (pid == 0) {
		*(volatile int *)0 = 0;	/* fault that cannot be fixed: SIGSEGV */
		_exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("page fault fixed, int3 %s, child %s by signal %d\n", trapped ? "trapped" : "?",
	       WIFSIGNALED(status) ? "killed" : "not killed", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return 0;
}
