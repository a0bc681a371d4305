/*
 * kill: send a signal to processes or process groups.
 *
 *   kill [-SIG | -s SIG | -NUM] [--] pid...   default signal TERM
 *   kill -l [NUM | NAME]...                    list signal names, or translate
 *
 * SIG is a name with or without "SIG" (TERM, SIGTERM, any case) or a number.
 * A negative pid names a process group: `kill -9 -123` and
 * `kill -TERM -- -123` both signal every process in group 123 (`--` keeps
 * a lone `-123` from being read as a signal). `kill -l 143` prints TERM,
 * since a shell reports a process killed by signal N as status 128+N.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Linux's standard signals in number order; the numbers come from
 * <signal.h> so this table cannot disagree with the ABI. */
static const struct {
	int num;
	const char *name;
} signals[] = {
	{ SIGHUP, "HUP" },	 { SIGINT, "INT" },	  { SIGQUIT, "QUIT" },	 { SIGILL, "ILL" },
	{ SIGTRAP, "TRAP" },	 { SIGABRT, "ABRT" },	  { SIGBUS, "BUS" },	 { SIGFPE, "FPE" },
	{ SIGKILL, "KILL" },	 { SIGUSR1, "USR1" },	  { SIGSEGV, "SEGV" },	 { SIGUSR2, "USR2" },
	{ SIGPIPE, "PIPE" },	 { SIGALRM, "ALRM" },	  { SIGTERM, "TERM" },	 { SIGSTKFLT, "STKFLT" },
	{ SIGCHLD, "CHLD" },	 { SIGCONT, "CONT" },	  { SIGSTOP, "STOP" },	 { SIGTSTP, "TSTP" },
	{ SIGTTIN, "TTIN" },	 { SIGTTOU, "TTOU" },	  { SIGURG, "URG" },	 { SIGXCPU, "XCPU" },
	{ SIGXFSZ, "XFSZ" },	 { SIGVTALRM, "VTALRM" }, { SIGPROF, "PROF" },	 { SIGWINCH, "WINCH" },
	{ SIGIO, "IO" },	 { SIGPWR, "PWR" },	  { SIGSYS, "SYS" },
};
#define NSIGNALS (sizeof(signals) / sizeof(signals[0]))
#define SIG_MAX 64	/* real-time signals go up to 64 on Linux */

/* Aliases other tools print, accepted on input only. */
static const struct {
	int num;
	const char *name;
} aliases[] = { { SIGIOT, "IOT" }, { SIGPOLL, "POLL" }, { SIGCHLD, "CLD" } };

static const char *signal_name(int num)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		if (signals[i].num == num)
			return signals[i].name;
	return NULL;
}

/* Parses a decimal number that must be the whole string; false if not. */
static bool parse_int(const char *s, long *out)
{
	char *end;
	if (!*s)
		return false;
	errno = 0;
	*out = strtol(s, &end, 10);
	return !*end && !errno && (isdigit((unsigned char)*s) || *s == '-');
}

/* Signal number for "TERM", "SIGTERM", "term" or "15"; -1 if none. */
static int parse_signal(const char *s)
{
	long num;
	if (parse_int(s, &num))
		return num >= 0 && num <= SIG_MAX ? (int)num : -1;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (size_t i = 0; i < NSIGNALS; i++)
		if (!strcasecmp(s, signals[i].name))
			return signals[i].num;
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (!strcasecmp(s, aliases[i].name))
			return aliases[i].num;
	return -1;
}

/* kill -l: every name, or each argument translated (number <-> name). */
static int list_signals(char **args)
{
	if (!*args) {
		for (size_t i = 0; i < NSIGNALS; i++)
			printf("%s\n", signals[i].name);
		return 0;
	}
	int status = 0;
	for (; *args; args++) {
		long num;
		int sig;
		if (parse_int(*args, &num)) {
			if (num > 128)
				num -= 128;	/* an exit status: 128 + signal */
			if (signal_name(num)) {
				printf("%s\n", signal_name(num));
				continue;
			}
		} else if ((sig = parse_signal(*args)) > 0) {
			printf("%d\n", sig);
			continue;
		}
		fprintf(stderr, "kill: %s: invalid signal specification\n", *args);
		status = 1;
	}
	return status;
}

static int send(const char *arg, int sig)
{
	long pid;
	if (!parse_int(arg, &pid) || pid != (pid_t)pid) {
		fprintf(stderr, "kill: %s: invalid process id\n", arg);
		return 1;
	}
	if (kill((pid_t)pid, sig) < 0) {
		fprintf(stderr, "kill: %s: %s\n", arg, strerror(errno));
		return 1;
	}
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: kill [-SIG | -s SIG | -NUM] [--] pid...\n       kill -l [SIG]...\n");
	return 1;
}

/* Reads the signal option, if any; returns the index of the first pid,
 * or -1 after printing an error. Only the first argument can be the
 * signal, so in `kill -9 -123` the -123 is a process group. */
static int parse_options(int argc, char **argv, int *sig)
{
	int i = 1;
	const char *spec = NULL;
	if (i < argc && !strcmp(argv[i], "-s")) {
		if (i + 1 >= argc) {
			usage();
			return -1;
		}
		spec = argv[i + 1];
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--")) {
		spec = argv[i] + 1;
		i++;
	}
	if (spec && (*sig = parse_signal(spec)) < 0) {
		fprintf(stderr, "kill: %s: invalid signal specification\n", spec);
		return -1;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	return i;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "-l"))
		return list_signals(argv + 2);
	int sig = SIGTERM;
	int first = parse_options(argc, argv, &sig);
	if (first < 0)
		return 1;
	if (first >= argc)
		return usage();
	int status = 0;
	for (int i = first; i < argc; i++)
		status |= send(argv[i], sig);
	return status;
}
