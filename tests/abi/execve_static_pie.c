/* A static position-independent executable (ET_DYN, no interpreter) runs:
 * the kernel places it, and it relocates itself (musl's rcrt1). This file is
 * built with -static-pie (see abi.py); its global data and heap must work. */
#include "abi.h"

static int counter = 41;
static const char *greeting = "relocated pointer";

int main(void)
{
	char *heap = malloc(1000);
	printf("global after increment: %d\n", ++counter);
	printf("a pointer in data: %s\n", greeting);
	printf("heap: %s\n", heap ? "works" : "fails");
	free(heap);
	return 0;
}
