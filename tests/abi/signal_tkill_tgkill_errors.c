/* tkill/tgkill argument checks: a tid <= 0 or a tgid <= 0 is EINVAL, a bad
 * signal number EINVAL, a thread that does not exist (or is not in the named
 * thread group) ESRCH, signal 0 only checks; tkill to a child's tid (its pid)
 * delivers the signal to it. */
#include "abi.h"

int main(void)
{
	pid_t gone = abi_fork();
	if (gone == 0)
		_exit(0);
	wait_for(gone);

	show("tkill(0, SIGUSR1)", syscall(SYS_tkill, 0, SIGUSR1));
	show("tkill(-1, SIGUSR1)", syscall(SYS_tkill, -1, SIGUSR1));
	show("tkill(self, 65)", syscall(SYS_tkill, gettid(), 65));
	show("tkill(self, -1)", syscall(SYS_tkill, gettid(), -1));
	show("tkill(self, 0)", syscall(SYS_tkill, gettid(), 0));
	show("tkill(reaped child, 0)", syscall(SYS_tkill, gone, 0));
	show("tgkill(0, self, 0)", syscall(SYS_tgkill, 0, gettid(), 0));
	show("tgkill(self, 0, 0)", syscall(SYS_tgkill, getpid(), 0, 0));
	show("tgkill(self, self, 0)", syscall(SYS_tgkill, getpid(), gettid(), 0));
	show("tgkill(self, self, 65)", syscall(SYS_tgkill, getpid(), gettid(), 65));
	show("tgkill(reaped child, self, 0)", syscall(SYS_tgkill, gone, gettid(), 0));
	show("tgkill(self, reaped child, 0)", syscall(SYS_tgkill, getpid(), gone, 0));

	int fds[2];
	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		char c;
		close(fds[1]);
		set_disposition(SIGTERM, SIG_DFL);
		read(fds[0], &c, 1);
		_exit(0);
	}
	close(fds[0]);
	show("tgkill(child, self, 0)", syscall(SYS_tgkill, pid, gettid(), 0));
	show("tgkill(child, child, 0)", syscall(SYS_tgkill, pid, pid, 0));
	show("tkill(child, SIGTERM)", syscall(SYS_tkill, pid, SIGTERM));
	printf("child: %s\n", status_text(wait_for(pid)));
	close(fds[1]);
	return 0;
}
