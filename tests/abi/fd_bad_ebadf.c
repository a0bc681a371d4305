/* Bad descriptors: -1, 1024, and a just-closed fd give EBADF from every call
 * that takes an fd. */
#include "abi.h"
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/uio.h>

int main(void)
{
	int closed = dup(1);
	close(closed);
	int fds[] = { -1, 1024, closed };
	const char *names[] = { "-1", "1024", "closed" };
	char buf[8], what[64];
	struct stat st;
	struct iovec iov = { buf, sizeof(buf) };

	for (int i = 0; i < 3; i++) {
		int fd = fds[i];
#define TRY(call, expr) (snprintf(what, sizeof(what), "%s(%s)", call, names[i]), show(what, expr))
		TRY("read", read(fd, buf, 1));
		TRY("write", write(fd, "x", 1));
		TRY("close", close(fd));
		TRY("fstat", fstat(fd, &st));
		TRY("lseek", lseek(fd, 0, SEEK_SET));
		TRY("dup", dup(fd));
		TRY("dup2 from", dup2(fd, 20));
		TRY("fcntl F_GETFD", fcntl(fd, F_GETFD));
		TRY("fcntl F_GETFL", fcntl(fd, F_GETFL));
		TRY("pread64", pread(fd, buf, 1, 0));
		TRY("pwrite64", pwrite(fd, buf, 1, 0));
		TRY("readv", readv(fd, &iov, 1));
		TRY("writev", writev(fd, &iov, 1));
		TRY("fchdir", fchdir(fd));
		TRY("ftruncate", ftruncate(fd, 0));
		TRY("getdents64", syscall(SYS_getdents64, fd, buf, sizeof(buf)));
		TRY("ioctl TCGETS", ioctl(fd, 0x5401, buf));
		TRY("openat relative", openat(fd, "x", O_RDONLY));
		TRY("mmap", (long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0));
	}
	struct pollfd p = { .fd = closed, .events = POLLIN };
	int r = poll(&p, 1, 0);
	printf("poll(closed): %d, POLLNVAL: %s\n", r, yes(p.revents == POLLNVAL));
	show("dup2 to -1", dup2(1, -1));
	show("openat(closed, absolute path) ignores the fd", close(openat(closed, "/", O_RDONLY)));
	return 0;
}
