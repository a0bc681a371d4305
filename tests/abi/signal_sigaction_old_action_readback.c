/* sigaction returns the previous action: handler, flags and sa_mask as set
 * (SIGKILL and SIGSTOP are silently dropped from sa_mask); the initial action
 * of a signal the test never touched is SIG_DFL. Bad pointers are EFAULT. */
#include "abi.h"

static void handler(int sig) { (void)sig; }
static void other(int sig, siginfo_t *si, void *uc) { (void)sig; (void)si; (void)uc; }

struct k_sigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

int main(void)
{
	struct sigaction sa, old;

	memset(&old, 0xff, sizeof(old));
	sigaction(SIGUSR1, NULL, &old);
	printf("initial SIGUSR1: SIG_DFL %s\n", yes(old.sa_handler == SIG_DFL));

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaddset(&sa.sa_mask, SIGKILL);
	sigaddset(&sa.sa_mask, SIGSTOP);
	sigaddset(&sa.sa_mask, SIGRTMIN);
	sigaction(SIGUSR1, &sa, NULL);

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = other;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	memset(&old, 0, sizeof(old));
	sigaction(SIGUSR1, &sa, &old);
	printf("old action: handler %s, SA_RESTART %s, SA_NODEFER %s, SA_SIGINFO %s, "
	       "sa_mask %s\n", yes(old.sa_handler == handler), yes(old.sa_flags & SA_RESTART),
	       yes(old.sa_flags & SA_NODEFER), yes(old.sa_flags & SA_SIGINFO),
	       sigset_text(&old.sa_mask));
	memset(&old, 0, sizeof(old));
	sigaction(SIGUSR1, NULL, &old);
	printf("current action: sa_sigaction %s, SA_SIGINFO %s, SA_ONSTACK %s, SA_RESETHAND %s, "
	       "SA_RESTART %s, sa_mask %s\n", yes(old.sa_sigaction == other),
	       yes(old.sa_flags & SA_SIGINFO), yes(old.sa_flags & SA_ONSTACK),
	       yes(old.sa_flags & SA_RESETHAND), yes(old.sa_flags & SA_RESTART),
	       sigset_text(&old.sa_mask));

	set_disposition(SIGUSR2, SIG_IGN);
	sigaction(SIGUSR2, NULL, &old);
	printf("SIGUSR2 after SIG_IGN: SIG_IGN %s\n", yes(old.sa_handler == SIG_IGN));

	struct k_sigaction kold;
	show("rt_sigaction bad new pointer",
	     syscall(SYS_rt_sigaction, SIGUSR2, ABI_KERNEL_PTR, NULL, 8));
	show("rt_sigaction bad old pointer",
	     syscall(SYS_rt_sigaction, SIGUSR2, NULL, ABI_KERNEL_PTR, 8));
	show("rt_sigaction query", syscall(SYS_rt_sigaction, SIGUSR2, NULL, &kold, 8));
	printf("  still SIG_IGN %s\n", yes(kold.handler == (void *)SIG_IGN));
	return 0;
}
