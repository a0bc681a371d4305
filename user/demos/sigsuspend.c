/*
 * sigsuspend: wait for a signal without missing it (CSAPP 8.5.7
 * "explicitly waiting for signals"; CMU 15-213 "Signals": the race that
 * pause has and sigsuspend has not).
 *
 *   sigsuspend
 *
 * The parent blocks SIGUSR1 before it forks, so the signal cannot come
 * between "not yet arrived?" and going to sleep. The child waits 5 ms and
 * sends SIGUSR1. The parent calls sigsuspend(&old): in one step it sets the
 * mask that lets SIGUSR1 in and sleeps; the signal wakes it, the handler
 * runs, and sigsuspend returns -1 with EINTR, the old mask back in place.
 * What the trace shows: rt_sigsuspend asleep (switch why=block), SIGUSR1
 * from child to parent, the handler band, sig_return, and rt_sigsuspend
 * returning -4 (EINTR).
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig) { (void)sig; got = 1; }

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigaction(SIGUSR1, &sa, NULL);
	sigset_t usr1, old;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, &old);
	pid_t parent = getpid(), pid = fork();
	if (pid == 0) {
		struct timespec t = { 0, 5 * 1000 * 1000 };
		nanosleep(&t, NULL);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	while (!got)
		sigsuspend(&old);		/* sleep with SIGUSR1 let in */
	waitpid(pid, NULL, 0);
	printf("sigsuspend: woken by SIGUSR1\n");
	return 0;
}
