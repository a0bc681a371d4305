/* arch_prctl(ARCH_GET_FS) returns the thread pointer musl set at startup:
 * nonzero, equal to %fs:0 (musl's self pointer) and to pthread_self();
 * ARCH_SET_FS to the same value keeps TLS working; bad codes are EINVAL. */
#include "abi.h"
/* From <asm/prctl.h>, which musl does not ship. */
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#include <pthread.h>

static __thread int tls_var = 42;

int main(void)
{
	unsigned long fs = 0, self;

	show("ARCH_GET_FS", syscall(SYS_arch_prctl, ARCH_GET_FS, &fs));
	__asm__ volatile("mov %%fs:0, %0" : "=r"(self));
	printf("fs base nonzero: %s\n", yes(fs != 0));
	printf("fs base equals %%fs:0: %s\n", yes(fs == self));
	printf("fs base equals pthread_self(): %s\n", yes(fs == (unsigned long)pthread_self()));
	printf("TLS variable: %d\n", tls_var);
	show("ARCH_SET_FS same value", syscall(SYS_arch_prctl, ARCH_SET_FS, fs));
	tls_var++;
	printf("TLS variable after: %d\n", tls_var);
	show("ARCH_SET_FS non-canonical", syscall(SYS_arch_prctl, ARCH_SET_FS, 0x8000000000000000UL));
	show("ARCH_GET_FS into a kernel address", syscall(SYS_arch_prctl, ARCH_GET_FS, ABI_KERNEL_PTR));
	show("unknown code", syscall(SYS_arch_prctl, 0x9999, 0));

	/* The child of fork has the same thread pointer. */
	pid_t pid = abi_fork();
	if (pid == 0) {
		unsigned long cfs = 0;
		syscall(SYS_arch_prctl, ARCH_GET_FS, &cfs);
		_exit(cfs == fs && tls_var == 43 ? 0 : 1);
	}
	printf("child's fs base and TLS match: %s\n", status_text(wait_for(pid)));
	return 0;
}
