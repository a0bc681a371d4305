/*
 * The scheduler: one run queue shared by every CPU, round robin, with a
 * time quantum of one timer tick (1/TIMER_HZ = 10 ms). The timer interrupt
 * marks the running process; on its way back to user mode it yields
 * (preemption). The kernel itself is not preempted: a process in the kernel
 * runs until it sleeps, yields or returns to user mode.
 *
 * A switch goes straight from one process to the next (no scheduler thread
 * in between). sched_lock is held across switch_stacks(): taken by the
 * process leaving, released by the one arriving (sched_finish_switch), so no
 * other CPU can pick up a process whose registers are still being saved.
 */
#include "arch.h"
#include "context.h"
#include "kernel.h"
#include "list.h"
#include "proc.h"
#include "spinlock.h"
#include "string.h"
#include "trace.h"

struct spinlock sched_lock = SPINLOCK_INIT("sched");
static struct list_head runqueue = LIST_HEAD_INIT(runqueue);	/* [s] */
static struct list_head timed_sleepers = LIST_HEAD_INIT(timed_sleepers);	/* [s] by wake time */
static struct proc *idle_procs[MAX_CPUS];
static struct proc *prev_proc[MAX_CPUS];	/* what this CPU switched away from */

static void enqueue_locked(struct proc *p);
static void finish_switch(void);
static void add_timer_locked(struct proc *p, uint64_t ns);

/* Takes p off the timed sleepers, if it is there. [s] held. */
static void drop_timer_locked(struct proc *p)
{
	if (p->wake_at_ns) {
		list_del(&p->timer_link);
		p->wake_at_ns = 0;
	}
}

void waitq_init(struct waitq *wq) { list_init(&wq->waiters); }

static struct proc idle_storage[MAX_CPUS];

/* This CPU's idle process (PID 0) becomes current: the code running now. */
void sched_init_this_cpu(void)
{
	sched_init_cpu(&idle_storage[arch_cpu_id()]);
}

void sched_init_cpu(struct proc *idle)
{
	list_init(&idle->run_link);
	list_init(&idle->timer_link);
	strlcpy(idle->comm, "idle", COMM_LEN);
	idle_procs[arch_cpu_id()] = idle;
	idle->state = P_RUNNING;
	idle->on_cpu = true;
	idle->cpu = arch_cpu_id();
	arch_set_current(idle);
}

static bool is_idle(struct proc *p) { return p->pid == 0; }

/* Wakes p from an interruptible sleep: a signal is waiting for it. */
void sched_wake_proc(struct proc *p)
{
	spin_lock(&sched_lock);
	if (p->state == P_SLEEPING && !p->sleep_uninterruptible) {
		list_del(&p->run_link);
		drop_timer_locked(p);
		enqueue_locked(p);
	}
	spin_unlock(&sched_lock);
}

/* Puts p on the run queue and wakes an idle CPU to take it. [s] held. */
static void enqueue_locked(struct proc *p)
{
	p->state = P_RUNNABLE;
	list_add_tail(&p->run_link, &runqueue);
	arch_kick_idle_cpu();
}

void sched_make_runnable(struct proc *p)
{
	spin_lock(&sched_lock);
	enqueue_locked(p);
	spin_unlock(&sched_lock);
}

/* Runs the next process, or idle. [s] held; returns when we are picked again. */
static void schedule_locked(enum switch_why why)
{
	struct proc *prev = current, *next;
	KASSERT(spin_held(&sched_lock));
	if (!list_empty(&runqueue)) {
		next = list_first_entry(&runqueue, struct proc, run_link);
		list_del(&next->run_link);
	} else if (prev->state == P_RUNNING) {
		return;			/* nothing else to run: carry on */
	} else {
		next = idle_procs[arch_cpu_id()];
	}
	if (next == prev) {
		prev->state = P_RUNNING;
		return;
	}
	next->state = P_RUNNING;
	next->cpu = arch_cpu_id();
	while (READ_ONCE(next->on_cpu))	/* still leaving another CPU */
		arch_relax();
	next->on_cpu = true;
	if (trace_on(TK_SWITCH))
		trace_switch(prev, next, why);
	uint64_t now = arch_clock_ns();	/* CPU time, to the nanosecond */
	prev->cpu_ns += now - prev->on_cpu_since_ns;
	next->on_cpu_since_ns = now;
	prev_proc[arch_cpu_id()] = prev;
	struct cpu *c = this_cpu();
	bool were_on = c->irq_were_on;	/* per CPU, but belongs to this process's lock */
	arch_switch_to(prev, next);
	c = this_cpu();			/* we may be on another CPU now */
	c->irq_were_on = were_on;
	finish_switch();
}

/* The current process's CPU time (CLOCK_PROCESS_CPUTIME_ID), in ns. */
uint64_t sched_cpu_time_ns(void)
{
	struct proc *p = current;
	bool on = arch_irqs_enabled();
	arch_irq_disable();	/* no switch between the two reads */
	uint64_t ns = p->cpu_ns + (arch_clock_ns() - p->on_cpu_since_ns);
	if (on)
		arch_irq_enable();
	return ns;
}

/* The arriving process's half of a switch: the leaving one is off its stack. */
static void finish_switch(void)
{
	struct proc *prev = prev_proc[arch_cpu_id()];
	if (prev) {
		__atomic_store_n(&prev->on_cpu, false, __ATOMIC_RELEASE);
		prev_proc[arch_cpu_id()] = NULL;
	}
}

/* A new process's first code (fork_entry): finish the switch, drop the
 * lock, and keep interrupts off until iretq restores the user's flags. */
void sched_finish_switch(void)
{
	finish_switch();
	this_cpu()->irq_were_on = false;
	spin_unlock(&sched_lock);
}

void sched_yield(void)
{
	spin_lock(&sched_lock);
	enum switch_why why = current->need_resched ? SW_PREEMPT : SW_YIELD;
	current->need_resched = false;
	if (!is_idle(current)) {
		current->state = P_RUNNABLE;
		list_add_tail(&current->run_link, &runqueue);
	}
	schedule_locked(why);
	spin_unlock(&sched_lock);
}

/*
 * Sleeps on wq; lk (may be NULL) guards the condition and is dropped
 * meanwhile. The sleep is interruptible: a signal that arrives (or already
 * waits) ends it, and the caller's loop sees signal_pending().
 */
static void sleep_on(struct waitq *wq, struct spinlock *lk, bool interruptible)
{
	struct proc *p = current;
	spin_lock(&sched_lock);
	if (lk)
		spin_unlock(lk);
	if (!interruptible || !signal_pending(p)) {
		p->state = P_SLEEPING;
		p->sleep_uninterruptible = !interruptible;
		list_add_tail(&p->run_link, &wq->waiters);
		schedule_locked(SW_BLOCK);
		p->sleep_uninterruptible = false;
	}
	spin_unlock(&sched_lock);
	if (lk)
		spin_lock(lk);
}

void sched_sleep(struct waitq *wq, struct spinlock *lk) { sleep_on(wq, lk, true); }
void sched_sleep_uninterruptible(struct waitq *wq, struct spinlock *lk) { sleep_on(wq, lk, false); }

/* Stops current (its state is already P_STOPPED), [s] held, until SIGCONT. */
void sched_stop_locked(void)
{
	schedule_locked(SW_STOP);
}

/* Sleeps on wq until woken or the deadline (UINT64_MAX: none) - unless *seq
 * has moved past seen, which means the wake-up already happened. */
void sched_sleep_if(struct waitq *wq, volatile uint64_t *seq, uint64_t seen, uint64_t deadline)
{
	spin_lock(&sched_lock);
	struct proc *p = current;
	if (READ_ONCE(*seq) != seen || signal_pending(p)) {
		spin_unlock(&sched_lock);
		return;
	}
	list_add_tail(&p->run_link, &wq->waiters);
	if (deadline != UINT64_MAX)
		add_timer_locked(p, deadline);
	p->state = P_SLEEPING;
	schedule_locked(SW_BLOCK);
	drop_timer_locked(p);
	spin_unlock(&sched_lock);
}

void sched_wake_all(struct waitq *wq)
{
	spin_lock(&sched_lock);
	while (!list_empty(&wq->waiters)) {
		struct proc *p = list_first_entry(&wq->waiters, struct proc, run_link);
		list_del(&p->run_link);
		drop_timer_locked(p);
		enqueue_locked(p);
	}
	spin_unlock(&sched_lock);
}

/* Adds p to the timed sleepers, in wake-time order. [s] held. */
static void add_timer_locked(struct proc *p, uint64_t ns)
{
	struct proc *q;
	p->wake_at_ns = ns;
	list_for_each_entry(q, &timed_sleepers, timer_link)
		if (q->wake_at_ns > ns)
			break;
	list_insert(&p->timer_link, q->timer_link.prev, &q->timer_link);
}

/* Sleeps until the monotonic clock reaches ns. */
void sched_sleep_until(uint64_t ns)
{
	spin_lock(&sched_lock);
	struct proc *p = current;
	if (signal_pending(p)) {
		spin_unlock(&sched_lock);
		return;
	}
	add_timer_locked(p, ns);
	p->state = P_SLEEPING;
	list_init(&p->run_link);
	schedule_locked(SW_BLOCK);
	drop_timer_locked(p);		/* woken early */
	spin_unlock(&sched_lock);
}

static void wake_timed_locked(uint64_t now)
{
	while (!list_empty(&timed_sleepers)) {
		struct proc *p = list_first_entry(&timed_sleepers, struct proc, timer_link);
		if (p->wake_at_ns > now)
			break;
		list_del(&p->timer_link);
		p->wake_at_ns = 0;
		if (p->state == P_SLEEPING) {
			list_del(&p->run_link);	/* also off any wait queue */
			enqueue_locked(p);
		}
	}
}

/* The timer interrupt: account the tick, wake sleepers, end the quantum. */
/* Timer ticks spent idle, all CPUs together (/proc/uptime's second figure). */
volatile uint64_t sched_idle_ticks;

void sched_tick(bool user)
{
	struct proc *p = current;
	if (is_idle(p)) {
		__atomic_add_fetch(&sched_idle_ticks, 1, __ATOMIC_RELAXED);
	} else {
		p->need_resched = true;
		if (user)
			p->utime_ticks++;
		else
			p->stime_ticks++;
	}
	if (arch_cpu_id() == 0) {
		if (!list_empty(&timed_sleepers)) {
			spin_lock(&sched_lock);
			wake_timed_locked(arch_clock_ns());
			spin_unlock(&sched_lock);
		}
		itimer_tick();
	}
}

/* The dying process's last switch, [s] held: it never comes back. */
void sched_exit_locked(void)
{
	schedule_locked(SW_EXIT);
	panic("a zombie ran again");
}

/* Each CPU ends up here when it has nothing to do. */
void sched_idle_loop(void)
{
	for (;;) {
		arch_irq_disable();
		spin_lock(&sched_lock);
		if (!list_empty(&runqueue))
			schedule_locked(SW_IDLE);
		spin_unlock(&sched_lock);
		arch_idle_wait();	/* sti; hlt: an interrupt or a kick ends it */
	}
}
