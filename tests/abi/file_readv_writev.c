/* writev gathers buffers in order into one write; readv scatters into
 * buffers in order; zero-length iovecs are skipped; iovcnt 0 is 0, negative
 * or above 1024 EINVAL. */
#include "abi.h"
#include <sys/uio.h>

int main(void)
{
	const char *path = "abi_file_readv_writev_file";
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct iovec out[4] = { { "Hello", 5 }, { NULL, 0 }, { ", ", 2 }, { "world\n", 6 } };

	show("writev 4 iovecs", writev(fd, out, 4));
	show("writev iovcnt 0", writev(fd, out, 0));
	show("writev iovcnt -1", writev(fd, out, -1));
	show("writev iovcnt 1025", writev(fd, out, 1025));
	lseek(fd, 0, SEEK_SET);
	char a[3], b[4], c[20];
	struct iovec in[3] = { { a, 3 }, { b, 4 }, { c, sizeof(c) } };
	long n = readv(fd, in, 3);
	show("readv 3 iovecs", n);
	printf("  \"%.3s\" \"%.4s\" \"%.*s\"\n", a, b, (int)(n - 7), c);
	show("readv at EOF", readv(fd, in, 3));
	close(fd);

	int p[2];
	pipe(p);
	show("writev to a pipe", writev(p[1], out, 4));
	n = readv(p[0], in, 3);
	show("readv from a pipe", n);
	printf("  \"%.3s\" \"%.4s\" \"%.*s\"\n", a, b, (int)(n - 7), c);
	unlink(path);
	return 0;
}
