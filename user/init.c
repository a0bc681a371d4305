/* The initramfs's /init until processes exist: it says hello. */
#include <stdio.h>

int main(void)
{
	printf("hello from /init\n");
	return 0;
}
