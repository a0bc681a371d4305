/* Signals whose default action is to dump core and terminate: sent with
 * kill, each ends a child waiting on a pipe (whether a core file is written
 * depends on the machine and is not shown). */
#include "abi.h"

static void kill_child(int sig)
{
	int fds[2];
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	set_disposition(sig, SIG_DFL);
	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		close(fds[1]);
		read_byte(fds[0]);
		_exit(0);
	}
	close(fds[0]);
	kill(pid, sig);
	printf("%s: %s\n", sig_name(sig), status_text(wait_for(pid)));
	close(fds[1]);
}

int main(void)
{
	static const int sigs[] = { SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE,
				    SIGSEGV, SIGXCPU, SIGXFSZ, SIGSYS };
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		kill_child(sigs[i]);
	return 0;
}
