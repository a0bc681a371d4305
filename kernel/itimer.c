/*
 * ITIMER_REAL (alarm, setitimer): a wall-clock timer per process that sends
 * it SIGALRM when it runs out, and again every interval if there is one.
 * Armed processes are on one list, checked by the timer interrupt on CPU 0.
 */
#include "arch.h"
#include "errno.h"
#include "kernel.h"
#include "proc.h"
#include "signal.h"
#include "time.h"
#include "uaccess.h"

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2
#define NSEC		1000000000ULL

struct timeval64 { int64_t tv_sec, tv_usec; };
struct itimerval { struct timeval64 interval, value; };

static struct spinlock itimer_lock = SPINLOCK_INIT("itimer");
static struct list_head armed = LIST_HEAD_INIT(armed);	/* guarded by itimer_lock */

static uint64_t tv_ns(struct timeval64 tv) { return tv.tv_sec * NSEC + tv.tv_usec * 1000; }
static struct timeval64 ns_tv(uint64_t ns) { return (struct timeval64){ ns / NSEC, ns % NSEC / 1000 }; }

/* Sets p's timer; returns what was left of the old one. */
static uint64_t arm(struct proc *p, uint64_t value_ns, uint64_t interval_ns, uint64_t *old_interval)
{
	uint64_t now = time_monotonic_ns();
	spin_lock(&itimer_lock);
	uint64_t left = p->alarm_at_ns ? (p->alarm_at_ns > now ? p->alarm_at_ns - now : 1) : 0;
	if (old_interval)
		*old_interval = p->alarm_interval_ns;
	if (p->alarm_at_ns)
		list_del(&p->alarm_link);
	p->alarm_at_ns = value_ns ? now + value_ns : 0;
	p->alarm_interval_ns = value_ns ? interval_ns : 0;
	if (p->alarm_at_ns)
		list_add_tail(&p->alarm_link, &armed);
	spin_unlock(&itimer_lock);
	return left;
}

void itimer_cancel(struct proc *p) { arm(p, 0, 0, NULL); }

/* From the timer interrupt (CPU 0): SIGALRM to every process whose time has come. */
void itimer_tick(void)
{
	uint64_t now = time_monotonic_ns();
	struct siginfo info = { .si_signo = SIGALRM, .si_code = SI_KERNEL };
	for (;;) {
		struct proc *due = NULL, *p;
		spin_lock(&itimer_lock);
		list_for_each_entry(p, &armed, alarm_link)
			if (p->alarm_at_ns <= now) {
				due = p;
				break;
			}
		if (due) {
			list_del(&due->alarm_link);
			due->alarm_at_ns = 0;
			if (due->alarm_interval_ns) {
				due->alarm_at_ns = now + due->alarm_interval_ns;
				list_add_tail(&due->alarm_link, &armed);
			}
		}
		spin_unlock(&itimer_lock);
		if (!due)
			return;
		send_signal(due, SIGALRM, &info);
	}
}

long sys_alarm(unsigned long seconds)
{
	uint64_t left = arm(current, seconds * NSEC, 0, NULL);
	return (left + NSEC / 2) / NSEC + (left && left < NSEC / 2);	/* rounded, never 0 if armed */
}

long sys_setitimer(int which, const struct itimerval *unew, struct itimerval *uold)
{
	if (which != ITIMER_REAL)
		return which == ITIMER_VIRTUAL || which == ITIMER_PROF ? -ENOSYS : -EINVAL;	/* FIXME */
	struct itimerval n = { { 0, 0 }, { 0, 0 } };
	if (unew && copy_from_user(&n, unew, sizeof(n)))
		return -EFAULT;
	if (n.value.tv_usec < 0 || n.value.tv_usec >= 1000000 || n.interval.tv_usec < 0 ||
	    n.interval.tv_usec >= 1000000 || n.value.tv_sec < 0 || n.interval.tv_sec < 0)
		return -EINVAL;
	uint64_t old_interval;
	uint64_t left = arm(current, tv_ns(n.value), tv_ns(n.interval), &old_interval);
	struct itimerval old = { ns_tv(old_interval), ns_tv(left) };
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_getitimer(int which, struct itimerval *u)
{
	if (which != ITIMER_REAL)
		return which == ITIMER_VIRTUAL || which == ITIMER_PROF ? -ENOSYS : -EINVAL;
	struct proc *p = current;
	uint64_t now = time_monotonic_ns();
	spin_lock(&itimer_lock);
	uint64_t left = p->alarm_at_ns ? (p->alarm_at_ns > now ? p->alarm_at_ns - now : 1) : 0;
	struct itimerval v = { ns_tv(p->alarm_interval_ns), ns_tv(left) };
	spin_unlock(&itimer_lock);
	return copy_to_user(u, &v, sizeof(v));
}
