/* The syscall table's numbers are Linux's: each checked against the host's
 * <asm/unistd_64.h>, so a typo cannot slip in. */
#include <asm/unistd_64.h>
#include <string.h>
#include "unit.h"

int main(void)
{
	int n = 0;
#define SYSCALL(nr, name) \
	CHECK(nr == __NR_##name, "%s is %d on Linux, %d in the table", #name, __NR_##name, nr); n++;
#include "syscall_table.h"
#undef SYSCALL
	CHECK(n >= 90, "%d system calls in the table", n);
	printf("syscall_numbers: %d system calls in the table\n", n);
	return unit_finish("syscall_numbers");
}
