/*
 * env: print the environment, or run a command in a changed one.
 *
 *   env                            print NAME=VALUE lines
 *   env [-i] [-u NAME]... [NAME=VALUE]... [cmd [arg...]]
 *
 * -i (or a lone "-") starts from an empty environment; -u removes NAME.
 * cmd is looked up in PATH (from the changed environment). As in
 * coreutils, the exit status is 127 when cmd is not found and 126 when it
 * cannot be run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static int usage(void)
{
	fprintf(stderr, "usage: env [-i] [-u NAME]... [NAME=VALUE]... [cmd [arg...]]\n");
	return 125;
}

/* Applies the options; returns the index of the first NAME=VALUE or
 * command argument, or -1 on a usage error. */
static int parse_options(int argc, char **argv)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-i") || !strcmp(argv[i], "-")) {
			environ = calloc(1, sizeof(*environ));	/* clearenv() is not POSIX */
		} else if (!strcmp(argv[i], "-u") && i + 1 < argc) {
			unsetenv(argv[++i]);
		} else if (!strcmp(argv[i], "--")) {
			return i + 1;
		} else {
			return -1;
		}
	}
	return i;
}

int main(int argc, char **argv)
{
	int i = parse_options(argc, argv);
	if (i < 0)
		return usage();
	for (; i < argc && strchr(argv[i], '='); i++) {
		if (putenv(argv[i]) != 0) {
			fprintf(stderr, "env: %s: %s\n", argv[i], strerror(errno));
			return 125;
		}
	}
	if (i == argc) {
		for (char **e = environ; e && *e; e++)
			puts(*e);
		return 0;
	}
	execvp(argv[i], argv + i);
	int err = errno;
	fprintf(stderr, "env: %s: %s\n", argv[i], strerror(err));
	return err == ENOENT ? 127 : 126;
}
