/* abort() kills with SIGABRT even when a SIGABRT handler returns, or when
 * SIGABRT is ignored or blocked: musl raises it, then resets the action to
 * SIG_DFL and raises it again with the signal unblocked. The children
 * re-execute the test, so that musl's cached thread id is their own. */
#include "abi.h"

static int report = -1;

static void handler(int sig)
{
	(void)sig;
	write_byte(report, 'H');
}

static int child(const char *how, int fd)
{
	report = fd;
	if (!strcmp(how, "handler"))
		set_disposition(SIGABRT, handler);
	else if (!strcmp(how, "ignored"))
		set_disposition(SIGABRT, SIG_IGN);
	else if (!strcmp(how, "blocked"))
		mask_signal(SIG_BLOCK, SIGABRT);
	abort();
}

static void run(const char *argv0, const char *how)
{
	int fds[2];
	char fd[12];
	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		close(fds[0]);
		snprintf(fd, sizeof(fd), "%d", fds[1]);
		char *args[] = { (char *)argv0, (char *)how, fd, NULL };
		execve(argv0, args, (char *[]){ NULL });
		_exit(127);
	}
	close(fds[1]);
	int st = wait_for(pid);
	int c = read_byte(fds[0]);
	close(fds[0]);
	printf("SIGABRT %s: %s, handler ran %s\n", how, status_text(st), yes(c == 'H'));
}

int main(int argc, char **argv)
{
	if (argc > 2)
		return child(argv[1], atoi(argv[2]));
	run(argv[0], "default");
	run(argv[0], "handler");
	run(argv[0], "ignored");
	run(argv[0], "blocked");
	return 0;
}
