/* The parent gets SIGCHLD when a child ends: si_code CLD_EXITED with the
 * exit code in si_status, or CLD_KILLED with the signal; si_pid and si_uid
 * name the child. The child is still a zombie to reap afterwards. */
#include "abi.h"

static volatile sig_atomic_t runs;
static siginfo_t got;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	got = *si;
	runs++;
}

static void await_sigchld(void)
{
	sigset_t none;
	sigemptyset(&none);
	for (int i = 0; !runs && i < 100; i++)
		sigsuspend(&none);
}

static void report(pid_t pid)
{
	printf("  handler runs %d, si_signo %s, si_code %s, si_status %d, si_pid is the child %s, "
	       "si_uid is the uid %s\n", (int)runs, sig_name(got.si_signo),
	       got.si_code == CLD_EXITED ? "CLD_EXITED" :
	       got.si_code == CLD_KILLED ? "CLD_KILLED" : "other", got.si_status,
	       yes(got.si_pid == pid), yes(got.si_uid == getuid()));
	runs = 0;
	printf("  then reaped: %s\n", status_text(wait_for(pid)));
}

int main(void)
{
	on_signal(SIGCHLD, handler, 0);
	mask_signal(SIG_BLOCK, SIGCHLD);

	pid_t pid = abi_fork();
	if (pid == 0)
		_exit(7);
	await_sigchld();
	printf("child exits 7:\n");
	report(pid);

	int fds[2];
	pipe(fds);
	set_disposition(SIGTERM, SIG_DFL);
	pid = abi_fork();
	if (pid == 0) {
		close(fds[1]);
		read_byte(fds[0]);
		_exit(0);
	}
	close(fds[0]);
	kill(pid, SIGTERM);
	await_sigchld();
	printf("child killed by SIGTERM:\n");
	report(pid);
	close(fds[1]);
	return 0;
}
