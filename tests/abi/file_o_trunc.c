/* O_TRUNC empties an existing file on open for writing; O_RDONLY|O_TRUNC on
 * Linux also truncates; opening without it keeps the contents. */
#include "abi.h"

static long size_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

int main(void)
{
	const char *path = "abi_file_o_trunc_file";

	write_file(path, "some content", 12, 0644);
	printf("size: %ld\n", size_of(path));
	close(open(path, O_WRONLY));
	printf("after O_WRONLY: %ld\n", size_of(path));
	int fd = open(path, O_WRONLY | O_TRUNC);
	printf("after O_WRONLY|O_TRUNC: %ld\n", size_of(path));
	write(fd, "new", 3);
	close(fd);
	printf("after writing 3: %ld\n", size_of(path));
	close(open(path, O_RDONLY | O_TRUNC));
	printf("after O_RDONLY|O_TRUNC: %ld\n", size_of(path));
	write_file(path, "again", 5, 0644);
	close(open(path, O_RDWR | O_TRUNC));
	printf("after O_RDWR|O_TRUNC: %ld\n", size_of(path));
	unlink(path);
	return 0;
}
