/*
 * scale: does the cost of everyday operations grow with the number of
 * processes in the system?
 *
 *   scale COUNT MODE [ITER]    MODE is sleeping or runnable; ITER default 500
 *
 * First it forks COUNT other processes that do nothing else: in `sleeping`
 * mode each blocks in pause() forever; in `runnable` mode each calls
 * sched_yield() in a loop forever, always ready to run. Then it measures, ITER times
 * each (after a warm-up), some operations a kernel with a linear scan over
 * all processes somewhere would slow down on:
 *
 *   null_syscall     syscall(SYS_getppid)
 *   fork_exit_wait   fork, the child _exits, waitpid
 *   sig_catch        kill(self, SIGUSR1) caught by a handler
 *   page_fault       first write to a fresh page (per page)
 *   mmap_munmap      mmap and munmap of one untouched page
 *   kill0            kill(pid, 0) on one of the other processes: finding a
 *                    process by its pid
 *
 * and prints scale_<MODE>_<COUNT>_<operation> <ns per operation> ns.
 *
 * In sleeping mode the time is wall-clock time (now_ns). In runnable mode
 * it is this process's own CPU time (cpu_ns): with COUNT others spinning,
 * it gets only a slice of the CPU, and the wall clock would mostly measure
 * the others' slices. CPU time counts what the kernel spends on behalf of
 * this process (including scheduler work on its system calls), but not
 * what its fork children spend: fork_exit_wait is not comparable between
 * the two modes.
 *
 * At the end (or on any error) the other processes are killed with SIGKILL
 * and reaped, so no spinner is left behind.
 */
#include "bench.h"
#include <signal.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <sched.h>
#include <unistd.h>

static pid_t *others;
static unsigned long n_others;
static pid_t kill0_target;
static char *fault_pages;	/* pages for page_fault, used up in order */
static long page_size;
static volatile sig_atomic_t caught;
static unsigned long long (*clock_fn)(void);

static void kill_others(void)
{
	for (unsigned long i = 0; i < n_others; i++)
		kill(others[i], SIGKILL);
	for (unsigned long i = 0; i < n_others; i++)
		waitpid(others[i], NULL, 0);
	n_others = 0;
}

/* An other process: sleep forever, or wait at the gate until all are
 * there and then stay runnable forever, yielding. NOTE: yielding, not
 * spinning: with 1000 spinners every operation that must wait for another
 * process (the fork child, the woken parent) waits 1000 time slices, 10 s
 * of a 100 Hz round robin - hours under instruction counting. A yielding
 * process is as runnable, and the run queue as long, without that. */
static void other(int gate[2], bool runnable)
{
	if (!runnable) {
		for (;;)
			pause();
	}
	char byte;
	close(gate[1]);
	while (read(gate[0], &byte, 1) < 0 && errno == EINTR)
		;
	for (;;)
		sched_yield();	/* always runnable, but never holding the CPU for a whole slice */
}

/* Runnable others all start spinning at once, when the parent closes the
 * gate (a pipe): if each spun from the start, the parent would fork the
 * k-th one with only a k-th of the CPU, and starting 1000 would take
 * minutes. Sleeping ones go to sleep at once, so that none is still on its
 * way there when the measurements start. */
static void spawn_others(unsigned long count, bool runnable)
{
	others = calloc(count + 1, sizeof *others);
	if (!others)
		die("calloc");
	atexit(kill_others);
	int gate[2];
	if (pipe(gate) < 0)
		die("pipe");
	for (unsigned long i = 0; i < count; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0)
			other(gate, runnable);
		others[n_others++] = pid;
	}
	close(gate[0]);
	close(gate[1]);
}

static void on_usr1(int sig)
{
	(void)sig;
	caught++;
}

static void op_null_syscall(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		syscall(SYS_getppid);
}

static void op_fork_exit_wait(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0)
			_exit(0);
		int status;
		if (waitpid(pid, &status, 0) != pid)
			die("waitpid");
		if (status != 0)
			fail("the child did not exit with status 0");
	}
}

static void op_sig_catch(unsigned long n)
{
	pid_t self = getpid();
	sig_atomic_t before = caught;
	for (unsigned long i = 0; i < n; i++) {
		if (kill(self, SIGUSR1) < 0)
			die("kill");
	}
	if ((unsigned long)(caught - before) != n)
		fail("not every signal was caught exactly once");
}

static void op_page_fault(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		*fault_pages = 1;
		fault_pages += page_size;
	}
}

static void op_mmap_munmap(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			die("mmap");
		if (munmap(p, 4096) < 0)
			die("munmap");
	}
}

static void op_kill0(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		if (kill(kill0_target, 0) < 0)
			die("kill 0");
	}
}

static const struct {
	const char *name;
	void (*run)(unsigned long n);
} ops[] = {
	{ "null_syscall", op_null_syscall },
	{ "fork_exit_wait", op_fork_exit_wait },
	{ "sig_catch", op_sig_catch },
	{ "page_fault", op_page_fault },
	{ "mmap_munmap", op_mmap_munmap },
	{ "kill0", op_kill0 },
};

/* The set-up the operations need, done before any is measured. */
static void prepare(unsigned long iter)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL) < 0)
		die("sigaction");
	page_size = sysconf(_SC_PAGESIZE);
	size_t len = (iter + WARMUP) * page_size;
	fault_pages = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (fault_pages == MAP_FAILED)
		die("mmap");
	if (madvise(fault_pages, len, MADV_NOHUGEPAGE) < 0 && errno != EINVAL)
		die("madvise");
	/* The middle one: wherever a kernel keeps new processes in a list,
	 * at the head or at the tail, a linear search passes half of them.
	 * With no others, our parent is a process other than ourselves. */
	kill0_target = n_others ? others[n_others / 2] : getppid();
}

/* What a measurement costs with nothing in it (the two clock reads, system
 * calls on a kernel without a vDSO), the least of a few: subtracted, so that
 * the runs with few iterations (1000 runnable others) are not inflated by it. */
static unsigned long long clock_overhead(void)
{
	unsigned long long best = ~0ULL;
	for (int i = 0; i < 5; i++) {
		unsigned long long a = clock_fn(), b = clock_fn();
		if (b - a < best)
			best = b - a;
	}
	return best;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4)
		fail("usage: scale COUNT sleeping|runnable [ITER]");
	unsigned long count = number(argv[1]);
	const char *mode = argv[2];
	unsigned long iter = argc > 3 ? number(argv[3]) : 500;
	bool runnable = !strcmp(mode, "runnable");
	if (!runnable && strcmp(mode, "sleeping"))
		fail("MODE must be sleeping or runnable");
	if (iter == 0)
		fail("ITER must be at least 1");
	clock_fn = runnable ? cpu_ns : now_ns;

	spawn_others(count, runnable);
	prepare(iter);
	unsigned long long overhead = clock_overhead();
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		ops[i].run(WARMUP);
		unsigned long long start = clock_fn();
		ops[i].run(iter);
		unsigned long long total = clock_fn() - start;
		total = total > overhead ? total - overhead : 0;
		char name[100];
		snprintf(name, sizeof name, "scale_%s_%lu_%s", mode, count, ops[i].name);
		report(name, total / iter, "ns");
	}
	kill_others();
	return 0;
}
