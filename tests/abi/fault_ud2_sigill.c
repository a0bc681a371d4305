/* An invalid opcode (ud2) raises #UD: SIGILL. */
#include "abi.h"

static void ud2(void) { __asm__ volatile("ud2"); }

int main(void)
{
	run_child("ud2", ud2);
	return 0;
}
