/* runner DIR NAME...: runs each ABI test DIR/NAME in turn and frames its output.
 *
 *   === BEGIN NAME
 *   <whatever the test writes to stdout and stderr>
 *   === END NAME exited 0            (or "killed by signal N")
 *   ...
 *   === ALL DONE
 *
 * Each test gets argv {"DIR/NAME"}, an environment of exactly ABI=1 and
 * PATH=/bin, and only fds 0, 1 and 2, with stderr joined to stdout. A relative
 * DIR is made absolute, since some tests chdir and exec themselves by argv[0].
 * There is no time limit here: whoever runs the runner bounds the whole run. */
#include "abi.h"

static void say(const char *a, const char *b, const char *c)
{
	char line[512];
	int n = snprintf(line, sizeof(line), "=== %s%s%s\n", a, b, c);
	if (n > (int)sizeof(line) - 1)
		n = sizeof(line) - 1;
	for (int off = 0; off < n;) {
		ssize_t w = write(1, line + off, n - off);
		if (w <= 0)
			return;
		off += w;
	}
}

static int run_test(const char *dir, const char *name)
{
	char path[1024], status[64];
	char *argv[] = { path, NULL };
	char *envp[] = { "ABI=1", "PATH=/bin", NULL };

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	say("BEGIN ", name, "");
	pid_t pid = abi_fork();
	if (pid < 0) {
		say("END ", name, " fork failed");
		return -1;
	}
	if (pid == 0) {
		/* Every test starts with exactly fds 0, 1 and 2 open. */
		if (fcntl(0, F_GETFD) < 0)
			open(".", O_RDONLY);
		dup2(1, 2);
		for (int fd = 3; fd < 1024; fd++)
			close(fd);
		execve(path, argv, envp);
		printf("runner: execve %s: %s\n", path, errno_name(errno));
		_exit(127);
	}
	int st;
	while (wait4(pid, &st, 0, NULL) < 0)
		if (errno != EINTR) {
			say("END ", name, " wait failed");
			return -1;
		}
	/* Reap any orphans that were handed to us (when the runner is init). */
	while (wait4(-1, NULL, WNOHANG, NULL) > 0)
		;
	snprintf(status, sizeof(status), " %s", status_text(st));
	say("END ", name, status);
	return 0;
}

int main(int argc, char **argv)
{
	char dir[900];

	if (argc < 2) {
		printf("usage: runner DIR NAME...\n");
		return 2;
	}
	if (argv[1][0] == '/') {
		snprintf(dir, sizeof(dir), "%s", argv[1]);
	} else {
		char cwd[512];
		if (!getcwd(cwd, sizeof(cwd))) {
			printf("runner: getcwd: %s\n", errno_name(errno));
			return 1;
		}
		snprintf(dir, sizeof(dir), "%s/%s", cwd, argv[1]);
	}
	/* Every test starts in a fresh, empty directory of its own making:
	 * the same on the host and in sysret (where the runner starts in "/"). */
	char scratch[] = "/tmp/abi-run-XXXXXX";
	if (!mkdtemp(scratch) || chdir(scratch) < 0) {
		printf("runner: scratch directory: %s\n", errno_name(errno));
		return 1;
	}
	for (int i = 2; i < argc; i++)
		run_test(dir, argv[i]);
	if (chdir("/") < 0 || rmdir(scratch) < 0)
		printf("runner: a test left files in its directory\n");
	say("ALL DONE", "", "");
	return 0;
}
