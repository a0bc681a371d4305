/*
 * exit_wait: how children end, and what wait tells the parent (CSAPP 8.4.3
 * "reaping child processes", waitpid1.c; CMU 15-213 "wait").
 *
 *   exit_wait
 *
 * Three children: one exits with 0, one with 3, and one is killed by
 * SIGTERM from the parent. Each is a zombie from its end until the parent's
 * waitpid reaps it and takes its wait status: WIFEXITED/WEXITSTATUS or
 * WIFSIGNALED/WTERMSIG.
 * What the trace shows: exit events with the status, the SIGTERM from
 * parent to child and its delivery (action=term), the zombie stretches,
 * and a reap for each child.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	pid_t kids[3];
	for (int i = 0; i < 3; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			if (i == 2)
				pause();	/* until SIGTERM ends it */
			_exit(i == 0 ? 0 : 3);
		}
	}
	kill(kids[2], SIGTERM);
	for (int i = 0; i < 3; i++) {
		int status;
		waitpid(kids[i], &status, 0);
		if (WIFEXITED(status))
			printf("child %d exited with %d\n", kids[i], WEXITSTATUS(status));
		else if (WIFSIGNALED(status))
			printf("child %d killed by signal %d\n", kids[i], WTERMSIG(status));
	}
	return 0;
}
