/* open/write/read/lseek on a regular file: the offset moves with each call,
 * SEEK_SET/CUR/END, reads at EOF return 0, seeking past the end and writing
 * leaves a hole that reads as zeros. */
#include "abi.h"

int main(void)
{
	const char *path = "abi_file_read_write_lseek_file";
	char buf[128];

	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	printf("open gives the lowest free fd (3): %s\n", yes(fd == 3));
	show("write 10", write(fd, "0123456789", 10));
	show("offset after write", lseek(fd, 0, SEEK_CUR));
	show("read at EOF", read(fd, buf, sizeof(buf)));
	show("lseek SEEK_SET 2", lseek(fd, 2, SEEK_SET));
	int n = read(fd, buf, 3);
	printf("read 3: \"%.*s\"\n", n, buf);
	show("lseek SEEK_CUR +2", lseek(fd, 2, SEEK_CUR));
	n = read(fd, buf, sizeof(buf));
	printf("read rest: %d \"%.*s\"\n", n, n, buf);
	show("lseek SEEK_END -1", lseek(fd, -1, SEEK_END));
	show("lseek to -1", lseek(fd, -1, SEEK_SET));
	show("lseek bad whence", lseek(fd, 0, 42));
	show("lseek SEEK_END +100", lseek(fd, 100, SEEK_END));
	show("write at 110", write(fd, "Z", 1));
	show("size via SEEK_END", lseek(fd, 0, SEEK_END));
	lseek(fd, 8, SEEK_SET);
	n = read(fd, buf, sizeof(buf));
	int zeros = 0;
	for (int i = 2; i < n - 1; i++)
		zeros += buf[i] == 0;
	printf("read over the hole: %d bytes, %d zeros, last '%c'\n", n, zeros, buf[n - 1]);
	close(fd);

	fd = open(path, O_RDONLY);
	show("write to O_RDONLY fd", write(fd, "x", 1));
	close(fd);
	fd = open(path, O_WRONLY);
	show("read from O_WRONLY fd", read(fd, buf, 1));
	close(fd);
	unlink(path);

	int p[2];
	pipe(p);
	show("lseek on a pipe", lseek(p[0], 0, SEEK_SET));
	return 0;
}
