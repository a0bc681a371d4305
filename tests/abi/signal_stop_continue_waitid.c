/* waitid reports stops with WSTOPPED (si_code CLD_STOPPED, si_status the
 * stop signal) and resumptions with WCONTINUED (CLD_CONTINUED, si_status
 * SIGCONT), each once; WEXITED alone does not report a stop. */
#include "abi.h"

static const char *code_name(int code)
{
	return code == CLD_EXITED ? "CLD_EXITED" : code == CLD_KILLED ? "CLD_KILLED" :
	       code == CLD_DUMPED ? "CLD_DUMPED" : code == CLD_STOPPED ? "CLD_STOPPED" :
	       code == CLD_CONTINUED ? "CLD_CONTINUED" : code == 0 ? "0" : "other";
}

static void wait_show(const char *what, pid_t pid, int options)
{
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	int ret = waitid(P_PID, pid, &si, options);
	printf("%s: ret %d", what, ret);
	if (ret < 0) {
		printf(" %s\n", errno_name(errno));
		return;
	}
	if (si.si_pid == 0) {
		printf(", nothing to report (si_pid 0)\n");
		return;
	}
	printf(", si_pid is the child %s, si_signo %s, si_code %s, si_status %s\n",
	       yes(si.si_pid == pid), sig_name(si.si_signo), code_name(si.si_code),
	       si.si_code == CLD_EXITED ? "?" : sig_name(si.si_status));
}

int main(void)
{
	int fds[2];

	set_disposition(SIGTSTP, SIG_DFL);
	set_disposition(SIGCONT, SIG_DFL);
	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		setpgid(0, 0);
		close(fds[1]);
		read_byte(fds[0]);
		_exit(0);
	}
	setpgid(pid, pid);
	close(fds[0]);

	kill(pid, SIGSTOP);
	wait_show("SIGSTOP, WSTOPPED", pid, WSTOPPED);
	wait_show("again, WSTOPPED|WNOHANG", pid, WSTOPPED | WNOHANG);
	wait_show("WEXITED|WNOHANG while stopped", pid, WEXITED | WNOHANG);
	wait_show("WCONTINUED|WNOHANG while stopped", pid, WCONTINUED | WNOHANG);
	kill(pid, SIGCONT);
	wait_show("SIGCONT, WCONTINUED", pid, WCONTINUED);
	wait_show("again, WCONTINUED|WNOHANG", pid, WCONTINUED | WNOHANG);

	kill(pid, SIGTSTP);
	wait_show("SIGTSTP, WSTOPPED|WEXITED", pid, WSTOPPED | WEXITED);
	kill(pid, SIGCONT);
	wait_show("SIGCONT, WCONTINUED|WEXITED", pid, WCONTINUED | WEXITED);

	kill(pid, SIGKILL);
	wait_show("SIGKILL, WEXITED", pid, WEXITED);
	close(fds[1]);
	return 0;
}
