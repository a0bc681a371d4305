/* pread64/pwrite64 use their own offset and leave the file offset alone;
 * negative offsets are EINVAL; on a pipe they are ESPIPE. */
#include "abi.h"

int main(void)
{
	const char *path = "abi_file_pread_pwrite_file";
	char buf[32] = "";

	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, "abcdefghij", 10);
	lseek(fd, 3, SEEK_SET);
	show("pread 4 at 5", pread(fd, buf, 4, 5));
	printf("  got \"%.4s\"\n", buf);
	show("offset still", lseek(fd, 0, SEEK_CUR));
	show("pwrite 3 at 1", pwrite(fd, "XYZ", 3, 1));
	show("offset still", lseek(fd, 0, SEEK_CUR));
	show("pwrite 2 at 20 (past the end)", pwrite(fd, "!!", 2, 20));
	show("size", lseek(fd, 0, SEEK_END));
	show("pread at 100", pread(fd, buf, 4, 100));
	show("pread at -1", pread(fd, buf, 4, -1));
	show("pwrite at -1", pwrite(fd, buf, 4, -1));
	memset(buf, 0, sizeof(buf));
	show("pread all", pread(fd, buf, sizeof(buf), 0));
	for (int i = 0; i < 22; i++)
		putchar(buf[i] ? buf[i] : '.');
	putchar('\n');
	close(fd);

	/* O_APPEND: pwrite on Linux appends, ignoring the offset. */
	fd = open(path, O_WRONLY | O_APPEND);
	show("pwrite 1 at 0 with O_APPEND", pwrite(fd, "A", 1, 0));
	close(fd);
	fd = open(path, O_RDONLY);
	show("size", lseek(fd, 0, SEEK_END));
	close(fd);
	unlink(path);

	int p[2];
	pipe(p);
	show("pread on a pipe", pread(p[0], buf, 1, 0));
	show("pwrite on a pipe", pwrite(p[1], buf, 1, 0));
	return 0;
}
