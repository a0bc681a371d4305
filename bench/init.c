/*
 * init: PID 1 of the benchmark initramfs, the same program on Linux and on
 * sysret. It runs every benchmark program (/bin/NAME) in turn, then powers
 * the machine off.
 *
 *   /init              the full set, without the scaling runs
 *   /init scale        the full set and the scaling runs (scale, zombies,
 *                      kill_group)
 *   /init quick        everything with tiny counts: a smoke test
 *
 * Both kernels pass the words after "--" on the kernel command line to
 * init as its arguments.
 *
 * The very first thing it does is read the time-stamp counter, and it
 * prints that as boot_to_init: under QEMU's -icount shift=0 the TSC counts
 * nanoseconds of virtual time, one per instruction executed since the
 * machine started, so this is the boot cost up to the first instruction of
 * user code (firmware included, the same for both kernels).
 *
 * Linux's initramfs has no device nodes (and maybe no console on fds
 * 0, 1, 2); sysret provides /dev/null and the console itself. So if either
 * is missing, init mounts devtmpfs on /dev and opens /dev/console.
 *
 * A program that fails prints its error to stderr, and init adds
 * "bench: NAME ARGS failed status STATUS" (the raw wait status) to stdout,
 * then goes on with the next one. At the end it prints "bench: done".
 */
#include "bench.h"
#include <fcntl.h>
#include <stdbool.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

#define LENGTH(a) (sizeof(a) / sizeof((a)[0]))

/* One run: the program's name (in /bin) and its arguments. */
struct run {
	const char *argv[5];
};

static const struct run full[] = {
	{ { "null_syscall", "20000" } },
	{ { "fork_exit_wait", "300" } },
	{ { "vfork_exec_wait", "200" } },
	{ { "fork_exec_wait", "200" } },
	{ { "sh_true", "100" } },
	{ { "ctx_switch", "5000" } },
	{ { "sig_install", "20000" } },
	{ { "sig_catch", "5000" } },
	{ { "page_fault", "4000" } },
	{ { "cow_fault", "2000" } },
	{ { "mmap_munmap", "5000" } },
	{ { "brk_grow", "2000" } },
	{ { "pipe_bandwidth", "256" } },
};

/* With N runnable others this process gets 1/N of the CPU, and Linux under
 * icount needs about 40 seconds of host time per iteration with 1000 of them
 * (each of its operations waits for a round of the others' sched_yield):
 * fewer iterations there, or `make bench` takes hours. */
static const struct run scaling[] = {
	{ { "scale", "0", "sleeping", "500" } },
	{ { "scale", "10", "sleeping", "500" } },
	{ { "scale", "100", "sleeping", "500" } },
	{ { "scale", "1000", "sleeping", "500" } },
	{ { "scale", "10", "runnable", "500" } },
	{ { "scale", "100", "runnable", "20" } },
	{ { "scale", "1000", "runnable", "5" } },
	{ { "zombies", "10" } },
	{ { "zombies", "1000" } },
	{ { "kill_group", "1", "2000" } },
	{ { "kill_group", "100", "2000" } },
};

static const struct run quick[] = {
	{ { "null_syscall", "20" } },
	{ { "fork_exit_wait", "5" } },
	{ { "vfork_exec_wait", "5" } },
	{ { "fork_exec_wait", "5" } },
	{ { "sh_true", "5" } },
	{ { "ctx_switch", "20" } },
	{ { "sig_install", "20" } },
	{ { "sig_catch", "20" } },
	{ { "page_fault", "20" } },
	{ { "cow_fault", "20" } },
	{ { "mmap_munmap", "20" } },
	{ { "brk_grow", "20" } },
	{ { "pipe_bandwidth", "16" } },
	{ { "scale", "0", "sleeping", "10" } },
	{ { "scale", "10", "sleeping", "10" } },
	{ { "scale", "10", "runnable", "10" } },
	{ { "zombies", "10" } },
	{ { "kill_group", "10", "20" } },
};

static char *const child_envp[] = { "PATH=/bin", NULL };

static inline unsigned long long rdtsc(void)
{
	unsigned int lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (unsigned long long)hi << 32 | lo;
}

/* Makes sure /dev/null exists and fds 0, 1, 2 are the console. */
static void set_up_console(void)
{
	bool no_stdout = fcntl(1, F_GETFD) < 0;
	if (no_stdout || access("/dev/null", F_OK) < 0)
		mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);	/* may be there already */
	if (!no_stdout)
		return;
	int fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return;		/* nowhere to say so */
	for (int i = 0; i < 3; i++) {
		if (fd != i)
			dup2(fd, i);
	}
	if (fd > 2)
		close(fd);
}

/* Prints "bench: NAME ARGS failed status STATUS". */
static void report_failure(const struct run *r, int status)
{
	printf("bench:");
	for (const char *const *a = r->argv; *a; a++)
		printf(" %s", *a);
	printf(" failed status %d\n", status);
}

static void run_one(const struct run *r)
{
	char path[64];
	snprintf(path, sizeof path, "/bin/%s", r->argv[0]);
	fflush(stdout);		/* before fork, or the child gets a copy */
	pid_t pid = fork();
	if (pid < 0) {
		report_failure(r, -1);
		return;
	}
	if (pid == 0) {
		execve(path, (char *const *)r->argv, child_envp);
		fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	/* wait, not waitpid: as PID 1 this also reaps any orphan that a
	 * failed program left behind. */
	int status;
	pid_t done;
	while ((done = wait(&status)) != pid) {
		if (done < 0 && errno != EINTR) {
			report_failure(r, -1);
			return;
		}
	}
	if (status != 0)
		report_failure(r, status);
}

static void run_all(const struct run *runs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		run_one(&runs[i]);
}

static bool has_arg(int argc, char **argv, const char *word)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], word))
			return true;
	}
	return false;
}

int main(int argc, char **argv)
{
	unsigned long long tsc = rdtsc();
	set_up_console();
	report("boot_to_init", tsc, "ns");

	if (has_arg(argc, argv, "quick")) {
		run_all(quick, LENGTH(quick));
	} else {
		run_all(full, LENGTH(full));
		if (has_arg(argc, argv, "scale"))
			run_all(scaling, LENGTH(scaling));
	}
	printf("bench: done\n");
	fflush(stdout);
	sync();
	/* Only as PID 1: run any other way (a test on a development machine),
	 * it must not try to power the machine off. */
	if (getpid() != 1)
		return 0;
	reboot(RB_POWER_OFF);
	fprintf(stderr, "bench: reboot: %s\n", strerror(errno));
	return 1;
}
