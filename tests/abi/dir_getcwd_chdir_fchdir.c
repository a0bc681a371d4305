/* getcwd/chdir/fchdir: chdir into a new directory makes getcwd end in its
 * name and relative paths resolve there; ".." returns; fchdir through a
 * directory fd; chdir to a file is ENOTDIR; getcwd into a small buffer ERANGE. */
#include "abi.h"

static const char *tail(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int main(void)
{
	char start[1024], cwd[1024];

	if (!getcwd(start, sizeof(start)))
		printf("getcwd: %s\n", errno_name(errno));
	printf("getcwd is absolute: %s\n", yes(start[0] == '/'));
	long len = syscall(SYS_getcwd, cwd, sizeof(cwd));
	printf("raw getcwd returns the length with the NUL: %s\n", yes(len == (long)strlen(start) + 1));

	mkdir("abi_dir_getcwd_chdir", 0755);
	mkdir("abi_dir_getcwd_chdir/inner", 0755);
	int dfd = open("abi_dir_getcwd_chdir/inner", O_RDONLY | O_DIRECTORY);
	show("chdir", chdir("abi_dir_getcwd_chdir"));
	getcwd(cwd, sizeof(cwd));
	printf("cwd ends in: %s\n", tail(cwd));
	printf("cwd is start + /name: %s\n", yes(strlen(cwd) == strlen(start) + 21 &&
						 strncmp(cwd, start, strlen(start)) == 0));
	printf("relative path resolves here: %s\n", yes(access("inner", F_OK) == 0));
	show("fchdir", fchdir(dfd));
	getcwd(cwd, sizeof(cwd));
	printf("cwd ends in: %s\n", tail(cwd));
	show("chdir ../..", chdir("../.."));
	getcwd(cwd, sizeof(cwd));
	printf("back at the start: %s\n", yes(strcmp(cwd, start) == 0));
	write_file("abi_dir_getcwd_chdir/file", "", 0, 0644);
	show("chdir to a file", chdir("abi_dir_getcwd_chdir/file"));
	show("chdir to a missing dir", chdir("abi_dir_getcwd_chdir/missing"));
	int ffd = open("abi_dir_getcwd_chdir/file", O_RDONLY);
	show("fchdir to a file", fchdir(ffd));
	show("fchdir to a bad fd", fchdir(99));
	show("getcwd into 1 byte", syscall(SYS_getcwd, cwd, 1));
	show("getcwd into 0 bytes", syscall(SYS_getcwd, cwd, 0));
	show("chdir(\"/\")", chdir("/"));
	getcwd(cwd, sizeof(cwd));
	printf("cwd: %s\n", cwd);
	chdir(start);
	close(ffd);
	close(dfd);
	unlink("abi_dir_getcwd_chdir/file");
	rmdir("abi_dir_getcwd_chdir/inner");
	rmdir("abi_dir_getcwd_chdir");
	return 0;
}
