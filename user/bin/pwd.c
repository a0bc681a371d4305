/*
 * pwd: print the current directory.
 *
 *   pwd [-L | -P]
 *
 * -P (the default, as in coreutils' pwd) prints the physical path from
 * getcwd. -L prints $PWD instead when it is absolute, has no "." or ".."
 * component, and names the current directory: the path the shell took,
 * symlinks and all.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_logical_pwd_valid(const char *pwd)
{
	struct stat a, b;
	if (!pwd || pwd[0] != '/' || strstr(pwd, "/./") || strstr(pwd, "/../"))
		return false;
	size_t len = strlen(pwd);
	if ((len >= 2 && !strcmp(pwd + len - 2, "/.")) || (len >= 3 && !strcmp(pwd + len - 3, "/..")))
		return false;
	return stat(pwd, &a) == 0 && stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int main(int argc, char **argv)
{
	bool logical = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-L"))
			logical = true;
		else if (!strcmp(argv[i], "-P"))
			logical = false;
		else {
			fprintf(stderr, "pwd: %s: invalid option\nusage: pwd [-L | -P]\n", argv[i]);
			return 1;
		}
	}
	const char *pwd = getenv("PWD");
	if (logical && is_logical_pwd_valid(pwd)) {
		puts(pwd);
		return 0;
	}
	char buf[PATH_MAX];
	if (!getcwd(buf, sizeof(buf))) {
		fprintf(stderr, "pwd: %s\n", strerror(errno));
		return 1;
	}
	puts(buf);
	return 0;
}
