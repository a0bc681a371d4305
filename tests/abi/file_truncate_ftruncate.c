/* truncate/ftruncate shrink (data beyond is gone) and grow (zeros) files;
 * the offset is not moved; negative length EINVAL; ftruncate of a read-only
 * fd EINVAL (Linux; POSIX allows EBADF); truncate of a directory EISDIR. */
#include "abi.h"

static void contents(const char *path)
{
	char buf[32];
	int fd = open(path, O_RDONLY);
	int n = read(fd, buf, sizeof(buf));
	printf("  %d bytes: ", n);
	for (int i = 0; i < n; i++)
		putchar(buf[i] ? buf[i] : '.');
	putchar('\n');
	close(fd);
}

int main(void)
{
	const char *path = "abi_file_truncate_ftruncate_file";

	write_file(path, "0123456789", 10, 0644);
	show("truncate to 4", truncate(path, 4));
	contents(path);
	show("truncate to 8", truncate(path, 8));
	contents(path);
	int fd = open(path, O_RDWR);
	lseek(fd, 6, SEEK_SET);
	show("ftruncate to 2", ftruncate(fd, 2));
	show("offset unchanged", lseek(fd, 0, SEEK_CUR));
	write(fd, "W", 1);
	contents(path);
	show("ftruncate to -1", ftruncate(fd, -1));
	close(fd);
	fd = open(path, O_RDONLY);
	show("ftruncate of a read-only fd", ftruncate(fd, 0));
	close(fd);
	show("truncate missing", truncate("abi_file_truncate_missing", 0));
	mkdir("abi_file_truncate_dir", 0755);
	show("truncate a directory", truncate("abi_file_truncate_dir", 0));
	rmdir("abi_file_truncate_dir");
	int p[2];
	pipe(p);
	show("ftruncate a pipe", ftruncate(p[1], 0));
	show("ftruncate bad fd", ftruncate(99, 0));
	unlink(path);
	return 0;
}
