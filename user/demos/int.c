/*
 * int: wait for signals and print each one received (CSAPP 8.5; CMU 15-213
 * "Signals" and job control).
 *
 *   int
 *
 * Prints its pid, then sleeps in pause() with a handler on every signal
 * that can be caught, and prints each as it arrives: try ^C, ^\, ^Z,
 * `kill -USR1 PID`, `kill -INT -PGID`.
 * So that job control still works: after printing SIGTSTP, SIGTTIN or
 * SIGTTOU it stops itself (as the default action would), and SIGCONT is
 * printed on the way back. SIGTERM and SIGHUP are printed and end it;
 * SIGKILL ends it silently (it cannot be caught).
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Names by number, for printing from a handler (strsignal may not be
 * called there, and gives descriptions, not names). */
static const char *const names[32] = {
	[SIGHUP] = "HUP",   [SIGINT] = "INT",	    [SIGQUIT] = "QUIT",	    [SIGILL] = "ILL",
	[SIGTRAP] = "TRAP", [SIGABRT] = "ABRT",	    [SIGBUS] = "BUS",	    [SIGFPE] = "FPE",
	[SIGUSR1] = "USR1", [SIGSEGV] = "SEGV",	    [SIGUSR2] = "USR2",	    [SIGPIPE] = "PIPE",
	[SIGALRM] = "ALRM", [SIGTERM] = "TERM",	    [SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD",
	[SIGCONT] = "CONT", [SIGTSTP] = "TSTP",	    [SIGTTIN] = "TTIN",	    [SIGTTOU] = "TTOU",
	[SIGURG] = "URG",   [SIGXCPU] = "XCPU",	    [SIGXFSZ] = "XFSZ",	    [SIGVTALRM] = "VTALRM",
	[SIGPROF] = "PROF", [SIGWINCH] = "WINCH",   [SIGIO] = "IO",	    [SIGPWR] = "PWR",
	[SIGSYS] = "SYS",
};

/* Appends s to buf at *len; async-signal-safe. */
static void append(char *buf, size_t *len, const char *s)
{
	while (*s)
		buf[(*len)++] = *s++;
}

static void append_number(char *buf, size_t *len, unsigned n)
{
	char digits[12];
	int i = 0;
	do
		digits[i++] = '0' + n % 10;
	while (n /= 10);
	while (i > 0)
		buf[(*len)++] = digits[--i];
}

/* Only async-signal-safe calls here: write, kill, getpid, _exit. */
static void on_signal(int sig)
{
	char msg[80];
	size_t len = 0;
	append(msg, &len, "int ");
	append_number(msg, &len, getpid());
	append(msg, &len, ": received SIG");
	append(msg, &len, names[sig] ? names[sig] : "?");
	append(msg, &len, " (");
	append_number(msg, &len, sig);
	append(msg, &len, ")\n");
	write(STDOUT_FILENO, msg, len);
	if (sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU)
		kill(getpid(), SIGSTOP);	/* what the default action does */
	else if (sig == SIGTERM || sig == SIGHUP)
		_exit(0);
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int sig = 1; sig < 32; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			sigaction(sig, &sa, NULL);
	printf("int %d: waiting for signals (pgid %d)\n", getpid(), getpgrp());
	fflush(stdout);
	for (;;)
		pause();
}
