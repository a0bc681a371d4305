/* A non-canonical address (bits 63..47 not all equal) raises #GP, not a page
 * fault: Linux reports it as SIGSEGV. */
#include "abi.h"

static void load(void) { (void)*(volatile long *)0x8000000000000000UL; }
static void store(void) { *(volatile long *)0x0000800000000000UL = 1; }
static void jump(void) { ((void (*)(void))0x8000000000000000UL)(); }

int main(void)
{
	run_child("load from 0x8000000000000000", load);
	run_child("store to 0x0000800000000000", store);
	run_child("jump to 0x8000000000000000", jump);
	return 0;
}
