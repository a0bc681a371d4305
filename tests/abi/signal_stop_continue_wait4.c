/* SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU stop a child (in a process group of
 * its own, whose parent is in another group of the same session, so the
 * job-control signals are not discarded); wait4 with WUNTRACED reports
 * "stopped by signal N" once; SIGCONT resumes it and WCONTINUED reports that.
 * Without WUNTRACED a stop is not reported. SIGKILL ends a stopped child. */
#include "abi.h"

static int to_child[2], from_child[2];

static int child_answers(int c)
{
	write_byte(to_child[1], c);
	return read_byte(from_child[0]) == c;
}

int main(void)
{
	static const int stops[] = { SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU };
	int st;

	for (int i = 1; i < 4; i++)
		set_disposition(stops[i], SIG_DFL);
	set_disposition(SIGCONT, SIG_DFL);
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
		_exit(0);
	}
	setpgid(pid, pid);
	close(to_child[0]);
	close(from_child[1]);
	printf("child running: %s\n", yes(child_answers('x')));

	for (int i = 0; i < 4; i++) {
		kill(pid, stops[i]);
		pid_t r = waitpid(pid, &st, WUNTRACED);
		printf("%s: wait4 WUNTRACED %s, %s", sig_name(stops[i]), yes(r == pid),
		       status_text(st));
		r = waitpid(pid, &st, WUNTRACED | WNOHANG);
		printf(", again with WNOHANG: %d\n", (int)r);
		r = waitpid(pid, &st, WCONTINUED | WNOHANG);
		printf("  WCONTINUED before SIGCONT: %d\n", (int)r);
		kill(pid, SIGCONT);
		r = waitpid(pid, &st, WCONTINUED);
		printf("  SIGCONT: wait4 WCONTINUED %s, WIFCONTINUED %s, WIFSTOPPED %s, "
		       "WIFEXITED %s, WIFSIGNALED %s; child answers %s\n", yes(r == pid),
		       yes(WIFCONTINUED(st)), yes(WIFSTOPPED(st)), yes(WIFEXITED(st)),
		       yes(WIFSIGNALED(st)), yes(child_answers('a' + i)));
	}

	kill(pid, SIGSTOP);
	printf("stopped again, wait4 WNOHANG without WUNTRACED: %d\n",
	       (int)waitpid(pid, &st, WNOHANG));
	printf("wait4 WUNTRACED: %s\n",
	       waitpid(pid, &st, WUNTRACED) == pid ? status_text(st) : "failed");
	kill(pid, SIGKILL);
	printf("SIGKILL while stopped: %s\n", status_text(wait_for(pid)));
	close(to_child[1]);
	return 0;
}
