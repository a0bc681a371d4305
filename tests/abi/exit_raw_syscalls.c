/* exit and exit_group as raw system calls end a single-threaded process with
 * the code's low 8 bits; neither runs atexit handlers or flushes stdio. */
#include "abi.h"

static void bye(void)
{
	printf("atexit handler ran\n");
}

int main(void)
{
	int nrs[] = { SYS_exit, SYS_exit_group };
	const char *names[] = { "exit", "exit_group" };

	for (int i = 0; i < 2; i++) {
		pid_t pid = abi_fork();
		if (pid == 0) {
			atexit(bye);
			syscall(nrs[i], 0x1234 + i);
			_exit(99);
		}
		printf("%s(0x%x): %s\n", names[i], 0x1234 + i, status_text(wait_for(pid)));
	}
	pid_t pid = abi_fork();
	if (pid == 0) {
		atexit(bye);
		exit(3);
	}
	printf("exit(3): %s\n", status_text(wait_for(pid)));
	return 0;
}
