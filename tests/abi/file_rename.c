/* rename: moves a name (the open file follows), replaces an existing file
 * atomically, renaming onto itself is a no-op; errors ENOENT, EISDIR,
 * ENOTDIR, ENOTEMPTY, EINVAL (a directory into itself). */
#include "abi.h"

static void show_file(const char *path)
{
	char buf[32];
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		printf("  %s: %s\n", path, errno_name(errno));
		return;
	}
	int n = read(fd, buf, sizeof(buf));
	printf("  %s: \"%.*s\"\n", path, n, buf);
	close(fd);
}

int main(void)
{
	write_file("abi_file_rename_a", "AAA", 3, 0644);
	write_file("abi_file_rename_b", "BBB", 3, 0644);
	int fd = open("abi_file_rename_a", O_RDONLY);
	show("rename a -> c", rename("abi_file_rename_a", "abi_file_rename_c"));
	show_file("abi_file_rename_a");
	show_file("abi_file_rename_c");
	char buf[8];
	int n = read(fd, buf, sizeof(buf));
	printf("  the open fd still reads \"%.*s\"\n", n, buf);
	close(fd);
	show("rename c -> b (replaces)", rename("abi_file_rename_c", "abi_file_rename_b"));
	show_file("abi_file_rename_b");
	show_file("abi_file_rename_c");
	show("rename b -> b", rename("abi_file_rename_b", "abi_file_rename_b"));
	show("rename missing", rename("abi_file_rename_missing", "abi_file_rename_x"));

	mkdir("abi_file_rename_d1", 0755);
	mkdir("abi_file_rename_d2", 0755);
	write_file("abi_file_rename_d2/f", "", 0, 0644);
	show("rename file onto a directory", rename("abi_file_rename_b", "abi_file_rename_d1"));
	show("rename directory onto a file", rename("abi_file_rename_d1", "abi_file_rename_b"));
	show("rename directory onto a non-empty one",
	     rename("abi_file_rename_d1", "abi_file_rename_d2"));
	show("rename directory into itself", rename("abi_file_rename_d1", "abi_file_rename_d1/x"));
	show("rename file into a subdirectory", rename("abi_file_rename_b", "abi_file_rename_d1/b"));
	show_file("abi_file_rename_d1/b");
	show("move d2/f out", rename("abi_file_rename_d2/f", "abi_file_rename_f"));
	show("rename directory onto an empty one", rename("abi_file_rename_d1", "abi_file_rename_d2"));
	show_file("abi_file_rename_d2/b");
	show("renameat(AT_FDCWD) back", renameat(AT_FDCWD, "abi_file_rename_d2/b", AT_FDCWD,
						 "abi_file_rename_b"));
	unlink("abi_file_rename_b");
	unlink("abi_file_rename_f");
	rmdir("abi_file_rename_d2");
	show("all gone", access("abi_file_rename_d1", F_OK));
	return 0;
}
