/*
 * fork_loop: fork in a loop, and the process graph it makes (CSAPP 8.4.2,
 * practice problems 8.2-8.4; CMU 15-213 "fork example: nested forks").
 *
 *   fork_loop [N]      N forks in a loop, 1 to 6, default 2
 *
 *	for (i = 0; i < N; i++)
 *		fork();
 *	printf("hello\n");
 *
 * Every process that reaches fork - the parent and every child made so far -
 * forks again, so the loop ends with 2^N processes and 2^N hellos. Each line
 * says which process forked which child at which i: the edges of the
 * process graph (a binary tree). Watch: the order of the lines varies, but
 * a child's lines always come after the line of the fork that made it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 2;
	if (n < 1 || n > 6) {
		fprintf(stderr, "usage: fork_loop [N]   (1 <= N <= 6)\n");
		return 1;
	}
	/* Line-buffered even into a pipe: a buffer not yet written at fork
	 * would be copied into the child and printed twice. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("pid %d: start, %d forks make %d processes\n", getpid(), n, 1 << n);
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("fork_loop: fork");
			break;
		}
		if (pid > 0)
			printf("pid %d: i=%d forked child %d\n", getpid(), i, pid);
	}
	printf("pid %d (parent %d): hello\n", getpid(), getppid());
	/* Each process reaps its own children, so the shell prompt comes
	 * back only after every hello (and no zombies are left). */
	while (wait(NULL) > 0)
		;
	return 0;
}
