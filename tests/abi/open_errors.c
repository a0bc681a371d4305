/* open errors: ENOENT, ENOTDIR (through a file; O_DIRECTORY on a file),
 * EISDIR (a directory for writing), ENAMETOOLONG, ELOOP with O_NOFOLLOW; a
 * directory opens read-only (but read() on it is EISDIR). */
#include "abi.h"

int main(void)
{
	static char longname[300], longpath[5000];

	write_file("abi_open_errors_file", "", 0, 0644);
	mkdir("abi_open_errors_dir", 0755);
	symlink("abi_open_errors_file", "abi_open_errors_link");

	show("missing", open("abi_open_errors_missing", O_RDONLY));
	show("missing parent", open("abi_open_errors_missing/x", O_RDONLY | O_CREAT, 0644));
	show("empty path", open("", O_RDONLY));
	show("through a file", open("abi_open_errors_file/x", O_RDONLY));
	show("O_DIRECTORY on a file", open("abi_open_errors_file", O_RDONLY | O_DIRECTORY));
	show("directory O_WRONLY", open("abi_open_errors_dir", O_WRONLY));
	show("directory O_RDWR", open("abi_open_errors_dir", O_RDWR));
	int fd = open("abi_open_errors_dir", O_RDONLY);
	printf("directory O_RDONLY opens: %s\n", yes(fd >= 0));
	char c;
	show("  read from it", read(fd, &c, 1));
	close(fd);
	show("O_NOFOLLOW on a symlink", open("abi_open_errors_link", O_RDONLY | O_NOFOLLOW));
	memset(longname, 'n', 256);
	show("a 256-byte name", open(longname, O_RDONLY));
	for (int i = 0; i < 4200; i += 2)
		memcpy(longpath + i, "./", 2);
	show("a 4200-byte path", open(longpath, O_RDONLY));
	show("a trailing slash on a file", open("abi_open_errors_file/", O_RDONLY));
	show("O_CREAT with a trailing slash", open("abi_open_errors_new/", O_RDWR | O_CREAT, 0644));

	unlink("abi_open_errors_link");
	unlink("abi_open_errors_file");
	rmdir("abi_open_errors_dir");
	unlink("abi_open_errors_new");
	return 0;
}
