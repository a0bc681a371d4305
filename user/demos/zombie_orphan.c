/*
 * zombie_orphan: a zombie and an orphan, both given to init (CSAPP 8.4.3:
 * "the kernel arranges for the init process to become the adopted parent
 * of any orphaned children"; CMU 15-213 "zombie example", "nonterminating
 * child example").
 *
 *   zombie_orphan
 *
 * A parent forks two children and never waits for them:
 *   - the first exits at once: a zombie while its parent lives;
 *   - the second sleeps 4 ms, longer than its parent lives: an orphan.
 * The parent exits after 2 ms. Both children are given to init (PID 1):
 * init reaps the zombie at once and the orphan when it exits. (The parent
 * is itself a child of the program, which waits 4 ms more so that the
 * trace sees the orphan's end too.)
 * What the trace shows: the zombie stretch of the first child, two
 * reparent events to PID 1 when their parent exits, and init's reaps.
 */
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void nap(long ms)
{
	struct timespec t = { 0, ms * 1000 * 1000 };
	nanosleep(&t, NULL);
}

static void parent(void)
{
	if (fork() == 0)
		_exit(0);		/* a zombie until someone waits */
	if (fork() == 0) {
		nap(4);		/* outlives its parent: an orphan */
		_exit(0);
	}
	nap(2);
	_exit(0);			/* no wait: init inherits both */
}

int main(void)
{
	pid_t pid = fork();
	if (pid == 0)
		parent();
	waitpid(pid, NULL, 0);
	nap(4);			/* the orphan ends meanwhile */
	return 0;
}
