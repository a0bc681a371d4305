/* O_APPEND: every write goes to the current end of file, whatever the offset,
 * even when another descriptor has extended the file meanwhile. */
#include "abi.h"

int main(void)
{
	const char *path = "abi_file_o_append_file";
	char buf[64];

	write_file(path, "start\n", 6, 0644);
	int a = open(path, O_WRONLY | O_APPEND);
	int b = open(path, O_WRONLY);
	lseek(a, 0, SEEK_SET);
	write(a, "one\n", 4);
	show("offset after an append", lseek(a, 0, SEEK_CUR));
	lseek(b, 0, SEEK_END);
	write(b, "two\n", 4);
	write(a, "three\n", 6);
	show("F_GETFL has O_APPEND", (fcntl(a, F_GETFL) & O_APPEND) != 0);
	fcntl(a, F_SETFL, 0);
	lseek(a, 0, SEEK_SET);
	write(a, "S", 1);
	close(a);
	close(b);

	int fd = open(path, O_RDONLY);
	int n = read(fd, buf, sizeof(buf));
	printf("file: %d bytes\n%.*s", n, n, buf);
	close(fd);
	unlink(path);
	return 0;
}
