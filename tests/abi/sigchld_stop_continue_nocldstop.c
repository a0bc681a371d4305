/* A parent also gets SIGCHLD when a child stops (CLD_STOPPED) or continues
 * (CLD_CONTINUED), unless its SIGCHLD action has SA_NOCLDSTOP; the exit is
 * reported either way. SIGCHLD is kept blocked and taken with sigtimedwait. */
#include "abi.h"

static void handler(int sig) { (void)sig; }

static int to_child[2], from_child[2];

static const char *code_name(int code)
{
	return code == CLD_EXITED ? "CLD_EXITED" : code == CLD_KILLED ? "CLD_KILLED" :
	       code == CLD_STOPPED ? "CLD_STOPPED" : code == CLD_CONTINUED ? "CLD_CONTINUED" :
	       "other";
}

/* Takes a pending SIGCHLD, waiting up to ms for it. */
static void take(const char *what, pid_t pid, int ms)
{
	sigset_t set;
	siginfo_t si;
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	memset(&si, 0, sizeof(si));
	int sig = sigtimedwait(&set, &si, &ts);
	if (sig < 0) {
		printf("  %s: no SIGCHLD (%s)\n", what, errno_name(errno));
		return;
	}
	printf("  %s: SIGCHLD, si_code %s, si_status %d, si_pid is the child %s\n", what,
	       code_name(si.si_code), si.si_status, yes(si.si_pid == pid));
}

static void run(const char *what, int flags)
{
	struct sigaction sa;
	int st;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigaction(SIGCHLD, &sa, NULL);
	printf("%s:\n", what);
	pipe(to_child);
	pipe(from_child);
	pid_t pid = abi_fork();
	if (pid == 0) {
		setpgid(0, 0);
		close(to_child[1]);
		close(from_child[0]);
		int c;
		while ((c = read_byte(to_child[0])) >= 0)
			write_byte(from_child[1], c);
		_exit(5);
	}
	setpgid(pid, pid);
	close(to_child[0]);
	close(from_child[1]);

	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	take("stop", pid, flags & SA_NOCLDSTOP ? 100 : 2000);
	kill(pid, SIGCONT);
	waitpid(pid, &st, WCONTINUED);
	/* Once the child answers, it has passed the point where it reports. */
	write_byte(to_child[1], 'x');
	read_byte(from_child[0]);
	take("continue", pid, flags & SA_NOCLDSTOP ? 0 : 2000);
	close(to_child[1]);
	close(from_child[0]);
	take("exit", pid, 2000);
	printf("  reaped: %s\n", status_text(wait_for(pid)));
}

int main(void)
{
	mask_signal(SIG_BLOCK, SIGCHLD);
	run("handler without flags", 0);
	run("handler with SA_NOCLDSTOP", SA_NOCLDSTOP);
	return 0;
}
