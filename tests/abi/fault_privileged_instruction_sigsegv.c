/* Privileged instructions in user mode raise #GP: SIGSEGV. */
#include "abi.h"

static void hlt(void) { __asm__ volatile("hlt"); }
static void cli(void) { __asm__ volatile("cli"); }
static void read_cr3(void) { long v; __asm__ volatile("mov %%cr3, %0" : "=r"(v)); }
static void wrmsr(void) { __asm__ volatile("wrmsr" :: "c"(0xc0000100), "a"(0), "d"(0)); }

int main(void)
{
	run_child("hlt", hlt);
	run_child("cli", cli);
	run_child("mov %cr3", read_cr3);
	run_child("wrmsr", wrmsr);
	return 0;
}
