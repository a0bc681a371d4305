/* SIGKILL and SIGSTOP can be neither blocked (sigprocmask drops them from
 * the mask without an error) nor caught or ignored (sigaction EINVAL; asking
 * for the current action is fine). A child blocking everything is still
 * stopped by SIGSTOP and killed by SIGKILL. */
#include "abi.h"

static void handler(int sig) { (void)sig; }

static void try_action(const char *what, int sig, void (*fn)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	show(what, sigaction(sig, &sa, NULL));
}

int main(void)
{
	uint64_t all = ~0ULL, got = 0;
	long ret = syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, NULL, 8);
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, NULL, &got, 8);
	printf("block all 64: ret %ld, blocked SIGKILL %s, SIGSTOP %s, all others %s\n", ret,
	       yes(got & (1ULL << (SIGKILL - 1))), yes(got & (1ULL << (SIGSTOP - 1))),
	       yes((got | (1ULL << (SIGKILL - 1)) | (1ULL << (SIGSTOP - 1))) == ~0ULL));
	uint64_t none = 0;
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, 8);

	try_action("sigaction(SIGKILL, handler)", SIGKILL, handler);
	try_action("sigaction(SIGKILL, SIG_IGN)", SIGKILL, SIG_IGN);
	try_action("sigaction(SIGKILL, SIG_DFL)", SIGKILL, SIG_DFL);
	try_action("sigaction(SIGSTOP, handler)", SIGSTOP, handler);
	try_action("sigaction(SIGSTOP, SIG_IGN)", SIGSTOP, SIG_IGN);
	struct sigaction old;
	memset(&old, 0xff, sizeof(old));
	int r = sigaction(SIGKILL, NULL, &old);
	printf("sigaction(SIGKILL, NULL, &old): %d, SIG_DFL %s\n", r,
	       yes(old.sa_handler == SIG_DFL));

	int fds[2], ready[2];
	pipe(fds);
	pipe(ready);
	pid_t pid = abi_fork();
	if (pid == 0) {
		char c;
		close(fds[1]);
		syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, NULL, 8);
		write(ready[1], "r", 1);
		read(fds[0], &c, 1);
		_exit(0);
	}
	close(fds[0]);
	read_byte(ready[0]);
	kill(pid, SIGSTOP);
	int st;
	waitpid(pid, &st, WUNTRACED);
	printf("child blocking everything, SIGSTOP: %s\n", status_text(st));
	kill(pid, SIGKILL);
	printf("then SIGKILL: %s\n", status_text(wait_for(pid)));
	close(fds[1]);
	return 0;
}
