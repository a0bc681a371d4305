/* Integer divide by zero and INT_MIN / -1 raise #DE: SIGFPE. */
#include "abi.h"
#include <limits.h>

static volatile int zero = 0, minus_one = -1, int_min = INT_MIN;
static volatile long lzero = 0;

static void div_zero(void) { zero = 10 / zero; }
static void div_zero_64(void) { lzero = 10L / lzero; }
static void div_overflow(void) { int_min = int_min / minus_one; }
static void mod_zero(void) { zero = 10 % zero; }

int main(void)
{
	run_child("int 10 / 0", div_zero);
	run_child("long 10 / 0", div_zero_64);
	run_child("INT_MIN / -1", div_overflow);
	run_child("10 % 0", mod_zero);
	return 0;
}
