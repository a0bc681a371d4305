/* A store through NULL (page 0 is never mapped) is SIGSEGV; so are a load
 * from NULL and a store to a kernel address. */
#include "abi.h"

static void write_null(void) { *(volatile int *)0 = 1; }
static void read_null(void) { (void)*(volatile int *)0; }
static void write_kernel(void) { *(volatile int *)ABI_KERNEL_PTR = 1; }
static void read_kernel(void) { (void)*(volatile int *)ABI_KERNEL_PTR; }

int main(void)
{
	run_child("write to NULL", write_null);
	run_child("read from NULL", read_null);
	run_child("write to a kernel address", write_kernel);
	run_child("read from a kernel address", read_kernel);
	return 0;
}
