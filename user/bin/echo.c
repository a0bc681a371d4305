/*
 * echo: print the arguments, separated by spaces, and a newline.
 *
 *   echo [-n] [arg...]     -n: no newline at the end
 *
 * No escape processing (no -e): "\n" is printed as the two characters.
 * Leading "-n" options may repeat ("-n -n", "-nn"); any other argument,
 * "-e" included, is printed as it is.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* "-n", "-nn", ...: what coreutils also takes as -n. */
static bool is_n_option(const char *arg)
{
	return arg[0] == '-' && arg[1] == 'n' && strspn(arg + 1, "n") == strlen(arg + 1);
}

int main(int argc, char **argv)
{
	bool newline = true;
	int i = 1;
	for (; i < argc && is_n_option(argv[i]); i++)
		newline = false;
	for (int first = i; i < argc; i++)
		printf("%s%s", i > first ? " " : "", argv[i]);
	if (newline)
		putchar('\n');
	return fflush(stdout) ? 1 : 0;
}
