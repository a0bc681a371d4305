/*
 * fork_returns_twice: "call once, return twice" (CSAPP 8.4.2, fork.c;
 * CMU 15-213 "Exceptional Control Flow: Processes").
 *
 *   fork_returns_twice
 *
 * fork is called once, in the parent, and returns twice: in the parent with
 * the child's pid, in the child with 0. Both then run the same code with a
 * copy of x (x=1 at the fork): the child prints x=2, the parent x=0.
 * Watch: the two lines may come in either order - the scheduler decides
 * which process runs first (run it several times, or with SMP=1 and 2).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	/* Line-buffered even into a pipe: a buffer not yet written at fork
	 * would be copied into the child and printed twice. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	int x = 1;
	printf("parent %d: calling fork once, x=%d\n", getpid(), x);
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork_returns_twice: fork");
		return 1;
	}
	if (pid == 0) {
		printf("child  %d: fork returned 0, x=%d\n", getpid(), ++x);
		exit(0);
	}
	printf("parent %d: fork returned %d (the child's pid), x=%d\n", getpid(), pid, --x);
	waitpid(pid, NULL, 0);	/* reap the child, so no zombie is left */
	return 0;
}
