/*
 * timeslice: the timer takes the CPU back (CSAPP 8.2.5 "context switches";
 * CMU 15-213 "Exceptional Control Flow": processes take turns).
 *
 *   timeslice          best on one CPU (make trace DEMO=timeslice SMP=1)
 *
 * Two children each count to a few million, making no system call while
 * they do. Only the timer interrupt (every 10 ms) gives the kernel the CPU
 * back; at the end of a quantum the scheduler switches to the other child.
 * What the trace shows: the children's user-mode bars alternating, each
 * ended by a timer interrupt and a switch why=preempt; on two CPUs they
 * run side by side instead.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void count(void)
{
	for (volatile long i = 0; i < 5000000; i++)
		;
	_exit(0);
}

int main(void)
{
	for (int i = 0; i < 2; i++)
		if (fork() == 0)
			count();
	while (wait(NULL) > 0)
		;
	printf("both children done\n");
	return 0;
}
