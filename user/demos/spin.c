/*
 * spin: burn CPU in user mode (CMU 15-213 "Exceptional Control Flow":
 * a timer interrupt preempts even a program that makes no system calls).
 *
 *   spin [SECONDS]     forever without an argument
 *
 * Without an argument the loop makes no system call at all: only a timer
 * interrupt takes the CPU back from it, and only a signal ends it.
 * Watch with `ps`: state R, and TIME growing; run two and see them share a
 * CPU. For job control: ^Z stops it (T in ps), `fg`/`bg` continue it, ^C
 * kills it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	volatile unsigned long counter = 0;
	if (argc < 2) {
		printf("spin %d: spinning until killed\n", getpid());
		fflush(stdout);
		for (;;)
			counter++;
	}
	double secs = atof(argv[1]), end = now() + secs;
	printf("spin %d: spinning for %g s\n", getpid(), secs);
	fflush(stdout);
	/* Look at the clock only now and then, so the time goes to user mode. */
	do {
		for (int i = 0; i < 1000000; i++)
			counter++;
	} while (now() < end);
	return 0;
}
