/*
 * orphan: a child whose parent exits first (CSAPP 8.4.3: "the kernel
 * arranges for the init process to become the adopted parent of any
 * orphaned children"; CMU 15-213 "nonterminating child example").
 *
 *   orphan [SECONDS]      the child lives this long, default 60
 *
 * The parent exits at once; the child keeps running. Watch with `ps`: the
 * child's PPID becomes 1 (or a "subreaper" on some Linux systems), and the
 * child prints when it notices. Its output may come after the shell's
 * prompt: the shell waited only for the parent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* In the child: polls getppid until the parent is gone, then waits out
 * the rest of its time. */
static void child(pid_t parent, int secs)
{
	const struct timespec tenth = { 0, 100 * 1000 * 1000 };
	printf("child  %d: my parent is %d; sleeping %d s\n", getpid(), parent, secs);
	int tenths = 0;
	while (getppid() == parent && tenths < secs * 10) {
		nanosleep(&tenth, NULL);
		tenths++;
	}
	printf("child  %d: parent %d has exited; my parent is now %d\n", getpid(), parent, getppid());
	while (tenths++ < secs * 10)
		nanosleep(&tenth, NULL);
	printf("child  %d: exiting; my new parent reaps me\n", getpid());
}

int main(int argc, char **argv)
{
	int secs = argc > 1 ? atoi(argv[1]) : 60;
	setvbuf(stdout, NULL, _IOLBF, 0);	/* no unwritten buffer copied by fork */
	pid_t parent = getpid(), pid = fork();
	if (pid < 0) {
		perror("orphan: fork");
		return 1;
	}
	if (pid == 0) {
		child(parent, secs);
		return 0;
	}
	printf("parent %d: exiting at once, leaving child %d behind\n", parent, pid);
	return 0;
}
