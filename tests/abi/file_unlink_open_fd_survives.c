/* unlink removes the name; an open descriptor keeps the file readable and
 * writable until closed; fstat shows nlink 0. unlink of a directory is EISDIR,
 * of a missing name ENOENT. */
#include "abi.h"

int main(void)
{
	const char *path = "abi_file_unlink_open_fd_survives_file";
	struct stat st;
	char buf[32];

	write_file(path, "still here", 10, 0644);
	int fd = open(path, O_RDWR);
	fstat(fd, &st);
	printf("nlink before: %ld\n", (long)st.st_nlink);
	show("unlink", unlink(path));
	show("stat after unlink", stat(path, &st));
	show("open after unlink", open(path, O_RDONLY));
	int n = read(fd, buf, sizeof(buf));
	printf("read through the open fd: \"%.*s\"\n", n, buf);
	show("write through the open fd", write(fd, "!", 1));
	fstat(fd, &st);
	printf("fstat: nlink %ld, size %ld\n", (long)st.st_nlink, (long)st.st_size);
	close(fd);
	show("unlink again", unlink(path));

	mkdir("abi_file_unlink_dir", 0755);
	show("unlink a directory", unlink("abi_file_unlink_dir"));
	show("unlinkat(AT_REMOVEDIR)", unlinkat(AT_FDCWD, "abi_file_unlink_dir", AT_REMOVEDIR));
	write_file(path, "", 0, 0644);
	show("unlinkat(AT_REMOVEDIR) of a file", unlinkat(AT_FDCWD, path, AT_REMOVEDIR));
	show("unlinkat(0) of a file", unlinkat(AT_FDCWD, path, 0));
	show("unlink through a file", unlink("abi_file_unlink_open_fd_survives_file/x"));
	return 0;
}
