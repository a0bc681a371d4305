/* execve of a binary whose interpreter (PT_INTERP) is absent fails with
 * ENOENT, as on Linux - even though the binary itself exists. */
#include "abi.h"

int main(int argc, char **argv)
{
	(void)argc;
	char path[4096];
	snprintf(path, sizeof(path), "%s", argv[0]);
	char *slash = strrchr(path, '/');
	snprintf(slash + 1, sizeof(path) - (slash + 1 - path), "aux_missing_interpreter");
	struct stat st;
	show("the binary exists", stat(path, &st));
	char *args[] = { path, NULL };
	show("execve", syscall(SYS_execve, path, args, environ));
	return 0;
}
