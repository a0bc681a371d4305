/*
 * sh_true: the cost of running a shell command: sh -c true.
 *
 *   sh_true [N]            default 100; the result is named sh_c_true
 *
 * N times: fork; the child points its stdout at /dev/null and execs
 * /bin/sh -c true; the parent waits for it. `true` is a shell builtin, so
 * no second program starts: this is fork, exec of a bigger program than
 * /bin/hello, the shell's own start-up (parsing, its memory allocation,
 * signal set-up) and exit. It is what system(3) and every script pays per
 * command.
 */
#include "bench.h"
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

static char *const child_argv[] = { "sh", "-c", "true", NULL };
static char *const child_envp[] = { "PATH=/bin", NULL };

static void run(unsigned long n, int devnull)
{
	for (unsigned long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			dup2(devnull, 1);
			execve("/bin/sh", child_argv, child_envp);
			_exit(127);
		}
		int status;
		if (waitpid(pid, &status, 0) != pid)
			die("waitpid");
		if (status != 0)
			fail("/bin/sh -c true did not exit with status 0");
	}
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 100);
	int devnull = open("/dev/null", O_WRONLY);
	if (devnull < 0)
		die("/dev/null");
	run(WARMUP, devnull);
	unsigned long long start = now_ns();
	run(n, devnull);
	report("sh_c_true", (now_ns() - start) / n, "ns");
	return 0;
}
