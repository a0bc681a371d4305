/* sigprocmask: SIG_BLOCK adds to the mask, SIG_UNBLOCK removes, SIG_SETMASK
 * replaces, each returning the previous mask; a NULL set only reads it. The
 * raw call rejects an unknown "how" (EINVAL) and bad pointers (EFAULT; a bad
 * old-set pointer only after the new mask is in place). */
#include "abi.h"

static sigset_t make(int a, int b)
{
	sigset_t s;
	sigemptyset(&s);
	if (a)
		sigaddset(&s, a);
	if (b)
		sigaddset(&s, b);
	return s;
}

int main(void)
{
	sigset_t set, old;

	printf("at start: %s\n", blocked_text());
	set = make(SIGUSR1, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, &old);
	printf("SIG_BLOCK {SIGUSR1, SIGHUP}: old %s, now %s\n", sigset_text(&old), blocked_text());
	set = make(SIGUSR2, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set, &old);
	printf("SIG_BLOCK {SIGUSR2, signal 35}: old %s, now %s\n", sigset_text(&old),
	       blocked_text());
	set = make(SIGHUP, SIGTERM);
	sigprocmask(SIG_UNBLOCK, &set, &old);
	printf("SIG_UNBLOCK {SIGHUP, SIGTERM}: old %s, now %s\n", sigset_text(&old),
	       blocked_text());
	set = make(SIGINT, 0);
	sigprocmask(SIG_SETMASK, &set, &old);
	printf("SIG_SETMASK {SIGINT}: old %s, now %s\n", sigset_text(&old), blocked_text());
	sigprocmask(SIG_BLOCK, NULL, &old);
	printf("NULL set: reads %s, now %s\n", sigset_text(&old), blocked_text());

	uint64_t raw = 1;
	show("raw how 3", syscall(SYS_rt_sigprocmask, 3, &raw, NULL, 8));
	show("raw bad set", syscall(SYS_rt_sigprocmask, SIG_BLOCK, ABI_KERNEL_PTR, NULL, 8));
	show("raw bad old", syscall(SYS_rt_sigprocmask, SIG_BLOCK, &raw, ABI_KERNEL_PTR, 8));
	printf("after the failed calls: %s\n", blocked_text());
	show("rt_sigpending bad pointer", syscall(SYS_rt_sigpending, ABI_KERNEL_PTR, 8));
	return 0;
}
