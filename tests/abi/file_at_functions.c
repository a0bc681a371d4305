/* The *at calls resolve relative names against a directory fd (or AT_FDCWD)
 * and ignore it for absolute names: openat, mkdirat, newfstatat, faccessat,
 * unlinkat, renameat; a file fd as dirfd is ENOTDIR. */
#include "abi.h"

int main(void)
{
	struct stat st;
	mkdir("abi_file_at_dir", 0755);
	int dfd = open("abi_file_at_dir", O_RDONLY | O_DIRECTORY);

	int fd = openat(dfd, "f", O_WRONLY | O_CREAT | O_EXCL, 0600);
	show("openat(dfd, \"f\", O_CREAT)", fd >= 0 ? 0 : -1);
	write(fd, "abc", 3);
	close(fd);
	printf("it is abi_file_at_dir/f: %s\n", yes(access("abi_file_at_dir/f", F_OK) == 0));
	show("newfstatat(dfd, \"f\") size", fstatat(dfd, "f", &st, 0) == 0 ? st.st_size : -1);
	show("faccessat(dfd, \"f\", F_OK)", faccessat(dfd, "f", F_OK, 0));
	show("faccessat(dfd, \"f\", X_OK)", faccessat(dfd, "f", X_OK, 0));
	show("faccessat(dfd, \"g\", F_OK)", faccessat(dfd, "g", F_OK, 0));
	show("mkdirat(dfd, \"d\")", mkdirat(dfd, "d", 0755));
	show("renameat(dfd, \"f\", dfd, \"d/g\")", renameat(dfd, "f", dfd, "d/g"));
	show("openat(AT_FDCWD, \"abi_file_at_dir/d/g\")",
	     close(openat(AT_FDCWD, "abi_file_at_dir/d/g", O_RDONLY)));
	int ffd = openat(dfd, "d/g", O_RDONLY);
	show("openat(file fd, \"x\")", openat(ffd, "x", O_RDONLY));
	show("newfstatat(file fd, \"\", AT_EMPTY_PATH) size",
	     fstatat(ffd, "", &st, AT_EMPTY_PATH) == 0 ? st.st_size : -1);
	show("newfstatat(file fd, \"\", 0)", fstatat(ffd, "", &st, 0));
	close(ffd);
	show("openat(bad fd, absolute)", close(openat(99, "/", O_RDONLY)));
	show("unlinkat(dfd, \"d/g\", 0)", unlinkat(dfd, "d/g", 0));
	show("unlinkat(dfd, \"d\", 0) of a dir", unlinkat(dfd, "d", 0));
	show("unlinkat(dfd, \"d\", AT_REMOVEDIR)", unlinkat(dfd, "d", AT_REMOVEDIR));
	show("unlinkat bad flags", unlinkat(dfd, "d", 0x1234));
	close(dfd);
	show("rmdir", rmdir("abi_file_at_dir"));
	return 0;
}
