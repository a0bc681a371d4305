/* Signal numbers outside 1..64 are EINVAL for rt_sigaction, kill, tkill and
 * rt_sigqueueinfo; so is a sigsetsize other than 8, and an unknown "how" for
 * rt_sigprocmask (only checked when a new set is given). 64 is valid. */
#include "abi.h"

struct k_sigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

int main(void)
{
	struct k_sigaction old;
	uint64_t set = 0;
	siginfo_t si;

	show("rt_sigaction(0)", syscall(SYS_rt_sigaction, 0, NULL, &old, 8));
	show("rt_sigaction(65)", syscall(SYS_rt_sigaction, 65, NULL, &old, 8));
	show("rt_sigaction(-1)", syscall(SYS_rt_sigaction, -1, NULL, &old, 8));
	show("rt_sigaction(64)", syscall(SYS_rt_sigaction, 64, NULL, &old, 8));
	show("rt_sigaction(SIGUSR1, sigsetsize 4)",
	     syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 4));
	show("rt_sigaction(SIGUSR1, sigsetsize 16)",
	     syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 16));

	show("kill(self, 65)", syscall(SYS_kill, getpid(), 65));
	show("kill(self, -1)", syscall(SYS_kill, getpid(), -1));
	show("kill(self, 0)", syscall(SYS_kill, getpid(), 0));
	show("tkill(self, 65)", syscall(SYS_tkill, gettid(), 65));
	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	show("rt_sigqueueinfo(self, 65)", syscall(SYS_rt_sigqueueinfo, getpid(), 65, &si));
	show("rt_sigqueueinfo(self, 0)", syscall(SYS_rt_sigqueueinfo, getpid(), 0, &si));

	show("rt_sigprocmask(how 3, set)", syscall(SYS_rt_sigprocmask, 3, &set, NULL, 8));
	show("rt_sigprocmask(how -1, set)", syscall(SYS_rt_sigprocmask, -1, &set, NULL, 8));
	show("rt_sigprocmask(how 3, no set)", syscall(SYS_rt_sigprocmask, 3, NULL, &set, 8));
	show("rt_sigprocmask(sigsetsize 4)",
	     syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4));
	show("rt_sigprocmask(sigsetsize 16)",
	     syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 16));
	show("rt_sigpending(sigsetsize 16)", syscall(SYS_rt_sigpending, &set, 16));
	show("rt_sigsuspend(sigsetsize 4)", syscall(SYS_rt_sigsuspend, &set, 4));
	return 0;
}
