/* Signals sent to a stopped child wait for SIGCONT: a handled one stays
 * pending and its handler runs only after SIGCONT; a terminating one (SIGTERM)
 * or a core-dumping one (SIGQUIT) leaves it stopped until SIGCONT, which lets
 * it die; only SIGKILL ends it while stopped. */
#include "abi.h"
#include <poll.h>

static int out[2];

static void handler(int sig) { (void)sig; write_byte(out[1], 'U'); }

/* A child in its own group, blocked reading a pipe nobody writes. */
static pid_t start(int *hold)
{
	int fds[2];
	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		setpgid(0, 0);
		close(fds[1]);
		close(out[0]);
		read_byte(fds[0]);
		_exit(0);
	}
	setpgid(pid, pid);
	close(fds[0]);
	*hold = fds[1];
	return pid;
}

static void stop(pid_t pid)
{
	int st;
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	printf("child %s\n", status_text(st));
}

static int byte_within(int ms)
{
	struct pollfd p = { .fd = out[0], .events = POLLIN };
	return poll(&p, 1, ms) == 1 && read_byte(out[0]) == 'U';
}

int main(void)
{
	int hold, st;

	pipe(out);
	set_disposition(SIGUSR1, handler);
	set_disposition(SIGQUIT, SIG_DFL);
	set_disposition(SIGTERM, SIG_DFL);

	pid_t pid = start(&hold);
	stop(pid);
	kill(pid, SIGUSR1);
	printf("SIGUSR1 to the stopped child: handler ran within 100 ms %s\n", yes(byte_within(100)));
	kill(pid, SIGCONT);
	printf("after SIGCONT: handler ran %s\n", yes(byte_within(2000)));
	kill(pid, SIGKILL);
	printf("SIGKILL: %s\n", status_text(wait_for(pid)));
	close(hold);

	static const int fatal[] = { SIGTERM, SIGQUIT };
	for (int i = 0; i < 2; i++) {
		pid = start(&hold);
		stop(pid);
		kill(pid, fatal[i]);
		msleep(100);
		printf("%s to the stopped child: still there after 100 ms %s\n",
		       sig_name(fatal[i]), yes(waitpid(pid, &st, WNOHANG) == 0));
		kill(pid, SIGCONT);
		printf("after SIGCONT: %s\n", status_text(wait_for(pid)));
		close(hold);
	}
	return 0;
}
