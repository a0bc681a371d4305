/*
 * rm: remove files, and with -r whole directory trees.
 *
 *   rm [-r | -R] [-f] path...
 *
 * -r removes a directory after its contents (depth first; symlinks are
 * removed, never followed). -f is silent about paths that do not exist and
 * about a missing operand. Like coreutils, rm refuses "/", "." and "..".
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool opt_recursive, opt_force;

static int fail(const char *path, int err)
{
	if (opt_force && err == ENOENT)
		return 0;
	fprintf(stderr, "rm: %s: %s\n", path, strerror(err));
	return 1;
}

static int remove_path(const char *path);

static void free_names(char **names)
{
	for (char **name = names; *name; name++)
		free(*name);
	free(names);
}

/* Reads the names in a directory (but "." and "..") into a malloc'd,
 * NULL-terminated array. Returns NULL with errno set on failure. */
static char **read_names(const char *path)
{
	DIR *dir = opendir(path);
	if (!dir)
		return NULL;
	size_t n = 0, cap = 16;
	char **names = calloc(cap, sizeof(*names));
	struct dirent *d;
	while (names && (d = readdir(dir))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		char **bigger = n + 1 < cap ? names : realloc(names, (cap *= 2) * sizeof(*names));
		char *name = bigger ? strdup(d->d_name) : NULL;
		if (!name) {
			free_names(bigger ? bigger : names);
			names = NULL;
			break;
		}
		names = bigger;
		names[n++] = name;
		names[n] = NULL;
	}
	closedir(dir);
	if (!names)
		errno = ENOMEM;
	return names;
}

/*
 * Removes everything in the directory, then the directory itself. The
 * names are read first and removed after: deleting entries while reading
 * the same directory may make a file system skip some.
 */
static int remove_tree(const char *path)
{
	char **names = read_names(path);
	if (!names)
		return fail(path, errno);
	int status = 0;
	for (char **name = names; *name; name++) {
		char *child = malloc(strlen(path) + strlen(*name) + 2);
		if (!child) {
			status |= fail(path, ENOMEM);
			break;
		}
		sprintf(child, "%s/%s", path, *name);
		status |= remove_path(child);
		free(child);
	}
	free_names(names);
	if (rmdir(path) < 0)
		status |= fail(path, errno);
	return status;
}

static int remove_path(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return fail(path, errno);
	if (!S_ISDIR(st.st_mode))
		return unlink(path) < 0 ? fail(path, errno) : 0;
	if (!opt_recursive)
		return fail(path, EISDIR);
	return remove_tree(path);
}

/* "/", ".", "..", "dir/." and "dir/..": removing those is never meant. */
static bool is_forbidden(const char *path)
{
	size_t len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		len--;
	if (len == 1 && path[0] == '/')
		return true;
	size_t base = len;
	while (base > 0 && path[base - 1] != '/')
		base--;
	return (len - base == 1 && path[base] == '.') ||
	       (len - base == 2 && path[base] == '.' && path[base + 1] == '.');
}

int main(int argc, char **argv)
{
	int i = 1, status = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'r' || *o == 'R')
				opt_recursive = true;
			else if (*o == 'f')
				opt_force = true;
			else {
				fprintf(stderr, "rm: -%c: invalid option\nusage: rm [-r] [-f] path...\n", *o);
				return 1;
			}
		}
	}
	if (i == argc && !opt_force) {
		fprintf(stderr, "rm: missing operand\nusage: rm [-r] [-f] path...\n");
		return 1;
	}
	for (; i < argc; i++) {
		if (is_forbidden(argv[i])) {
			fprintf(stderr, "rm: %s: refusing to remove '/', '.' or '..'\n", argv[i]);
			status = 1;
		} else {
			status |= remove_path(argv[i]);
		}
	}
	return status;
}
