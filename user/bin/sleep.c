/*
 * sleep: wait for a while.
 *
 *   sleep NUMBER[s|m|h|d]...     e.g. sleep 1, sleep 0.5, sleep 1m 30
 *
 * NUMBER may have a fraction; several are added up, as in coreutils.
 * The wait is a nanosleep, resumed with the time it reports left if it
 * returns early with EINTR (a kernel may do so after a stop and continue).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Parses "1.5", "2m", ".25s" into seconds; false if malformed. Parsed by
 * hand so that "inf", "nan" and hex floats, which strtod takes, are not. */
static bool parse_interval(const char *s, double *secs)
{
	double value = 0, scale = 1;
	bool any_digit = false, fraction = false;
	for (; (*s >= '0' && *s <= '9') || (*s == '.' && !fraction); s++) {
		if (*s == '.') {
			fraction = true;
			continue;
		}
		any_digit = true;
		if (fraction)
			value += (*s - '0') * (scale /= 10);
		else
			value = value * 10 + (*s - '0');
	}
	static const struct { char unit; double secs; } units[] = {
		{ 0, 1 }, { 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 },
	};
	for (size_t i = 0; any_digit && i < sizeof(units) / sizeof(units[0]); i++) {
		if (s[0] == units[i].unit && (!s[0] || !s[1])) {
			*secs = value * units[i].secs;
			return true;
		}
	}
	return false;
}

int main(int argc, char **argv)
{
	double total = 0, secs;
	if (argc < 2) {
		fprintf(stderr, "sleep: missing operand\nusage: sleep NUMBER[s|m|h|d]...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		if (!parse_interval(argv[i], &secs)) {
			fprintf(stderr, "sleep: %s: invalid time interval\n", argv[i]);
			return 1;
		}
		total += secs;
	}
	/* Clamp to what a 64-bit time_t holds comfortably (far beyond any use). */
	if (total > 1e15)
		total = 1e15;
	struct timespec left = { .tv_sec = (time_t)total };
	left.tv_nsec = (long)((total - (double)left.tv_sec) * 1e9);
	while (nanosleep(&left, &left) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "sleep: %s\n", strerror(errno));
			return 1;
		}
	}
	return 0;
}
