/*
 * fork: the lecture on processes in one small program, made to be watched
 * with the trace (`make trace DEMO=fork`, or `trace -e all fork` on sysret).
 *
 *   fork
 *
 * What happens, and what the trace shows:
 *   1. The parent forks: fork returns twice (a `fork` event, then the child
 *      is switched in for the first time).
 *   2. The child writes to x, a page it shares copy-on-write with the parent:
 *      a page fault (a fault) that the kernel fixes by copying the page, and
 *      the same store runs again.
 *   3. The child executes int3, a trap: SIGTRAP runs its handler, and the
 *      program goes on at the instruction after int3 (handler, sigreturn).
 *   4. The child exits; until the parent waits it is a zombie. The kernel
 *      sends the parent SIGCHLD; its handler runs; wait reaps the child.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* x alone on its page: after fork the page is shared copy-on-write, and the
 * child's store to x is the first write to it (the C library writes to
 * other data pages as fork returns, which would copy a shared page first). */
static volatile struct { int x; char rest[4092]; } page __attribute__((aligned(4096))) = { 1, { 0 } };
#define x page.x
static volatile sig_atomic_t got_chld, got_trap;

static void on_chld(int sig) { (void)sig; got_chld = 1; }
static void on_trap(int sig) { (void)sig; got_trap = 1; }

static void child(void)
{
	x = 2;				/* copy-on-write fault: this store runs twice */
	signal(SIGTRAP, on_trap);
	__asm__ volatile("int3");	/* a trap: we go on right after it */
	printf("child %d: x=%d, int3 %s\n", getpid(), x, got_trap ? "trapped and came back" : "?");
	exit(0);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_chld;
	sigaction(SIGCHLD, &sa, NULL);
	sigset_t chld, old;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);	/* no SIGCHLD before we wait for it */
	pid_t pid = fork();
	if (pid == 0)
		child();
	while (!got_chld)
		sigsuspend(&old);		/* sleep until SIGCHLD: the child is a zombie now */
	int status;
	waitpid(pid, &status, 0);		/* reap it */
	printf("parent %d: x=%d, child %d exited with %d\n", getpid(), x, pid, WEXITSTATUS(status));
	return 0;
}
