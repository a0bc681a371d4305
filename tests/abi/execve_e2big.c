/* execve argument size limits: one string longer than 128 KiB, or more than
 * the total limit (a quarter of the 8 MiB stack limit, at most 6 MiB) fails
 * with E2BIG and the caller keeps running; 256 KiB in total passes through. */
#include "abi.h"

#define STRMAX (128 * 1024) /* the longest string, with its NUL */

static char big[STRMAX + 2];
static char *args[1100];

static void try(const char *what, int n, char *s)
{
	args[0] = "abi_execve_e2big";
	for (int i = 1; i <= n; i++)
		args[i] = s;
	args[n + 1] = NULL;
	/* The running binary, found again through the environment. */
	long r = syscall(SYS_execve, getenv("SELF"), args, (char *[]){ "CHILD=1", NULL });
	printf("%s: %ld %s\n", what, r, errno_name(errno));
}

int main(int argc, char **argv)
{
	if (getenv("CHILD")) {
		size_t total = 0;
		for (int i = 0; i < argc; i++)
			total += strlen(argv[i]) + 1;
		printf("child: argc %d, %zu bytes of strings, last \"%.8s...\"\n", argc, total,
		       argv[argc - 1]);
		return 0;
	}
	setenv("SELF", argv[0], 1);

	memset(big, 'x', STRMAX);
	try("one string of 128 KiB + 1", 1, big);
	try("8 MiB in 64 strings", 64, big + 1);

	static char kib[1024];
	memset(kib, 'k', sizeof(kib) - 1);
	pid_t pid = abi_fork();
	if (pid == 0) {
		try("256 KiB in 256 strings", 256, kib);
		_exit(127);
	}
	printf("exec with 256 KiB of arguments: %s\n", status_text(wait_for(pid)));
	return 0;
}
