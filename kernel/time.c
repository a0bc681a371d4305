/*
 * Time: the monotonic clock (TSC, from the arch), the wall clock (the CMOS
 * real-time clock read once at boot, then advanced by the monotonic one),
 * and the time system calls.
 */
#include "arch.h"
#include "errno.h"
#include "kernel.h"
#include "proc.h"
#include "time.h"
#include "uaccess.h"

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	3
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7
#define TIMER_ABSTIME		1
#define NSEC			1000000000ULL

static uint64_t boot_epoch_ns;

static uint8_t cmos(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static int bcd(int v, bool binary) { return binary ? v : (v & 15) + (v >> 4) * 10; }

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void time_init(void)
{
	while (cmos(0x0A) & 0x80)	/* an update is in progress */
		arch_relax();
	bool binary = cmos(0x0B) & 4;
	int s = bcd(cmos(0x00), binary), mi = bcd(cmos(0x02), binary), h = bcd(cmos(0x04), binary);
	int d = bcd(cmos(0x07), binary), mo = bcd(cmos(0x08), binary), y = bcd(cmos(0x09), binary);
	int64_t days = days_from_civil(2000 + y, mo, d);
	boot_epoch_ns = ((uint64_t)days * 86400 + h * 3600 + mi * 60 + s) * NSEC - arch_clock_ns();
}

uint64_t time_monotonic_ns(void) { return arch_clock_ns(); }
uint64_t time_realtime_ns(void) { return boot_epoch_ns + arch_clock_ns(); }

static long read_timespec(const struct timespec64 *uts, uint64_t *ns);

static struct timespec64 to_ts(uint64_t ns) { return (struct timespec64){ ns / NSEC, ns % NSEC }; }

static long clock_ns(long clk, uint64_t *ns)
{
	switch (clk) {
	case CLOCK_REALTIME: case CLOCK_REALTIME_COARSE:
		*ns = time_realtime_ns();
		return 0;
	case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_MONOTONIC_COARSE: case CLOCK_BOOTTIME:
		*ns = time_monotonic_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID:
		*ns = sched_cpu_time_ns();
		return 0;
	}
	return -EINVAL;
}

long sys_clock_gettime(int clk, struct timespec64 *uts)
{
	uint64_t ns;
	long err = clock_ns(clk, &ns);
	if (err)
		return err;
	struct timespec64 ts = to_ts(ns);
	return copy_to_user(uts, &ts, sizeof(ts));
}

long sys_clock_getres(int clk, struct timespec64 *uts)
{
	uint64_t ns;
	long err = clock_ns(clk, &ns);
	if (err || !uts)
		return err;
	struct timespec64 ts = { 0, 1 };
	return copy_to_user(uts, &ts, sizeof(ts));
}

long sys_gettimeofday(struct timespec64 *utv, void *utz)
{
	uint64_t ns = time_realtime_ns();
	struct timespec64 tv = { ns / NSEC, ns % NSEC / 1000 };
	if (utv && copy_to_user(utv, &tv, sizeof(tv)))
		return -EFAULT;
	if (utz) {
		int tz[2] = { 0, 0 };
		if (copy_to_user(utz, tz, sizeof(tz)))
			return -EFAULT;
	}
	return 0;
}

long sys_time(int64_t *ut)
{
	int64_t t = time_realtime_ns() / NSEC;
	if (ut && copy_to_user(ut, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

/* Sleeps until the monotonic deadline. A signal cuts it short: EINTR after
 * a handler, or, if none runs (a stop, say), restart_syscall finishes it. */
static long sleep_until(uint64_t deadline)
{
	struct proc *p = current;
	while (time_monotonic_ns() < deadline) {
		if (signal_pending(p)) {
			p->restart_deadline_ns = deadline;
			return -ERESTART_RESTARTBLOCK;
		}
		sched_sleep_until(deadline);
	}
	return 0;
}

/* What an interrupted sleep left: written to rem when it ends early. */
static long remaining(long r, struct timespec64 *urem)
{
	if (r == -ERESTART_RESTARTBLOCK && urem) {
		uint64_t now = time_monotonic_ns(), end = current->restart_deadline_ns;
		struct timespec64 rem = to_ts(end > now ? end - now : 0);
		if (copy_to_user(urem, &rem, sizeof(rem)))
			return -EFAULT;
	}
	return r;
}

/* The continuation of a sleep cut short by a stop (the kernel's, never called by programs). */
long sys_restart_syscall(void) { return sleep_until(current->restart_deadline_ns); }

/* A user timeout as an absolute monotonic deadline (UINT64_MAX if uts is NULL). */
long timeout_deadline(const struct timespec64 *uts, uint64_t *deadline)
{
	uint64_t ns;
	*deadline = UINT64_MAX;
	if (!uts)
		return 0;
	long err = read_timespec(uts, &ns);
	if (!err)
		*deadline = time_monotonic_ns() + ns;
	return err;
}

static long read_timespec(const struct timespec64 *uts, uint64_t *ns)
{
	struct timespec64 ts;
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (int64_t)NSEC)
		return -EINVAL;
	*ns = (uint64_t)ts.tv_sec > UINT64_MAX / NSEC / 2 ? UINT64_MAX / 2 : ts.tv_sec * NSEC + ts.tv_nsec;
	return 0;
}

long sys_nanosleep(const struct timespec64 *ureq, struct timespec64 *urem)
{
	uint64_t ns;
	long err = read_timespec(ureq, &ns);
	if (err)
		return err;
	return remaining(sleep_until(time_monotonic_ns() + ns), urem);
}

long sys_clock_nanosleep(int clk, int flags, const struct timespec64 *ureq, struct timespec64 *urem)
{
	uint64_t ns, now;
	long err = clock_ns(clk, &now);
	if (err || clk == CLOCK_THREAD_CPUTIME_ID)
		return err ? err : -EINVAL;
	if ((err = read_timespec(ureq, &ns)))
		return err;
	if (flags & TIMER_ABSTIME)
		return ns > now ? sleep_until(time_monotonic_ns() + (ns - now)) : 0;
	return remaining(sleep_until(time_monotonic_ns() + ns), urem);
}
