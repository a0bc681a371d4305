/*
 * mkdir: make directories.
 *
 *   mkdir [-p] dir...
 *
 * New directories get mode 0777 less the umask. -p also makes any missing
 * parents, and is silent when the directory already exists.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool opt_parents;

/* mkdir, but an existing directory counts as success. */
static int make_one(const char *path)
{
	struct stat st;
	if (mkdir(path, 0777) == 0)
		return 0;
	if (errno != EEXIST)
		return -1;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	errno = EEXIST;	/* not stat's errno: for a dangling symlink, ENOENT misleads */
	return -1;
}

/* -p: makes each prefix of path in turn, from the root down. A prefix that
 * exists as a file needs no check here: the next mkdir fails with ENOTDIR. */
static int make_parents(const char *path)
{
	char *copy = strdup(path);
	if (!copy)
		return -1;
	int ret = 0;
	for (char *p = copy + 1; ret == 0 && *p; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = 0;
		if (mkdir(copy, 0777) < 0 && errno != EEXIST)
			ret = -1;
		*p = '/';
	}
	if (ret == 0)
		ret = make_one(copy);
	free(copy);
	return ret;
}

int main(int argc, char **argv)
{
	int i = 1, status = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (strcmp(argv[i], "-p")) {
			fprintf(stderr, "mkdir: %s: invalid option\nusage: mkdir [-p] dir...\n", argv[i]);
			return 1;
		}
		opt_parents = true;
	}
	if (i == argc) {
		fprintf(stderr, "mkdir: missing operand\nusage: mkdir [-p] dir...\n");
		return 1;
	}
	for (; i < argc; i++) {
		if ((opt_parents ? make_parents(argv[i]) : mkdir(argv[i], 0777)) < 0) {
			fprintf(stderr, "mkdir: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
