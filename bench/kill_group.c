/*
 * kill_group: the cost of signalling a process group.
 *
 *   kill_group COUNT [ITER]    defaults 100, 2000; the result is kill_group_COUNT
 *
 * Forks COUNT children into one new process group. Each blocks SIGUSR1
 * and sleeps in pause(). Then the parent times ITER calls of
 * kill(-group, SIGUSR1): the time per call. The signal is blocked, so it
 * only stays pending in each child and nobody wakes up: what is measured
 * is finding the group's members and marking the signal in each, which
 * grows with COUNT in any kernel; how fast it grows is the question.
 *
 * Both the parent and the child call setpgid, so the child is in the group
 * before either goes on, whichever runs first. Each child writes one byte
 * to a pipe once its signal is blocked; when the parent has read COUNT
 * bytes, all are ready. At the end the group gets SIGKILL and is reaped
 * (also on an error, so that no child is left behind).
 */
#include "bench.h"
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t group;
static unsigned long n_children;

static void kill_children(void)
{
	if (group > 0)
		kill(-group, SIGKILL);
	for (; n_children > 0; n_children--)
		waitpid(-group, NULL, 0);
}

static void child(int ready)
{
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	if (setpgid(0, group) < 0 || sigprocmask(SIG_BLOCK, &usr1, NULL) < 0 ||
	    write(ready, "r", 1) != 1)
		_exit(1);
	/* Closed, so that if a child dies without its byte the parent gets
	 * end of file (once all are done) instead of waiting forever. */
	close(ready);
	for (;;)
		pause();
}

static void spawn_group(unsigned long count)
{
	int fds[2];
	if (pipe(fds) < 0)
		die("pipe");
	atexit(kill_children);
	for (unsigned long i = 0; i < count; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			close(fds[0]);
			child(fds[1]);
		}
		/* The first child's pid names the group. */
		if (setpgid(pid, group ? group : pid) < 0)
			die("setpgid");
		group = group ? group : pid;
		n_children++;
	}
	close(fds[1]);
	for (unsigned long ready = 0; ready < count; ready++) {
		char byte;
		if (read(fds[0], &byte, 1) != 1)
			fail("a child did not get ready");
	}
	close(fds[0]);
}

static void run(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		if (kill(-group, SIGUSR1) < 0)
			die("kill");
	}
}

int main(int argc, char **argv)
{
	unsigned long count = iterations(argc, argv, 100);
	unsigned long iter = argc > 2 ? number(argv[2]) : 2000;
	if (iter == 0)
		fail("ITER must be at least 1");
	spawn_group(count);
	run(WARMUP);
	unsigned long long start = now_ns();
	run(iter);
	unsigned long long total = now_ns() - start;
	kill_children();
	char name[64];
	snprintf(name, sizeof name, "kill_group_%lu", count);
	report(name, total / iter, "ns");
	return 0;
}
