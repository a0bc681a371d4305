/* waitid() with WEXITED and P_PID / P_ALL fills siginfo: si_pid, si_signo
 * SIGCHLD, si_code CLD_EXITED or CLD_KILLED, si_status the code or signal. */
#include "abi.h"

static void show_info(const char *what, int ret, const siginfo_t *si, pid_t pid)
{
	const char *code = si->si_code == CLD_EXITED ? "CLD_EXITED" :
			   si->si_code == CLD_KILLED ? "CLD_KILLED" :
			   si->si_code == CLD_DUMPED ? "CLD_DUMPED" : "other";
	printf("%s: ret %d, si_pid is child %s, si_signo SIGCHLD %s, si_code %s, si_status %d\n",
	       what, ret, yes(si->si_pid == pid), yes(si->si_signo == SIGCHLD), code,
	       si->si_status);
}

int main(void)
{
	siginfo_t si;
	int fds[2];

	pid_t pid = abi_fork();
	if (pid == 0)
		_exit(42);
	memset(&si, 0, sizeof(si));
	show_info("P_PID exit 42", waitid(P_PID, pid, &si, WEXITED), &si, pid);

	pid = abi_fork();
	if (pid == 0)
		_exit(255);
	memset(&si, 0, sizeof(si));
	show_info("P_ALL exit 255", waitid(P_ALL, 0, &si, WEXITED), &si, pid);

	pipe(fds);
	pid = abi_fork();
	if (pid == 0) {
		char c;
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(0);
	}
	close(fds[0]);
	memset(&si, 0, sizeof(si));
	printf("WNOHANG while running: ret %d, si_pid zero %s\n",
	       waitid(P_PID, pid, &si, WEXITED | WNOHANG), yes(si.si_pid == 0));
	kill(pid, SIGKILL);
	memset(&si, 0, sizeof(si));
	show_info("P_PID SIGKILL", waitid(P_PID, pid, &si, WEXITED), &si, pid);
	close(fds[1]);

	show("P_ALL no children", waitid(P_ALL, 0, &si, WEXITED));
	show("P_PID not a child", waitid(P_PID, getpid(), &si, WEXITED));
	show("no WEXITED/WSTOPPED/WCONTINUED", waitid(P_ALL, 0, &si, 0));
	show("bad idtype", waitid((idtype_t)42, 0, &si, WEXITED));
	return 0;
}
