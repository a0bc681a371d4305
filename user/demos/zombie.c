/*
 * zombie: a child that has exited but not been waited for (CSAPP 8.4.3
 * "reaping child processes"; CMU 15-213 "zombie example").
 *
 *   zombie [SECONDS]      default 60
 *
 * The child exits at once; the parent sleeps without calling wait. Until
 * the parent waits, the kernel keeps the child's process entry - its pid
 * and exit status, for the parent to collect - but nothing else.
 * Watch with `ps`: the child shows state Z, as "[zombie] <defunct>", with
 * the parent as its PPID. When the parent exits, init adopts the zombie
 * and reaps it, and it is gone from ps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int secs = argc > 1 ? atoi(argv[1]) : 60;
	setvbuf(stdout, NULL, _IOLBF, 0);	/* no unwritten buffer copied by fork */
	pid_t pid = fork();
	if (pid < 0) {
		perror("zombie: fork");
		return 1;
	}
	if (pid == 0) {
		printf("child  %d: exiting now\n", getpid());
		exit(0);
	}
	printf("parent %d: not waiting for child %d; it is a zombie for %d s (try: ps)\n",
	       getpid(), pid, secs);
	sleep(secs);
	printf("parent %d: exiting; init adopts and reaps the zombie\n", getpid());
	return 0;
}
