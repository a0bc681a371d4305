/*
 * bench.h: what every benchmark program shares: clocks, the iteration
 * count from argv[1], the one-line result format, and dying on errors.
 *
 * Each program runs unmodified on Linux and on sysret, so it uses only
 * ordinary system calls through musl. It does a short warm-up round first
 * (WARMUP iterations, not measured: the first calls pay for cold caches,
 * page faults on the program's own code and data, lazy kernel set-up),
 * then the measured round, and prints one line per result:
 *
 *     name value unit
 *
 * with an integer value: ns per operation, or MiB/s for a bandwidth.
 * Nothing else goes to stdout; errors go to stderr, starting with
 * "bench: " so that bench/run.py shows them, and the program exits 1.
 *
 * Include this file first: it defines _GNU_SOURCE, which must come before
 * every system header (for vfork, sched_setaffinity, MADV_NOHUGEPAGE and
 * program_invocation_short_name).
 */
#ifndef BENCH_H
#define BENCH_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Iterations of the unmeasured warm-up round. */
#define WARMUP 5

/* Prints "bench: PROGRAM: WHAT: error text" and exits 1: for a failed
 * system call, with errno still set by it. */
static inline void die(const char *what)
{
	fprintf(stderr, "bench: %s: %s: %s\n", program_invocation_short_name, what, strerror(errno));
	exit(1);
}

/* Same for a wrong result that is not a system call's error. */
static inline void fail(const char *what)
{
	fprintf(stderr, "bench: %s: %s\n", program_invocation_short_name, what);
	exit(1);
}

static inline unsigned long long clock_ns(clockid_t clock)
{
	struct timespec ts;
	if (clock_gettime(clock, &ts) < 0)
		die("clock_gettime");
	return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

/* Wall-clock time, which never jumps (unlike CLOCK_REALTIME). */
static inline unsigned long long now_ns(void)
{
	return clock_ns(CLOCK_MONOTONIC);
}

/* CPU time used by this process (all its threads, not its children):
 * time other processes spend on the CPU is not counted. */
static inline unsigned long long cpu_ns(void)
{
	return clock_ns(CLOCK_PROCESS_CPUTIME_ID);
}

/* A decimal number from the command line; anything else is an error. */
static inline unsigned long number(const char *s)
{
	char *end;
	errno = 0;
	unsigned long n = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-')
		fail("arguments must be decimal numbers");
	return n;
}

/* The iteration count: argv[1] if given, else the default. */
static inline unsigned long iterations(int argc, char **argv, unsigned long dflt)
{
	unsigned long n = argc > 1 ? number(argv[1]) : dflt;
	if (n == 0)
		fail("the iteration count must be at least 1");
	return n;
}

/* The one result line; flushed at once, so that it is out even if a later
 * step fails (and before any fork, which would copy the buffer). */
static inline void report(const char *name, unsigned long long value, const char *unit)
{
	printf("%s %llu %s\n", name, value, unit);
	fflush(stdout);
}

#endif
