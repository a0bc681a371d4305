/* With the AC flag set in RFLAGS (user mode, CR0.AM on), a misaligned load
 * raises #AC: SIGBUS. Without AC the same load is fine. */
#include "abi.h"

static char buf[16] __attribute__((aligned(16)));

static void misaligned_load(int set_ac)
{
	long out;
	if (set_ac)
		__asm__ volatile("pushf\n\t"
				 "orq $0x40000, (%%rsp)\n\t"
				 "popf\n\t"
				 "movq (%1), %0\n\t"
				 "pushf\n\t"
				 "andq $~0x40000, (%%rsp)\n\t"
				 "popf"
				 : "=&r"(out) : "r"(buf + 1) : "memory", "cc");
	else
		__asm__ volatile("movq (%1), %0" : "=r"(out) : "r"(buf + 1) : "memory");
	(void)out;
}

static void with_ac(void) { misaligned_load(1); }
static void without_ac(void) { misaligned_load(0); }

int main(void)
{
	run_child("misaligned load, AC clear", without_ac);
	run_child("misaligned load, AC set", with_ac);
	return 0;
}
