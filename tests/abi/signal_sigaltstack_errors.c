/* sigaltstack errors: a stack smaller than MINSIGSTKSZ is ENOMEM, unknown
 * flags EINVAL, a bad pointer EFAULT, and changing the alternate stack while
 * running on it EPERM. Disabling needs no size. */
#include "abi.h"

#define ALT_SIZE 65536
static char altbuf[ALT_SIZE];
static long change_ret;
static int change_err;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	(void)uc;
	stack_t ss = { .ss_sp = altbuf, .ss_size = ALT_SIZE, .ss_flags = 0 };
	change_ret = syscall(SYS_sigaltstack, &ss, NULL);
	change_err = errno;
	ss.ss_flags = SS_DISABLE;
	syscall(SYS_sigaltstack, &ss, NULL);
}

int main(void)
{
	stack_t ss = { .ss_sp = altbuf, .ss_size = 1024, .ss_flags = 0 };
	show("size 1024", syscall(SYS_sigaltstack, &ss, NULL));
	ss.ss_size = ALT_SIZE;
	ss.ss_flags = 42;
	show("flags 42", syscall(SYS_sigaltstack, &ss, NULL));
	show("bad new pointer", syscall(SYS_sigaltstack, ABI_KERNEL_PTR, NULL));
	show("bad old pointer", syscall(SYS_sigaltstack, NULL, ABI_KERNEL_PTR));
	ss.ss_flags = SS_DISABLE;
	ss.ss_size = 0;
	show("SS_DISABLE, size 0", syscall(SYS_sigaltstack, &ss, NULL));
	show("query only", syscall(SYS_sigaltstack, NULL, NULL));

	ss.ss_flags = 0;
	ss.ss_size = ALT_SIZE;
	show("set 64 KiB", syscall(SYS_sigaltstack, &ss, NULL));
	on_signal(SIGUSR1, handler, SA_ONSTACK);
	abi_raise(SIGUSR1);
	errno = change_err;
	show("change while on it", change_ret);
	stack_t old;
	sigaltstack(NULL, &old);
	printf("the stack is still set: %s\n", yes(!(old.ss_flags & SS_DISABLE) &&
						   old.ss_sp == altbuf));
	return 0;
}
