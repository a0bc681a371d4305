/* sigqueue (rt_sigqueueinfo) carries a value: the handler or sigwaitinfo
 * sees si_code SI_QUEUE, si_value and the sender's pid and uid; from a child
 * too. Claiming a kernel si_code (>= 0) for another process is EPERM. */
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

static void report(const char *what, const siginfo_t *si, pid_t sender)
{
	printf("%s: si_signo %s, si_code SI_QUEUE %s, si_value %d, si_pid is the sender %s, "
	       "si_uid is the uid %s\n", what, sig_name(si->si_signo),
	       yes(si->si_code == SI_QUEUE), si->si_value.sival_int,
	       yes(si->si_pid == sender), yes(si->si_uid == getuid()));
}

int main(void)
{
	on_signal(SIGUSR1, handler, 0);
	int ret = sigqueue(getpid(), SIGUSR1, (union sigval){ .sival_int = 42 });
	printf("sigqueue(self, SIGUSR1, 42): %d, handler runs %d\n", ret, (int)runs);
	report("  handler", &got, getpid());

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid_t pid = abi_fork();
	if (pid == 0)
		_exit(sigqueue(getppid(), SIGRTMIN, (union sigval){ .sival_int = -7 }) ? 1 : 0);
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	int sig = sigwaitinfo(&set, &si);
	printf("from a child, taken by sigwaitinfo: %s\n", sig == SIGRTMIN ? "yes" : "no");
	report("  siginfo", &si, pid);
	printf("child: %s\n", status_text(wait_for(pid)));

	/* A forged si_code: allowed for oneself, EPERM towards another process. */
	int fds[2];
	pipe(fds);
	pid = abi_fork();
	if (pid == 0) {
		close(fds[1]);
		read_byte(fds[0]);
		_exit(0);
	}
	close(fds[0]);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR2;
	si.si_code = SI_KERNEL;
	show("rt_sigqueueinfo(child, si_code SI_KERNEL)",
	     syscall(SYS_rt_sigqueueinfo, pid, SIGUSR2, &si));
	si.si_code = SI_USER;
	show("rt_sigqueueinfo(child, si_code SI_USER)",
	     syscall(SYS_rt_sigqueueinfo, pid, SIGUSR2, &si));
	runs = 0;
	si.si_signo = SIGUSR1;
	si.si_code = SI_KERNEL;
	show("rt_sigqueueinfo(self, si_code SI_KERNEL)",
	     syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &si));
	printf("  handler runs %d, si_code SI_KERNEL %s\n", (int)runs, yes(got.si_code == SI_KERNEL));
	close(fds[1]);
	printf("child: %s\n", status_text(wait_for(pid)));
	return 0;
}
