/* A breakpoint (int3) is a trap: with no debugger and no handler, SIGTRAP
 * ends the process. */
#include "abi.h"

static void int3(void) { __asm__ volatile("int3"); }

int main(void)
{
	run_child("int3", int3);
	return 0;
}
