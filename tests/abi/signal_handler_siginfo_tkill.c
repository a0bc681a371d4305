/* Thread-directed signals: raise(), tkill() and tgkill() to oneself reach an
 * SA_SIGINFO handler with si_code SI_TKILL and si_pid the sender; a plain
 * (non-SA_SIGINFO) handler gets the signal number. */
#include "abi.h"

static volatile sig_atomic_t runs;
static siginfo_t got;
static int plain_sig;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	got = *si;
	runs++;
}

static void plain(int sig)
{
	plain_sig = sig;
	runs++;
}

static void report(const char *what, int ret)
{
	printf("%s: ret %d, handler runs %d, si_signo %s, si_code SI_TKILL %s, si_pid is self %s, "
	       "si_uid is the uid %s\n", what, ret, (int)runs, sig_name(got.si_signo),
	       yes(got.si_code == SI_TKILL), yes(got.si_pid == getpid()),
	       yes(got.si_uid == getuid()));
	runs = 0;
	memset(&got, 0, sizeof(got));
}

int main(void)
{
	on_signal(SIGUSR1, handler, 0);
	on_signal(SIGUSR2, handler, 0);

	int ret = raise(SIGUSR1);
	report("raise(SIGUSR1)", ret);
	ret = syscall(SYS_tkill, gettid(), SIGUSR2);
	report("tkill(self, SIGUSR2)", ret);
	ret = syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1);
	report("tgkill(self, self, SIGUSR1)", ret);

	set_disposition(SIGHUP, plain);
	ret = syscall(SYS_tkill, gettid(), SIGHUP);
	printf("plain handler: ret %d, handler runs %d, signal %s\n", ret, (int)runs,
	       sig_name(plain_sig));
	return 0;
}
