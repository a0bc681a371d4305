/* Sending SIGCONT discards pending stop signals and sending a stop signal
 * discards a pending SIGCONT, even while they are blocked: a child blocking
 * SIGTSTP, SIGTTOU and SIGCONT watches its pending set as its parent sends them, and
 * is never stopped. */
#include "abi.h"

static int to_child[2], from_child[2];

static void step(pid_t pid, int sig)
{
	kill(pid, sig);
	printf("parent sent %s\n", sig_name(sig));
	write_byte(to_child[1], 's');
	read_byte(from_child[0]);
}

int main(void)
{
	set_disposition(SIGTSTP, SIG_DFL);
	set_disposition(SIGTTOU, SIG_DFL);
	set_disposition(SIGCONT, SIG_DFL);
	pipe(to_child);
	pipe(from_child);
	pid_t pid = abi_fork();
	if (pid == 0) {
		sigset_t set;
		setpgid(0, 0);
		sigemptyset(&set);
		sigaddset(&set, SIGTSTP);
		sigaddset(&set, SIGTTOU);
		sigaddset(&set, SIGCONT);
		sigprocmask(SIG_BLOCK, &set, NULL);
		close(to_child[1]);
		close(from_child[0]);
		write_byte(from_child[1], 'r');
		while (read_byte(to_child[0]) >= 0) {
			printf("  child pending: %s\n", pending_text());
			write_byte(from_child[1], 'd');
		}
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		printf("  child unblocked them and runs on\n");
		_exit(0);
	}
	setpgid(pid, pid);
	close(to_child[0]);
	close(from_child[1]);
	read_byte(from_child[0]);

	step(pid, SIGTSTP);
	step(pid, SIGCONT);
	step(pid, SIGTSTP);
	step(pid, SIGCONT);
	step(pid, SIGTTOU);
	step(pid, SIGCONT);
	close(to_child[1]);
	int st;
	waitpid(pid, &st, WUNTRACED);
	printf("child: %s\n", status_text(st));
	return 0;
}
