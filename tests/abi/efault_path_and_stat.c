/* Path and struct stat pointers: open/stat/lstat/access/mkdir/unlink/chdir
 * with bad path pointers, and stat/fstat with a bad struct pointer: EFAULT. */
#include "abi.h"

int main(void)
{
	char *edge = edge_page();
	void *bad[] = { NULL, ABI_KERNEL_PTR, edge + ABI_PAGE - 1, edge + ABI_PAGE };
	const char *names[] = { "NULL", "kernel", "straddle", "unmapped" };
	char what[64];
	struct stat st;

	int fd = open("abi_efault_path_and_stat_file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	for (int i = 0; i < 4; i++) {
		const char *n = names[i];
		snprintf(what, sizeof(what), "open(%s)", n);
		show(what, syscall(SYS_open, bad[i], O_RDONLY));
		snprintf(what, sizeof(what), "openat(AT_FDCWD, %s)", n);
		show(what, syscall(SYS_openat, AT_FDCWD, bad[i], O_RDONLY));
		snprintf(what, sizeof(what), "stat(%s, good)", n);
		show(what, syscall(SYS_stat, bad[i], &st));
		snprintf(what, sizeof(what), "lstat(%s, good)", n);
		show(what, syscall(SYS_lstat, bad[i], &st));
		snprintf(what, sizeof(what), "access(%s)", n);
		show(what, syscall(SYS_access, bad[i], F_OK));
		snprintf(what, sizeof(what), "mkdir(%s)", n);
		show(what, syscall(SYS_mkdir, bad[i], 0755));
		snprintf(what, sizeof(what), "unlink(%s)", n);
		show(what, syscall(SYS_unlink, bad[i]));
		snprintf(what, sizeof(what), "chdir(%s)", n);
		show(what, syscall(SYS_chdir, bad[i]));
		snprintf(what, sizeof(what), "stat(good, %s)", n);
		show(what, syscall(SYS_stat, "abi_efault_path_and_stat_file", bad[i]));
		snprintf(what, sizeof(what), "fstat(fd, %s)", n);
		show(what, syscall(SYS_fstat, fd, bad[i]));
		snprintf(what, sizeof(what), "newfstatat(fd, \"\", %s, AT_EMPTY_PATH)", n);
		show(what, syscall(SYS_newfstatat, fd, "", bad[i], AT_EMPTY_PATH));
	}
	close(fd);
	unlink("abi_efault_path_and_stat_file");
	printf("still alive: yes\n");
	return 0;
}
