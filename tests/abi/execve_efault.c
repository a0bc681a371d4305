/* execve with bad pointers fails with EFAULT and the caller keeps running:
 * the path, the argv array, an argv string, the envp array. */
#include "abi.h"

static void try(const char *what, const void *path, const void *argv, const void *envp)
{
	long r = syscall(SYS_execve, path, argv, envp);
	printf("%s: %ld %s\n", what, r, errno_name(errno));
}

int main(int argc, char **argv)
{
	if (argc > 1) {
		printf("exec'd unexpectedly\n");
		return 0;
	}
	char *edge = edge_page();
	char *good_argv[] = { argv[0], "execd", NULL };
	char *bad_string[] = { argv[0], ABI_KERNEL_PTR, NULL };
	char *envp[] = { NULL };

	try("path NULL", NULL, good_argv, envp);
	try("path kernel", ABI_KERNEL_PTR, good_argv, envp);
	try("path straddles the end of a page", edge + ABI_PAGE - 1, good_argv, envp);
	try("path in an unmapped page", edge + ABI_PAGE, good_argv, envp);
	try("argv kernel", argv[0], ABI_KERNEL_PTR, envp);
	try("argv array straddles", argv[0], edge + ABI_PAGE - 4, envp);
	try("argv[1] kernel", argv[0], bad_string, envp);
	try("envp kernel", argv[0], good_argv, ABI_KERNEL_PTR);
	try("envp[0] kernel", argv[0], good_argv, bad_string + 1);
	printf("still running: yes\n");
	return 0;
}
