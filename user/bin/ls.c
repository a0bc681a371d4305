/*
 * ls: list directory contents.
 *
 *   ls [-l] [-a] [-1] [path...]     default path "."
 *
 * Names are sorted by strcmp (what coreutils ls does with LC_ALL=C), one
 * per line (-1 is accepted; it is always so). Dotfiles are shown with -a.
 * As in coreutils, files named on the command line come first, then each
 * directory's contents under a "dir:" heading when there is more than one.
 * A symlink named on the command line is followed unless -l is given.
 *
 * -l prints: mode, links, uid, gid (numbers, like `ls -n`), size (or
 * "major, minor" for a device), mtime as "YYYY-MM-DD HH:MM" in UTC, name,
 * and "-> target" for a symlink; a directory listing starts with
 * "total N" (1 KiB blocks). So `ls -l` here matches
 * `TZ=UTC LC_ALL=C ls -ln --time-style='+%Y-%m-%d %H:%M'` from coreutils.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

static bool opt_long, opt_all;
static int exit_status;

struct entry {
	char *name;	/* as shown */
	char *path;	/* to stat and readlink */
	struct stat st;
};

/* Column widths for -l, so that numbers line up as in coreutils. */
struct widths {
	int nlink, uid, gid, size;
};

static void error(const char *what, int err)
{
	fprintf(stderr, "ls: %s: %s\n", what, strerror(err));
	exit_status = 1;
}

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static char file_type(mode_t m)
{
	if (S_ISDIR(m)) return 'd';
	if (S_ISLNK(m)) return 'l';
	if (S_ISCHR(m)) return 'c';
	if (S_ISBLK(m)) return 'b';
	if (S_ISFIFO(m)) return 'p';
	if (S_ISSOCK(m)) return 's';
	return '-';
}

/* "drwxr-xr-x": type, then rwx for owner, group, other; s/S and t/T mark
 * set-id and sticky bits over the x slot (lower case when x is also set). */
static void format_mode(mode_t m, char *out)
{
	const char *rwx = "rwxrwxrwx";
	out[0] = file_type(m);
	for (int i = 0; i < 9; i++)
		out[1 + i] = (m & (0400 >> i)) ? rwx[i] : '-';
	if (m & S_ISUID) out[3] = (m & S_IXUSR) ? 's' : 'S';
	if (m & S_ISGID) out[6] = (m & S_IXGRP) ? 's' : 'S';
	if (m & S_ISVTX) out[9] = (m & S_IXOTH) ? 't' : 'T';
	out[10] = 0;
}

static int digits(unsigned long long n)
{
	int d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static int size_width(const struct stat *st)
{
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		return digits(major(st->st_rdev)) + 2 + digits(minor(st->st_rdev));
	return digits(st->st_size);
}

static void max_widths(const struct entry *e, size_t n, struct widths *w)
{
	*w = (struct widths){ 1, 1, 1, 1 };
	for (size_t i = 0; i < n; i++) {
		const struct stat *st = &e[i].st;
		if (digits(st->st_nlink) > w->nlink) w->nlink = digits(st->st_nlink);
		if (digits(st->st_uid) > w->uid) w->uid = digits(st->st_uid);
		if (digits(st->st_gid) > w->gid) w->gid = digits(st->st_gid);
		if (size_width(st) > w->size) w->size = size_width(st);
	}
}

static void print_long(const struct entry *e, const struct widths *w)
{
	char mode[11], date[32], size[48];
	format_mode(e->st.st_mode, mode);
	struct tm tm;
	time_t mtime = e->st.st_mtime;
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M", gmtime_r(&mtime, &tm));
	if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode))
		snprintf(size, sizeof(size), "%u, %u", major(e->st.st_rdev), minor(e->st.st_rdev));
	else
		snprintf(size, sizeof(size), "%lld", (long long)e->st.st_size);
	printf("%s %*lu %*u %*u %*s %s %s", mode, w->nlink, (unsigned long)e->st.st_nlink,
	       w->uid, e->st.st_uid, w->gid, e->st.st_gid, w->size, size, date, e->name);
	if (S_ISLNK(e->st.st_mode)) {
		char target[PATH_MAX];
		ssize_t len = readlink(e->path, target, sizeof(target) - 1);
		if (len >= 0)
			printf(" -> %.*s", (int)len, target);
	}
	putchar('\n');
}

static void print_entries(const struct entry *e, size_t n)
{
	struct widths w;
	if (opt_long)
		max_widths(e, n, &w);
	for (size_t i = 0; i < n; i++) {
		if (opt_long)
			print_long(&e[i], &w);
		else
			printf("%s\n", e[i].name);
	}
}

static void free_entries(struct entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].path);
	}
	free(e);
}

/* Appends one directory entry, lstat'ed (a listed symlink is shown as the
 * link itself). Returns false when out of memory. */
static bool add_entry(struct entry **e, size_t *n, size_t *cap, const char *dir, const char *name)
{
	if (*n == *cap) {
		struct entry *bigger = realloc(*e, (*cap = *cap * 2 + 16) * sizeof(**e));
		if (!bigger)
			return false;
		*e = bigger;
	}
	struct entry *new = &(*e)[*n];
	new->name = strdup(name);
	new->path = malloc(strlen(dir) + strlen(name) + 2);
	if (!new->name || !new->path)
		return false;
	sprintf(new->path, "%s/%s", dir, name);
	if (lstat(new->path, &new->st) < 0) {
		/* Removed since readdir: show it without details. */
		memset(&new->st, 0, sizeof(new->st));
	}
	(*n)++;
	return true;
}

static void list_directory(const char *path)
{
	DIR *dir = opendir(path);
	if (!dir) {
		error(path, errno);
		return;
	}
	struct entry *e = NULL;
	size_t n = 0, cap = 0;
	struct dirent *d;
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.' && !opt_all)
			continue;
		if (!add_entry(&e, &n, &cap, path, d->d_name)) {
			error(path, ENOMEM);
			break;
		}
	}
	closedir(dir);
	qsort(e, n, sizeof(*e), compare_entries);
	if (opt_long) {
		unsigned long long blocks = 0;	/* st_blocks counts 512-byte units */
		for (size_t i = 0; i < n; i++)
			blocks += e[i].st.st_blocks;
		printf("total %llu\n", (blocks + 1) / 2);
	}
	print_entries(e, n);
	free_entries(e, n);
}

/* Stats each command-line path; the ones that cannot be stat'ed are
 * reported and dropped. Returns how many remain in e[]. */
static size_t stat_operands(char **paths, size_t n, struct entry *e)
{
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		struct entry *new = &e[kept];
		new->name = paths[i];
		new->path = paths[i];
		/* -l describes a symlink itself; otherwise a link to a directory
		 * lists the directory. A dangling link is still listed. */
		if ((opt_long || stat(paths[i], &new->st) < 0) && lstat(paths[i], &new->st) < 0)
			error(paths[i], errno);
		else
			kept++;
	}
	return kept;
}

/* Lists the command-line paths as coreutils does: the non-directories
 * first, in one sorted block, then each directory's contents in turn,
 * under a "dir:" heading when there was more than one path. */
static void list_operands(char **paths, size_t n)
{
	struct entry *e = calloc(2 * n, sizeof(*e));
	if (!e) {
		error("ls", ENOMEM);
		return;
	}
	struct entry *files = e + n;
	size_t kept = stat_operands(paths, n, e), nfiles = 0;
	qsort(e, kept, sizeof(*e), compare_entries);
	for (size_t i = 0; i < kept; i++)
		if (!S_ISDIR(e[i].st.st_mode))
			files[nfiles++] = e[i];
	print_entries(files, nfiles);
	bool printed = nfiles > 0;
	for (size_t i = 0; i < kept; i++) {
		if (!S_ISDIR(e[i].st.st_mode))
			continue;
		if (n > 1)
			printf("%s%s:\n", printed ? "\n" : "", e[i].name);
		list_directory(e[i].path);
		printed = true;
	}
	free(e);
}

static int usage(void)
{
	fprintf(stderr, "usage: ls [-l] [-a] [-1] [path...]\n");
	return 1;
}

int main(int argc, char **argv)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'l')
				opt_long = true;
			else if (*o == 'a')
				opt_all = true;
			else if (*o != '1')
				return usage();
		}
	}
	if (i == argc)
		list_directory(".");
	else
		list_operands(argv + i, argc - i);
	return exit_status;
}
