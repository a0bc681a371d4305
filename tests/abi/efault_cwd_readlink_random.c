/* getcwd, readlink, getrandom and poll with bad buffers: EFAULT. The symlink
 * target and the getcwd size are long enough that the copy must cross into
 * the bad part. */
#include "abi.h"
#include <poll.h>

int main(void)
{
	char *edge = edge_page();
	void *bad[] = { NULL, ABI_KERNEL_PTR, edge + ABI_PAGE - 1, edge + ABI_PAGE };
	const char *names[] = { "NULL", "kernel", "straddle", "unmapped" };
	char what[80], buf[64];

	symlink("a-target-of-some-length", "abi_efault_cwd_readlink_random_link");
	for (int i = 0; i < 4; i++) {
		const char *n = names[i];
		snprintf(what, sizeof(what), "getcwd(%s, 4096)", n);
		show(what, syscall(SYS_getcwd, bad[i], 4096));
		snprintf(what, sizeof(what), "readlink(good, %s, 64)", n);
		show(what, syscall(SYS_readlink, "abi_efault_cwd_readlink_random_link", bad[i], 64));
		snprintf(what, sizeof(what), "readlink(%s, good, 64)", n);
		show(what, syscall(SYS_readlink, bad[i], buf, 64));
		snprintf(what, sizeof(what), "poll(%s, 1, 0)", n);
		show(what, syscall(SYS_poll, bad[i], 1, 0));
		snprintf(what, sizeof(what), "ppoll(%s, 1, zero timeout)", n);
		show(what, syscall(SYS_ppoll, bad[i], 1, &(struct timespec){ 0, 0 }, NULL, 8));
		if (i != 2) { /* a straddling getrandom buffer is a short count on Linux */
			snprintf(what, sizeof(what), "getrandom(%s, 16, 0)", n);
			show(what, syscall(SYS_getrandom, bad[i], 16, 0));
		}
	}
	struct pollfd p = { .fd = 0, .events = 0 };
	show("ppoll(good, 1, kernel timeout)", syscall(SYS_ppoll, &p, 1, ABI_KERNEL_PTR, NULL, 8));
	unlink("abi_efault_cwd_readlink_random_link");
	printf("still alive: yes\n");
	return 0;
}
