/* After fork each process has its own copy of globals, stack and heap. */
#include "abi.h"

static int global = 1;

int main(void)
{
	int local = 10;
	int *heap = malloc(sizeof(*heap));
	*heap = 100;

	pid_t pid = abi_fork();
	if (pid == 0) {
		global++, local++, (*heap)++;
		printf("child: global %d local %d heap %d\n", global, local, *heap);
		_exit(0);
	}
	int st = wait_for(pid);
	global--, local--, (*heap)--;
	printf("parent after child %s: global %d local %d heap %d\n",
	       status_text(st), global, local, *heap);
	return 0;
}
