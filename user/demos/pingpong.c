/*
 * pingpong: sleep and wake-up (CSAPP 8.2, 12.1; CMU 15-213 "Processes":
 * a process blocks until what it waits for happens).
 *
 *   pingpong
 *
 * Parent and child pass a byte back and forth over two pipes, 3 times.
 * Each read of an empty pipe puts the reader to sleep (state S): the
 * scheduler switches to whoever can run (switch why=block). The write at
 * the other end wakes it up: it goes back on the run queue and runs when
 * the writer blocks in its own read.
 * What the trace shows: the CPU handed from one to the other at each read,
 * the idle process never needed in between.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROUNDS 3

int main(void)
{
	int ping[2], pong[2];
	char c = 'x';
	if (pipe(ping) < 0 || pipe(pong) < 0)
		return 1;
	if (fork() == 0) {
		for (int i = 0; i < ROUNDS; i++) {
			read(ping[0], &c, 1);	/* sleeps until the parent writes */
			write(pong[1], &c, 1);	/* wakes the parent */
		}
		_exit(0);
	}
	for (int i = 0; i < ROUNDS; i++) {
		write(ping[1], &c, 1);
		read(pong[0], &c, 1);
	}
	wait(NULL);
	printf("%d round trips\n", ROUNDS);
	return 0;
}
