/*
 * fork_exec_wait: the cost of starting a program the classic way.
 *
 *   fork_exec_wait [N]     default 200
 *
 * N times: fork; the child points its stdout at /dev/null and execs
 * /bin/hello; the parent waits for it with waitpid. Unlike vfork_exec_wait
 * the child gets a copy of the parent's address space (copy-on-write), which
 * exec throws away at once: the difference between the two is what that
 * copy costs, for a small parent.
 */
#include "bench.h"
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

static char *const child_argv[] = { "hello", NULL };
static char *const child_envp[] = { "PATH=/bin", NULL };

static void run(unsigned long n, int devnull)
{
	for (unsigned long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			dup2(devnull, 1);
			execve("/bin/hello", child_argv, child_envp);
			_exit(127);
		}
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
	report("fork_exec_wait", (now_ns() - start) / n, "ns");
	return 0;
}
