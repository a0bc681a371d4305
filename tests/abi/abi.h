/* Shared helpers for the ABI tests: errno names, wait-status text, a raw fork,
 * bad pointers for EFAULT cases. Every test includes this header first.
 *
 * The rules the tests follow (so Linux and sysret print the same bytes):
 * print no pids, addresses or times, only relationships and outcomes; order
 * the output of related processes by waiting; print errno names, not text;
 * use only the system calls sysret implements (the list is in abi.py). */
#ifndef ABI_H
#define ABI_H
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ABI_PAGE 4096UL
/* The base of the kernel image on Linux and sysret: never user memory. */
#define ABI_KERNEL_PTR ((void *)0xffffffff80000000UL)

/* Unbuffered stdout before main runs: nothing is duplicated by fork, and the
 * output looks the same whether stdout is a pipe (Linux run) or the console. */
__attribute__((constructor)) static void abi_unbuffered(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	setvbuf(stderr, NULL, _IONBF, 0);
}

static inline const char *errno_name(int e)
{
	static const struct { int e; const char *name; } names[] = {
		{ 0, "0" }, { EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { ESRCH, "ESRCH" },
		{ EINTR, "EINTR" }, { EIO, "EIO" }, { ENXIO, "ENXIO" }, { E2BIG, "E2BIG" },
		{ ENOEXEC, "ENOEXEC" }, { EBADF, "EBADF" }, { ECHILD, "ECHILD" },
		{ EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" }, { EACCES, "EACCES" },
		{ EFAULT, "EFAULT" }, { EBUSY, "EBUSY" }, { EEXIST, "EEXIST" },
		{ EXDEV, "EXDEV" }, { ENODEV, "ENODEV" }, { ENOTDIR, "ENOTDIR" },
		{ EISDIR, "EISDIR" }, { EINVAL, "EINVAL" }, { ENFILE, "ENFILE" },
		{ EMFILE, "EMFILE" }, { ENOTTY, "ENOTTY" }, { ETXTBSY, "ETXTBSY" },
		{ EFBIG, "EFBIG" }, { ENOSPC, "ENOSPC" }, { ESPIPE, "ESPIPE" },
		{ EROFS, "EROFS" }, { EMLINK, "EMLINK" }, { EPIPE, "EPIPE" },
		{ EDOM, "EDOM" }, { ERANGE, "ERANGE" }, { ENAMETOOLONG, "ENAMETOOLONG" },
		{ ENOSYS, "ENOSYS" }, { ENOTEMPTY, "ENOTEMPTY" }, { ELOOP, "ELOOP" },
		{ EOVERFLOW, "EOVERFLOW" }, { EOPNOTSUPP, "EOPNOTSUPP" },
	};
	static char unknown[32];
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].e == e)
			return names[i].name;
	snprintf(unknown, sizeof(unknown), "errno %d", e);
	return unknown;
}

/* "exited N", "killed by signal N" or "stopped by signal N" (core dumps are
 * left out: whether one is written depends on the machine). */
static inline const char *status_text(int status)
{
	static char text[48];
	if (WIFEXITED(status))
		snprintf(text, sizeof(text), "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(text, sizeof(text), "killed by signal %d", WTERMSIG(status));
	else if (WIFSTOPPED(status))
		snprintf(text, sizeof(text), "stopped by signal %d", WSTOPSIG(status));
	else
		snprintf(text, sizeof(text), "unknown status %#x", status);
	return text;
}

/* Prints "WHAT: N" for a result >= 0, else "WHAT: -1 ENAME" from errno. */
static inline void show(const char *what, long ret)
{
	if (ret < 0)
		printf("%s: -1 %s\n", what, errno_name(errno));
	else
		printf("%s: %ld\n", what, ret);
}

/* The same for calls returning a pointer or MAP_FAILED (mmap, mremap):
 * "WHAT: mapped" or "WHAT: MAP_FAILED ENAME". */
static inline void show_map(const char *what, void *ret)
{
	if (ret == MAP_FAILED)
		printf("%s: MAP_FAILED %s\n", what, errno_name(errno));
	else
		printf("%s: mapped\n", what);
}

static inline const char *yes(int cond)
{
	return cond ? "yes" : "no";
}

/* fork(2) as the raw system call. NOTE: musl's fork() also blocks signals
 * around the call with rt_sigprocmask, which is not a call these tests use. */
static inline pid_t abi_fork(void)
{
	return (pid_t)syscall(SYS_fork);
}

/* Waits for one child and returns its wait status (-1 if the wait failed). */
static inline int wait_for(pid_t pid)
{
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* Runs fn in a child and prints "LABEL: <wait status>". */
static inline void run_child(const char *label, void (*fn)(void))
{
	pid_t pid = abi_fork();
	if (pid == 0) {
		fn();
		_exit(0);
	}
	printf("%s: %s\n", label, status_text(wait_for(pid)));
}

/* A read-write page of 'a' bytes whose next page is unmapped, for pointers
 * that straddle the end of mapped memory. NOTE: the next one-page mmap may
 * fill the hole, so tests take the edge page after their other mappings. */
static inline char *edge_page(void)
{
	char *p = mmap(NULL, 2 * ABI_PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		printf("edge_page: mmap failed\n");
		exit(1);
	}
	munmap(p + ABI_PAGE, ABI_PAGE);
	memset(p, 'a', ABI_PAGE);
	return p;
}

/* Writes a whole file, creating or truncating it; returns 0 or -1. */
static inline int write_file(const char *path, const void *data, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, data, len);
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}

/* ---- Signals, timers and process groups ----
 * Helpers for the signal tests. NOTE: musl's SIGRTMIN is 35 (it keeps 32-34
 * for itself and its sigaction/sigaddset refuse them). */
#include <sys/time.h>
#include <ucontext.h>

/* "SIGUSR1" for 1..31, "signal N" for the others; a few rotating buffers, so
 * up to four results may appear in one printf. */
static inline const char *sig_name(int sig)
{
	static const char *const names[32] = {
		"signal 0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
		"SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE",
		"SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
		"SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
		"SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
	};
	static char buf[4][16];
	static int next;
	if (sig >= 0 && sig < 32)
		return names[sig];
	char *b = buf[next++ & 3];
	snprintf(b, sizeof(buf[0]), "signal %d", sig);
	return b;
}

/* The members of a signal set (1..64) as "SIGHUP SIGUSR1 signal 35", or
 * "none"; rotating buffers as for sig_name. */
static inline const char *sigset_text(const sigset_t *set)
{
	static char buf[4][512];
	static int next;
	char *b = buf[next++ & 3];
	uint64_t bits;
	size_t len = 0;
	memcpy(&bits, set, sizeof(bits));
	b[0] = 0;
	for (int sig = 1; sig <= 64; sig++)
		if (bits & (1ULL << (sig - 1)))
			len += snprintf(b + len, sizeof(buf[0]) - len, "%s%s", len ? " " : "",
					sig_name(sig));
	return len ? b : "none";
}

/* The calling thread's blocked and pending signals as text. */
static inline const char *blocked_text(void)
{
	sigset_t set;
	sigprocmask(SIG_BLOCK, NULL, &set);
	return sigset_text(&set);
}

static inline const char *pending_text(void)
{
	sigset_t set;
	sigpending(&set);
	return sigset_text(&set);
}

/* Installs an SA_SIGINFO handler with an empty sa_mask and extra flags. */
static inline int on_signal(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* Sets a disposition (SIG_DFL, SIG_IGN or a plain handler), no flags. */
static inline int set_disposition(int sig, void (*fn)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* Adds one signal to, or removes it from, the blocked mask. */
static inline void mask_signal(int how, int sig)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(how, &set, NULL);
}

static inline void msleep(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* CLOCK_MONOTONIC in milliseconds. */
static inline long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads exactly one byte (retrying EINTR); returns it, or -1 on EOF/error. */
static inline int read_byte(int fd)
{
	unsigned char c;
	ssize_t n;
	while ((n = read(fd, &c, 1)) < 0 && errno == EINTR)
		;
	return n == 1 ? c : -1;
}

static inline void write_byte(int fd, int c)
{
	unsigned char b = (unsigned char)c;
	while (write(fd, &b, 1) < 0 && errno == EINTR)
		;
}

/* Writes a string with one write(2): for use in signal handlers. */
static inline void write_str(int fd, const char *s)
{
	write(fd, s, strlen(s));
}

/* raise() for any process: musl's raise() signals the thread id it cached at
 * startup, which in a child made by abi_fork is still the parent's. */
static inline int abi_raise(int sig)
{
	return (int)syscall(SYS_tkill, (long)syscall(SYS_gettid), sig);
}

#endif
