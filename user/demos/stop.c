/*
 * stop: a process that stops itself (CSAPP 8.5 "signals": SIGSTOP's
 * default action is to stop until SIGCONT; CMU 15-213 job control).
 *
 *   stop
 *
 * It sends itself SIGSTOP (with kill(getpid(), ...), the plain kill system
 * call), which cannot be caught or ignored. The kernel stops it and tells
 * the parent (wait with WUNTRACED): a job-control shell then reports the
 * job as stopped. Watch: ps shows state T until `kill -CONT PID` or `fg`
 * continues it, and it then prints "continued" and exits.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("stop %d: stopping myself with SIGSTOP (continue me: kill -CONT %d, or fg)\n",
	       getpid(), getpid());
	fflush(stdout);
	if (kill(getpid(), SIGSTOP) < 0) {
		perror("stop: kill");
		return 1;
	}
	printf("stop %d: continued\n", getpid());
	return 0;
}
