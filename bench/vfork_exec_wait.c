/*
 * vfork_exec_wait: the cost of starting a program the cheap way.
 *
 *   vfork_exec_wait [N]    default 200
 *
 * N times: vfork; the child points its stdout at /dev/null and execs
 * /bin/hello; the parent waits for it with waitpid. A vfork child borrows
 * the parent's address space (no copy, no copy-on-write) and the parent is
 * suspended until the child execs or exits, so this measures what starting
 * a program costs in itself: exec (loading a static binary), running it,
 * its exit and the reaping. Compare fork_exec_wait.
 *
 * A vfork child may do very little, since it runs on the parent's stack and
 * memory: here only dup2 and execve, which are plain system calls, and
 * _exit if execve fails. /dev/null is opened once, beforehand, in the
 * parent.
 */
#include "bench.h"
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

static char *const child_argv[] = { "hello", NULL };
static char *const child_envp[] = { "PATH=/bin", NULL };

/* The vfork is in a small function of its own, kept out of line: the
 * child runs on the parent's stack, so it may overwrite what the parent's
 * variables were saved in (GCC warns about the loop counter otherwise,
 * -Wclobbered). The caller's variables are out of its reach here. The
 * child never returns from this function: it execs or _exits. */
static __attribute__((noinline)) pid_t start_hello(int devnull)
{
	pid_t pid = vfork();
	if (pid == 0) {
		dup2(devnull, 1);
		execve("/bin/hello", child_argv, child_envp);
		_exit(127);
	}
	return pid;
}

static void run(unsigned long n, int devnull)
{
	for (unsigned long i = 0; i < n; i++) {
		pid_t pid = start_hello(devnull);
		if (pid < 0)
			die("vfork");
		int status;
		if (waitpid(pid, &status, 0) != pid)
			die("waitpid");
		if (status != 0)
			fail("/bin/hello did not exit with status 0 (missing?)");
	}
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 200);
	int devnull = open("/dev/null", O_WRONLY);
	if (devnull < 0)
		die("/dev/null");
	run(WARMUP, devnull);
	unsigned long long start = now_ns();
	run(n, devnull);
	report("vfork_exec_wait", (now_ns() - start) / n, "ns");
	return 0;
}
