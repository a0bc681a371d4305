/* fcntl F_DUPFD returns the lowest free fd >= arg; F_DUPFD_CLOEXEC sets
 * FD_CLOEXEC on the copy; F_GETFD/F_SETFD read and write it; the copy shares
 * the file offset; an unknown command is EINVAL. */
#include "abi.h"

int main(void)
{
	const char *path = "abi_fcntl_dupfd_file";
	write_file(path, "0123456789", 10, 0644);
	int fd = open(path, O_RDONLY);

	show("F_DUPFD 0 (lowest free)", fcntl(fd, F_DUPFD, 0));
	show("F_DUPFD 10", fcntl(fd, F_DUPFD, 10));
	show("F_DUPFD 10 again", fcntl(fd, F_DUPFD, 10));
	int c = fcntl(fd, F_DUPFD_CLOEXEC, 20);
	show("F_DUPFD_CLOEXEC 20", c);
	show("F_GETFD of the original", fcntl(fd, F_GETFD));
	show("F_GETFD of F_DUPFD copy", fcntl(10, F_GETFD));
	show("F_GETFD of F_DUPFD_CLOEXEC copy", fcntl(c, F_GETFD));
	show("F_SETFD FD_CLOEXEC", fcntl(fd, F_SETFD, FD_CLOEXEC));
	show("F_GETFD after", fcntl(fd, F_GETFD));
	show("copy's F_GETFD unaffected", fcntl(10, F_GETFD));
	show("F_DUPFD -1", fcntl(fd, F_DUPFD, -1));
	show("unknown command", fcntl(fd, 12345));

	char b[4];
	read(fd, b, 3);
	show("copy shares the offset", lseek(10, 0, SEEK_CUR));
	close(fd);
	show("copy works after the original closes", read(10, b, 2));
	unlink(path);
	return 0;
}
