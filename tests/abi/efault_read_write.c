/* read/write/readv/writev/pread64/pwrite64 with bad buffers fail with EFAULT and
 * the process lives on. The pipe holds data (and is non-blocking) so only the
 * buffer can be the problem. */
#include "abi.h"
#include <sys/uio.h>

int main(void)
{
	int fds[2];
	char *edge = edge_page();
	char *straddle = edge + ABI_PAGE - 1, *unmapped = edge + ABI_PAGE;
	void *bad[] = { NULL, ABI_KERNEL_PTR, straddle, unmapped };
	const char *names[] = { "NULL", "kernel", "straddle", "unmapped" };
	char what[64];

	pipe2(fds, O_NONBLOCK);
	write(fds[1], "0123456789abcdef", 16);
	for (int i = 0; i < 4; i++) {
		snprintf(what, sizeof(what), "read(pipe, %s, 8)", names[i]);
		show(what, syscall(SYS_read, fds[0], bad[i], 8));
		snprintf(what, sizeof(what), "write(pipe, %s, 8)", names[i]);
		show(what, syscall(SYS_write, fds[1], bad[i], 8));
	}
	for (int i = 0; i < 4; i++) {
		struct iovec iov = { bad[i], 8 };
		snprintf(what, sizeof(what), "readv(pipe, {%s, 8})", names[i]);
		show(what, syscall(SYS_readv, fds[0], &iov, 1));
		snprintf(what, sizeof(what), "writev(pipe, {%s, 8})", names[i]);
		show(what, syscall(SYS_writev, fds[1], &iov, 1));
		snprintf(what, sizeof(what), "readv(pipe, iov at %s)", names[i]);
		show(what, syscall(SYS_readv, fds[0], bad[i], 1));
		snprintf(what, sizeof(what), "writev(pipe, iov at %s)", names[i]);
		show(what, syscall(SYS_writev, fds[1], bad[i], 1));
	}
	char buf[32];
	show("read(pipe, good, 32) still has the data", read(fds[0], buf, sizeof(buf)));
	show("write(pipe, NULL, 0)", syscall(SYS_write, fds[1], NULL, 0));

	int fd = open("abi_efault_read_write_file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, "0123456789abcdef", 16);
	for (int i = 0; i < 4; i += 3) {
		snprintf(what, sizeof(what), "pread64(file, %s, 8, 0)", names[i]);
		show(what, syscall(SYS_pread64, fd, bad[i], 8, 0));
		snprintf(what, sizeof(what), "pwrite64(file, %s, 8, 0)", names[i]);
		show(what, syscall(SYS_pwrite64, fd, bad[i], 8, 0));
	}
	show("file size unchanged", lseek(fd, 0, SEEK_END));
	close(fd);
	unlink("abi_efault_read_write_file");
	printf("still alive: yes\n");
	return 0;
}
