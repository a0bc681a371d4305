/* dup returns the lowest free fd; dup2 closes the target first and returns
 * it, and is a no-op on itself; dup3 with the same fd is EINVAL and accepts
 * only O_CLOEXEC; copies share offset and status flags but not FD_CLOEXEC. */
#include "abi.h"

int main(void)
{
	const char *path = "abi_dup_dup2_dup3_file";
	char b[4];

	write_file(path, "abcdefgh", 8, 0644);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	show("open", fd);
	show("dup (lowest free)", dup(fd));
	close(4);
	show("dup2 onto 7", dup2(fd, 7));
	int other = open(path, O_RDONLY);
	show("open another", other);
	show("dup2 onto the open 7 (replaces it)", dup2(other, 7));
	read(other, b, 2);
	show("7 now shares the second file's offset", lseek(7, 0, SEEK_CUR));
	show("dup2 onto itself", dup2(fd, fd));
	show("dup2 onto itself keeps FD_CLOEXEC", fcntl(fd, F_GETFD));
	/* Raw calls: musl's dup3 checks some of these itself. */
	show("dup3 onto itself", syscall(SYS_dup3, fd, fd, 0));
	show("dup3 onto itself with O_CLOEXEC", syscall(SYS_dup3, fd, fd, O_CLOEXEC));
	show("dup3 bad flags", syscall(SYS_dup3, fd, 9, 0x1));
	show("dup3 O_CLOEXEC onto 9", syscall(SYS_dup3, fd, 9, O_CLOEXEC));
	show("  F_GETFD of 9", fcntl(9, F_GETFD));
	show("dup copy has no FD_CLOEXEC", fcntl(dup(fd), F_GETFD));
	read(fd, b, 3);
	show("offset shared with 9", lseek(9, 0, SEEK_CUR));
	show("dup2 onto 1023", dup2(fd, 1023));
	show("dup then lowest free is", dup(fd));
	unlink(path);
	return 0;
}
