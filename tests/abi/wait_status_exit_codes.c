/* The exit status a parent sees is the low 8 bits of the exit code. */
#include "abi.h"

int main(void)
{
	static const int codes[] = { 0, 1, 42, 127, 128, 254, 255, 256, 257, -1, -128, 1000 };

	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		pid_t pid = abi_fork();
		if (pid == 0)
			_exit(codes[i]);
		printf("_exit(%d): %s\n", codes[i], status_text(wait_for(pid)));
	}
	/* exit() (with atexit handling) and return from main give the same. */
	pid_t pid = abi_fork();
	if (pid == 0)
		exit(300);
	printf("exit(300): %s\n", status_text(wait_for(pid)));
	return 0;
}
