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

#endif
