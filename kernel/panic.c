/*
 * panic: the kernel cannot go on. Say why, with a backtrace, stop the other
 * CPUs, then do what panic= asks: reset at once (negative), reset after N
 * seconds (positive), or halt for good (0, the default, as on Linux).
 */
#include "arch.h"
#include "boot.h"
#include "kernel.h"

volatile int panicking;
static volatile int panic_cpu = -1;

/* What panic= asks for, once everything has been said. */
__attribute__((noreturn)) static void panic_end(const char *msg)
{
	int t = cmdline.panic_timeout;
	if (t < 0) {
		printk(KERN_EMERG "Rebooting now (panic=%d)\n", t);
		arch_reset();
	}
	if (t > 0) {
		printk(KERN_EMERG "Rebooting in %d seconds..\n", t);
		for (uint64_t end = arch_clock_ns() + (uint64_t)t * 1000000000; arch_clock_ns() < end;)
			arch_relax();
		arch_reset();
	}
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", msg);
	arch_halt_forever();
}

void panic(const char *fmt, ...)
{
	arch_irq_disable();
	if (__atomic_exchange_n(&panicking, 1, __ATOMIC_SEQ_CST)) {
		if (panic_cpu == arch_cpu_id())	/* the panic path itself failed */
			panic_end("recursive panic");
		arch_halt_forever();		/* another CPU is already panicking */
	}
	panic_cpu = arch_cpu_id();
	arch_stop_other_cpus();
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", msg);
	arch_backtrace((uint64_t)__builtin_frame_address(0));
	panic_end(msg);
}
