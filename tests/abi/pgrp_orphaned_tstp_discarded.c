/* In an orphaned process group (here: a child that made its own session, so
 * its parent is in another session) SIGTSTP, SIGTTIN and SIGTTOU, whose
 * default action is to stop, are discarded: the child keeps answering. Only
 * SIGSTOP still stops it. In a group that is not orphaned (a group of its
 * own inside the parent's session) SIGTSTP stops the child as usual. */
#include "abi.h"

static int to_child[2], from_child[2];

static pid_t start(int new_session)
{
	pipe(to_child);
	pipe(from_child);
	pid_t pid = abi_fork();
	if (pid == 0) {
		if (new_session)
			setsid();
		else
			setpgid(0, 0);
		close(to_child[1]);
		close(from_child[0]);
		write_byte(from_child[1], 'r');
		int c;
		while ((c = read_byte(to_child[0])) >= 0)
			write_byte(from_child[1], c);
		_exit(0);
	}
	close(to_child[0]);
	close(from_child[1]);
	read_byte(from_child[0]);
	return pid;
}

static void finish(pid_t pid)
{
	kill(pid, SIGKILL);
	printf("  SIGKILL: %s\n", status_text(wait_for(pid)));
	close(to_child[1]);
	close(from_child[0]);
}

int main(void)
{
	static const int sigs[] = { SIGTSTP, SIGTTIN, SIGTTOU };
	int st;

	for (int i = 0; i < 3; i++)
		set_disposition(sigs[i], SIG_DFL);

	printf("child in a new session (orphaned group):\n");
	pid_t pid = start(1);
	for (int i = 0; i < 3; i++) {
		kill(pid, sigs[i]);
		write_byte(to_child[1], 'a' + i);
		int c = read_byte(from_child[0]);
		printf("  %s: child still answers %s, wait4 WUNTRACED|WNOHANG %d\n",
		       sig_name(sigs[i]), yes(c == 'a' + i),
		       (int)waitpid(pid, &st, WUNTRACED | WNOHANG));
	}
	kill(pid, SIGSTOP);
	printf("  SIGSTOP: %s\n",
	       waitpid(pid, &st, WUNTRACED) == pid ? status_text(st) : "wait failed");
	finish(pid);

	printf("child in a group of its own, same session:\n");
	pid = start(0);
	kill(pid, SIGTSTP);
	printf("  SIGTSTP: %s\n",
	       waitpid(pid, &st, WUNTRACED) == pid ? status_text(st) : "wait failed");
	finish(pid);
	return 0;
}
