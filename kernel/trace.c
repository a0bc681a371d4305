/*
 * The event trace: what the lecture's pictures show, recorded as it happens
 * (docs/TRACE.md has the format and the commands).
 *
 * Each CPU records into a ring of its own, under a lock of its own that
 * only the reader of /proc/trace ever contends for. A full ring keeps its
 * old events and counts the new ones as lost: the next read says how many.
 * Recording is filtered twice: by kind (trace_mask, which the hooks test
 * before calling in, so that tracing off costs one test), and by process:
 * every process, or one and its descendants (proc->traced, inherited by fork).
 */
#include "arch.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "signal.h"
#include "string.h"
#include "syscall.h"
#include "trace.h"
#include "trapframe.h"
#include "uaccess.h"

enum event_type {
	EV_SYS_ENTER, EV_SYS_EXIT, EV_EXCEPTION, EV_IRQ, EV_SWITCH, EV_SIG_GEN, EV_SIG_DELIVER,
	EV_SIG_RETURN, EV_FORK, EV_EXEC, EV_EXIT, EV_REAP, EV_REPARENT, EV_STOP, EV_CONT,
};

/* One event: 160 bytes. v[] holds the values format_event prints. */
struct event {
	uint64_t ts;
	int32_t pid;
	uint16_t type;
	uint16_t len;			/* bytes in data */
	uint64_t v[8];
	const char *name;		/* a constant string: syscall or exception name */
	uint32_t full_len;		/* the whole string's length (data may be cut) */
	char data[68];
};
_Static_assert(sizeof(struct event) == 160, "trace event size");

#define RING_EVENTS	4096		/* per CPU: 640 KiB */

struct ring {
	struct spinlock lock;
	struct event *ev;		/* RING_EVENTS, allocated when first switched on */
	uint64_t head, tail;		/* [lock] written at head, read at tail */
	uint64_t lost;			/* [lock] not stored since the last read */
};

uint32_t trace_mask;
static uint32_t kinds_chosen = TK_SYSCALL | TK_SIGNAL | TK_PROC;	/* [ctl] */
static bool all_procs = true;					/* [ctl] */
static struct ring rings[MAX_CPUS];
static struct spinlock ctl_lock = SPINLOCK_INIT("trace");	/* commands and reads */

/* ---- recording ---- */

/* A reader of the trace is left out of it, or reading would make more to read. */
static bool wanted(const struct proc *p)
{
	return p && (all_procs || p->traced) && !p->trace_reader;
}

/* Stores e as an event of process pid, now, on this CPU's ring. */
static void commit(struct event *e, int pid)
{
	struct ring *r = &rings[arch_cpu_id()];
	spin_lock(&r->lock);
	if (!r->ev) {
		spin_unlock(&r->lock);
		return;
	}
	e->ts = arch_clock_ns();
	e->pid = pid;
	if (r->head - r->tail == RING_EVENTS)
		r->lost++;
	else
		r->ev[r->head++ % RING_EVENTS] = *e;
	spin_unlock(&r->lock);
}

static void record(int type, uint64_t v0, uint64_t v1, uint64_t v2, uint64_t v3)
{
	struct event e = { .type = type, .v = { v0, v1, v2, v3 } };
	commit(&e, current->pid);
}

/* Keeps up to sizeof(e->data) bytes of a user buffer (write's, read's). */
static void keep_user_bytes(struct event *e, uint64_t ubuf, uint64_t n)
{
	e->full_len = n;
	e->len = MIN(n, sizeof(e->data));
	if (copy_from_user(e->data, (const void *)ubuf, e->len))
		e->len = e->full_len = 0;
}

static void keep_user_string(struct event *e, uint64_t ustr)
{
	char s[256];
	long n = strncpy_from_user(s, (const char *)ustr, sizeof(s));
	if (n == -ENAMETOOLONG)
		n = sizeof(s);
	if (n < 0)
		return;
	e->full_len = n;
	e->len = MIN((size_t)n, sizeof(e->data));
	memcpy(e->data, s, e->len);
}

/* Which argument of a call is a path, for the calls that take one. */
static int path_arg(uint64_t nr)
{
	switch (nr) {
	case 2: case 4: case 6: case 21: case 59: case 76: case 80: case 82: case 83:
	case 84: case 85: case 86: case 87: case 88: case 89: case 90: case 92: case 94:
	case 132: case 133: case 137: case 161: case 235: case 266:
		return 0;	/* open stat lstat access execve truncate chdir rename mkdir
				 * rmdir creat link unlink symlink readlink chmod chown lchown
				 * utime mknod statfs chroot utimes symlinkat */
	case 257: case 258: case 259: case 260: case 261: case 262: case 263: case 264:
	case 265: case 267: case 268: case 269: case 280: case 316: case 322: case 332:
	case 439:
		return 1;	/* the *at calls: openat mkdirat mknodat fchownat futimesat
				 * newfstatat unlinkat renameat linkat readlinkat fchmodat
				 * faccessat utimensat renameat2 execveat statx faccessat2 */
	}
	return -1;
}

void trace_sys_enter(const struct trap_frame *tf)
{
	if (!wanted(current))
		return;
	uint64_t nr = tf->rax;
	struct event e = { .type = EV_SYS_ENTER, .name = nr < NR_SYSCALLS ? syscall_names[nr] : NULL,
			   .v = { nr, tf->rdi, tf->rsi, tf->rdx, tf->r10, tf->r8, tf->r9 } };
	int a = path_arg(nr);
	if (a >= 0)
		keep_user_string(&e, e.v[1 + a]);
	else if (nr == 1)	/* write: the bytes */
		keep_user_bytes(&e, tf->rsi, tf->rdx);
	commit(&e, current->pid);
}

void trace_sys_exit(uint64_t nr, const struct trap_frame *tf)
{
	if (!wanted(current))
		return;
	struct event e = { .type = EV_SYS_EXIT, .name = nr < NR_SYSCALLS ? syscall_names[nr] : NULL,
			   .v = { nr, tf->rax } };
	if (nr == 0 && (long)tf->rax > 0)	/* read: the bytes read */
		keep_user_bytes(&e, tf->rsi, tf->rax);
	commit(&e, current->pid);
}

void trace_exception(const struct trap_frame *tf, uint64_t start, uint64_t rip, uint64_t cr2,
		     const char *name, int class, int outcome, int sig)
{
	if (!wanted(current))
		return;
	struct event e = { .type = EV_EXCEPTION, .name = name,
			   .v = { tf->vector, class | tf_from_user(tf) << 8, rip, tf->rip, tf->error, cr2,
				  start, outcome | sig << 8 } };
	commit(&e, current->pid);
}

void trace_irq(int vector, const char *source, uint64_t start)
{
	if (!wanted(current))
		return;
	struct event e = { .type = EV_IRQ, .name = source, .v = { vector, start } };
	commit(&e, current->pid);
}

void trace_switch(struct proc *from, struct proc *to, enum switch_why why)
{
	if (wanted(from) || wanted(to))
		record(EV_SWITCH, from->pid, to->pid, why, 0);
}

void trace_sig_gen(struct proc *to, int sig, int code)
{
	if (wanted(to) || wanted(current))
		record(EV_SIG_GEN, sig, to->pid, code, 0);
}

void trace_sig_deliver(struct proc *p, int sig, enum sig_action action, const struct siginfo *info,
		       uint64_t handler)
{
	if (!wanted(p))
		return;
	struct event e = { .type = EV_SIG_DELIVER,
			   .v = { sig, action, info->si_code, info->chld.pid, 0, handler } };
	if (sig == SIGCHLD)
		e.v[4] = info->chld.status;
	if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP)
		e.v[6] = info->fault.addr, e.v[7] = 1;
	commit(&e, p->pid);
}

void trace_sig_return(int sig)
{
	if (wanted(current))
		record(EV_SIG_RETURN, sig, 0, 0, 0);
}

void trace_fork(struct proc *child, uint64_t flags)
{
	if (wanted(current) || wanted(child))
		record(EV_FORK, child->pid, flags, 0, 0);
}

void trace_exec(const char *path)
{
	if (!wanted(current))
		return;
	struct event e = { .type = EV_EXEC };
	e.full_len = strlen(path);
	e.len = MIN(e.full_len, sizeof(e.data));
	memcpy(e.data, path, e.len);
	commit(&e, current->pid);
}

void trace_exit(int status) { if (wanted(current)) record(EV_EXIT, status, 0, 0, 0); }

void trace_reap(struct proc *child, int status)
{
	if (wanted(child) || wanted(current))
		record(EV_REAP, child->pid, status, 0, 0);
}

void trace_reparent(struct proc *child, struct proc *parent)
{
	if (wanted(child))
		record(EV_REPARENT, child->pid, parent->pid, 0, 0);
}

void trace_stop(int sig) { if (wanted(current)) record(EV_STOP, sig, 0, 0, 0); }

void trace_cont(struct proc *p)
{
	if (wanted(p)) {
		struct event e = { .type = EV_CONT };
		commit(&e, p->pid);	/* the sender's CPU records it, for p */
	}
}

/* ---- reading: /proc/trace ---- */

static const char *const class_names[] = { "fault", "trap", "abort", "interrupt", "reserved" };
static const char *const outcome_names[] = { "same", "next", "signal", "fixup", "oops" };
static const char *const why_names[] = { "preempt", "block", "yield", "exit", "stop", "idle" };
static const char *const action_names[] = { "handler", "term", "core", "stop", "cont", "ignore" };

/* Appends ` key="…" strlen=N` with C escapes. */
static size_t format_string(char *b, size_t n, const char *key, const struct event *e)
{
	size_t k = snprintf(b, n, " %s=\"", key);
	for (int i = 0; i < e->len && k + 5 < n; i++) {
		unsigned char c = e->data[i];
		const char *esc = c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '"' ? "\\\"" :
				  c == '\\' ? "\\\\" : NULL;
		if (esc)
			k += snprintf(b + k, n - k, "%s", esc);
		else if (c < 32 || c >= 127)
			k += snprintf(b + k, n - k, "\\x%02x", c);
		else
			b[k++] = c;
	}
	return k + snprintf(b + k, n - k, "\" strlen=%u", e->full_len);
}

/* A name as one word: "Page Fault" -> page_fault. */
static size_t format_word(char *b, size_t n, const char *s)
{
	size_t k = 0;
	for (; s && *s && k + 1 < n; s++)
		b[k++] = *s == ' ' || *s == '-' ? '_' : (*s >= 'A' && *s <= 'Z') ? *s + 32 : *s;
	b[k] = 0;
	return k;
}

/* The keys of one event, after "TS CPU PID KIND". */
static size_t format_keys(char *b, size_t n, const struct event *e)
{
	const uint64_t *v = e->v;
	char w[40];
	switch (e->type) {
	case EV_SYS_ENTER: {
		size_t k = snprintf(b, n, "sys_enter nr=%lu name=%s args=0x%lx,0x%lx,0x%lx,0x%lx,0x%lx,0x%lx",
				    v[0], e->name ? e->name : "unknown", v[1], v[2], v[3], v[4], v[5], v[6]);
		return e->full_len ? k + format_string(b + k, n - k, "str", e) : k;
	}
	case EV_SYS_EXIT: {
		size_t k = snprintf(b, n, "sys_exit nr=%lu name=%s ret=%ld", v[0],
				    e->name ? e->name : "unknown", (long)v[1]);
		return e->full_len ? k + format_string(b + k, n - k, "str", e) : k;
	}
	case EV_EXCEPTION: {
		format_word(w, sizeof(w), e->name);
		int outcome = v[7] & 0xff, sig = v[7] >> 8;
		size_t k = snprintf(b, n, "exception vec=%lu name=%s class=%s user=%lu rip=0x%lx resume=0x%lx "
				    "err=0x%lx cr2=0x%lx outcome=%s start=%lu", v[0], w, class_names[v[1] & 0xff],
				    v[1] >> 8, v[2], v[3], v[4], v[5], outcome_names[outcome], v[6]);
		return sig ? k + snprintf(b + k, n - k, " sig=%d", sig) : k;
	}
	case EV_IRQ:
		return snprintf(b, n, "irq vec=%lu src=%s start=%lu", v[0], e->name, v[1]);
	case EV_SWITCH:
		return snprintf(b, n, "switch from=%lu to=%lu why=%s", v[0], v[1], why_names[v[2]]);
	case EV_SIG_GEN:
		return snprintf(b, n, "sig_gen sig=%lu to=%lu code=%d", v[0], v[1], (int)v[2]);
	case EV_SIG_DELIVER: {
		size_t k = snprintf(b, n, "sig_deliver sig=%lu action=%s code=%d spid=%d status=%d", v[0],
				    action_names[v[1]], (int)v[2], (int)v[3], (int)v[4]);
		if (v[7])
			k += snprintf(b + k, n - k, " addr=0x%lx", v[6]);
		return v[1] == DELIVER_HANDLER ? k + snprintf(b + k, n - k, " handler=0x%lx", v[5]) : k;
	}
	case EV_SIG_RETURN: return snprintf(b, n, "sig_return sig=%lu", v[0]);
	case EV_FORK:
		return snprintf(b, n, "fork child=%lu flags=%s", v[0],
				v[1] == 0 ? "fork" : v[1] == 1 ? "vfork" : "clone");
	case EV_EXEC: return snprintf(b, n, "exec") + format_string(b + 4, n - 4, "path", e);
	case EV_EXIT: return snprintf(b, n, "exit status=0x%lx", v[0]);
	case EV_REAP: return snprintf(b, n, "reap child=%lu status=0x%lx", v[0], v[1]);
	case EV_REPARENT: return snprintf(b, n, "reparent child=%lu parent=%lu", v[0], v[1]);
	case EV_STOP: return snprintf(b, n, "stop sig=%lu", v[0]);
	case EV_CONT: return snprintf(b, n, "cont");
	}
	return snprintf(b, n, "unknown type=%u", e->type);
}

/* The ring whose oldest event is the oldest of all, or -1: reads merge the
 * CPUs' rings in time order. Fills *e with that event. */
static int oldest(struct event *e)
{
	int best = -1;
	for (int c = 0; c < ncpus; c++) {
		struct ring *r = &rings[c];
		spin_lock(&r->lock);
		if (r->head != r->tail && (best < 0 || r->ev[r->tail % RING_EVENTS].ts < e->ts)) {
			*e = r->ev[r->tail % RING_EVENTS];
			best = c;
		}
		spin_unlock(&r->lock);
	}
	return best;
}

/* Lost-event lines, then whole event lines, into b (at most n bytes). [ctl] */
static size_t fill(char *b, size_t n)
{
	size_t k = 0;
	char line[512];
	for (int c = 0; c < ncpus; c++) {
		struct ring *r = &rings[c];
		spin_lock(&r->lock);
		size_t len = r->lost ? (size_t)snprintf(line, sizeof(line), "%lu %d 0 lost cpu=%d count=%lu\n",
							arch_clock_ns(), c, c, r->lost) : 0;
		if (len && k + len <= n) {
			memcpy(b + k, line, len);
			k += len;
			r->lost = 0;
		}
		spin_unlock(&r->lock);
	}
	struct event e;
	int c;
	while ((c = oldest(&e)) >= 0) {
		size_t len = snprintf(line, sizeof(line), "%lu %d %d ", e.ts, c, e.pid);
		len += format_keys(line + len, sizeof(line) - len - 1, &e);
		line[len++] = '\n';
		if (k + len > n)
			break;
		memcpy(b + k, line, len);
		k += len;
		spin_lock(&rings[c].lock);
		rings[c].tail++;
		spin_unlock(&rings[c].lock);
	}
	return k;
}

static long trace_read(struct file *f, char *ubuf, size_t n)
{
	(void)f;
	current->trace_reader = true;
	n = MIN(n, (size_t)65536);
	char *b = kmalloc(n);
	if (!b)
		return -ENOMEM;
	spin_lock(&ctl_lock);
	size_t k = fill(b, n);
	spin_unlock(&ctl_lock);
	long r = copy_to_user(ubuf, b, k) ? -EFAULT : (long)k;
	kfree(b);
	return r;
}

/* ---- control ---- */

static uint32_t parse_kinds(const char *s, size_t len)
{
	static const struct { const char *name; uint32_t bit; } names[] = {
		{ "exception", TK_EXCEPTION }, { "irq", TK_IRQ }, { "syscall", TK_SYSCALL },
		{ "switch", TK_SWITCH }, { "signal", TK_SIGNAL }, { "proc", TK_PROC },
		{ "all", TK_EXCEPTION | TK_IRQ | TK_SYSCALL | TK_SWITCH | TK_SIGNAL | TK_PROC },
	};
	uint32_t mask = 0;
	while (len) {
		size_t w = 0;
		while (w < len && s[w] != ',')
			w++;
		size_t i;
		for (i = 0; i < ARRAY_SIZE(names); i++)
			if (strlen(names[i].name) == w && !memcmp(names[i].name, s, w))
				break;
		if (i == ARRAY_SIZE(names))
			return 0;
		mask |= names[i].bit;
		s += w + (w < len);
		len -= w + (w < len);
	}
	return mask;
}

/* Allocates every CPU's ring, once; called with no lock held. */
static bool rings_ready(void)
{
	for (int c = 0; c < ncpus; c++) {
		if (READ_ONCE(rings[c].ev))
			continue;
		struct event *ev = vmalloc(RING_EVENTS * sizeof(struct event));
		if (!ev)
			return false;
		spin_lock(&rings[c].lock);
		if (!rings[c].ev) {
			rings[c].ev = ev;
			ev = NULL;
		}
		spin_unlock(&rings[c].lock);
		if (ev)
			vfree(ev);	/* another writer was first */
	}
	return true;
}

static bool parse_long(const char *s, size_t len, long *out)
{
	long v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9' || i > 9)
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return len > 0;
}

/* Traces pid and its descendants only (pid 0: everyone). [ctl] */
static long choose_pid(long pid)
{
	all_procs = pid == 0;
	spin_lock(&proc_lock);
	struct proc *p;
	for_each_proc_locked(p) {
		struct proc *a = p;
		while (a && a->pid != pid && a != init_proc)
			a = a->parent;
		p->traced = a && a->pid == pid;
	}
	spin_unlock(&proc_lock);
	return 0;
}

static void clear_rings(void)
{
	for (int c = 0; c < ncpus; c++) {
		spin_lock(&rings[c].lock);
		rings[c].tail = rings[c].head;
		rings[c].lost = 0;
		spin_unlock(&rings[c].lock);
	}
}

/* One command (docs/TRACE.md). [ctl] */
static long command(const char *s, size_t len)
{
	long pid;
	if (len == 2 && !memcmp(s, "on", 2)) {
		for (int c = 0; c < ncpus; c++)
			if (!rings[c].ev)
				return -ENOMEM;		/* trace_write allocates them first */
		trace_mask = kinds_chosen;
	} else if (len == 3 && !memcmp(s, "off", 3)) {
		trace_mask = 0;
	} else if (len == 5 && !memcmp(s, "clear", 5)) {
		clear_rings();
	} else if (len > 6 && !memcmp(s, "kinds=", 6)) {
		uint32_t k = parse_kinds(s + 6, len - 6);
		if (!k)
			return -EINVAL;
		kinds_chosen = k;
		if (trace_mask)
			trace_mask = k;
	} else if (len > 4 && !memcmp(s, "pid=", 4) && parse_long(s + 4, len - 4, &pid) && pid >= 0) {
		return choose_pid(pid);
	} else {
		return -EINVAL;
	}
	return 0;
}

static long trace_write(struct file *f, const char *ubuf, size_t n)
{
	(void)f;
	char b[128];
	if (n >= sizeof(b))
		return -EINVAL;
	if (copy_from_user(b, ubuf, n))
		return -EFAULT;
	if (!rings_ready())
		return -ENOMEM;
	long r = 0;
	spin_lock(&ctl_lock);
	for (size_t i = 0; i < n && !r;) {
		size_t w = 0;
		while (i + w < n && b[i + w] != '\n' && b[i + w] != ' ')
			w++;
		if (w)
			r = command(b + i, w);
		i += w + 1;
	}
	spin_unlock(&ctl_lock);
	return r ? r : (long)n;
}

const struct file_ops trace_file_ops = { .read = trace_read, .write = trace_write };

/* trace=KINDS on the kernel command line: every process, from boot. */
void trace_boot(const char *kinds)
{
	uint32_t k = parse_kinds(kinds, strlen(kinds));
	if (!k) {
		printk(KERN_WARNING "trace: unknown kinds \"%s\"\n", kinds);
		return;
	}
	kinds_chosen = k;
	if (rings_ready())
		trace_mask = k;
}
