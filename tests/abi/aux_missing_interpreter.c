/* Helper for execve_missing_interpreter: a dynamically linked program whose
 * PT_INTERP names an interpreter that exists nowhere. It never runs. */
#include <stdio.h>

int main(void)
{
	printf("this should not run\n");
	return 0;
}
