/*
 * The terminal: the serial console as a real tty, with Linux's termios.
 *
 * Input arrives by interrupt (tty_receive) and goes through the line
 * discipline: ISIG turns ^C, ^\ and ^Z into SIGINT, SIGQUIT and SIGTSTP for
 * the foreground process group; in canonical mode (ICANON) a line is edited
 * (erase, kill-line) and echoed, and read() returns whole lines (^D: end of
 * file); in non-canonical mode read() returns bytes as VMIN and VTIME say.
 *
 * Job control: a terminal belongs to one session (its controlling terminal)
 * and has a foreground process group. A background process that reads gets
 * SIGTTIN; one that writes, with TOSTOP set, gets SIGTTOU; so does one that
 * changes the foreground group. /dev/console is the same terminal without
 * these checks (as on Linux); /dev/tty is the caller's controlling terminal.
 */
#include "console.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "signal.h"
#include "spinlock.h"
#include "string.h"
#include "time.h"
#include "uaccess.h"

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TCFLSH		0x540B
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCOUTQ	0x5411
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TIOCGDEV	0x80045432

/* c_iflag, c_oflag, c_lflag bits and c_cc slots (Linux's values) */
#define ICRNL	0000400
#define INLCR	0000100
#define IGNCR	0000200
#define OPOST	0000001
#define ONLCR	0000004
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100
#define TOSTOP	0000400
#define ECHOCTL	0001000
#define VINTR	0
#define VQUIT	1
#define VERASE	2
#define VKILL	3
#define VEOF	4
#define VTIME	5
#define VMIN	6
#define VSUSP	10
#define BUF_SIZE 4096
#define CTRL(c)	((c) & 0x1f)

struct termios {
	uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[19];
};
struct winsize { uint16_t rows, cols, xpixel, ypixel; };

/* Lock legend: [l] tty->lock (taken in the receive interrupt too); the
 * session and foreground group are [t] proc_lock. */
struct tty {
	struct spinlock lock;
	struct termios termios;		/* [l] */
	struct winsize winsize;		/* [l] */
	char edit[BUF_SIZE];		/* [l] canonical: the line being typed */
	size_t edit_len;
	char ready[BUF_SIZE];		/* [l] what read() may return now */
	size_t ready_len;
	int eofs;			/* [l] ^D on an empty line, not yet read */
	struct waitq readers;
	int session;			/* [t] the session it controls, 0 = none */
	int pgrp;			/* [t] the foreground process group */
	uint32_t rdev;
};

static struct tty console_tty = {
	.lock = SPINLOCK_INIT("tty"),
	.termios = { .c_iflag = ICRNL | 02000, .c_oflag = OPOST | ONLCR, .c_cflag = 0xbf,
		     .c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | 0x800 | 0x8000,
		     .c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0 } },
	.winsize = { 24, 80, 0, 0 },
	.readers = WAITQ_INIT(console_tty.readers),
	.rdev = MKDEV(4, 64),
};

/* Output processing (OPOST/ONLCR): "\n" goes out as "\r\n". */
static void tty_output(struct tty *t, const char *s, size_t n)
{
	bool crlf = (t->termios.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR);
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\n' || !crlf)
			continue;
		console_write_raw(s + start, i - start);
		console_write_raw("\r\n", 2);
		start = i + 1;
	}
	console_write_raw(s + start, n - start);
}

static void echo_char(struct tty *t, char c)
{
	if (!(t->termios.c_lflag & ECHO))
		return;
	if ((t->termios.c_lflag & ECHOCTL) && (uint8_t)c < 32 && c != '\n' && c != '\t') {
		char caret[2] = { '^', c + '@' };
		tty_output(t, caret, 2);
	} else {
		tty_output(t, &c, 1);
	}
}

static void make_ready_locked(struct tty *t, const char *s, size_t n)
{
	n = MIN(n, BUF_SIZE - t->ready_len);
	memcpy(t->ready + t->ready_len, s, n);
	t->ready_len += n;
	sched_wake_all(&t->readers);
	poll_wake();
}

/* ISIG: a signal for the whole foreground group. */
static void signal_foreground(struct tty *t, int sig)
{
	struct siginfo info = { .si_signo = sig, .si_code = SI_KERNEL };
	spin_lock(&proc_lock);
	if (t->pgrp)
		kill_pgrp_locked(t->pgrp, sig, &info);
	spin_unlock(&proc_lock);
}

/* Canonical mode editing; returns false if c is an ordinary character. */
static bool edit_char_locked(struct tty *t, char c)
{
	const uint8_t *cc = t->termios.c_cc;
	if (c == cc[VERASE] || c == CTRL('H')) {
		if (t->edit_len) {
			t->edit_len--;
			if (t->termios.c_lflag & ECHOE)
				tty_output(t, "\b \b", 3);
		}
	} else if (c == cc[VKILL]) {
		for (; t->edit_len; t->edit_len--)
			if (t->termios.c_lflag & ECHOK)
				tty_output(t, "\b \b", 3);
	} else if (c == cc[VEOF]) {
		if (!t->edit_len)
			t->eofs++;
		make_ready_locked(t, t->edit, t->edit_len);
		t->edit_len = 0;
	} else {
		return false;
	}
	return true;
}

/* One received byte, from the serial interrupt: the line discipline. */
static void tty_receive(char c)
{
	struct tty *t = &console_tty;
	spin_lock(&t->lock);
	const struct termios *tm = &t->termios;
	if (c == '\r' && (tm->c_iflag & IGNCR))
		goto out;
	if (c == '\r' && (tm->c_iflag & ICRNL))
		c = '\n';
	else if (c == '\n' && (tm->c_iflag & INLCR))
		c = '\r';
	if (tm->c_lflag & ISIG) {
		int sig = c == tm->c_cc[VINTR] ? SIGINT : c == tm->c_cc[VQUIT] ? SIGQUIT :
			  c == tm->c_cc[VSUSP] ? SIGTSTP : 0;
		if (sig) {
			echo_char(t, c);
			t->edit_len = 0;	/* the line typed so far is flushed, as Linux does */
			spin_unlock(&t->lock);
			signal_foreground(t, sig);
			return;
		}
	}
	if (!(tm->c_lflag & ICANON)) {
		echo_char(t, c);
		make_ready_locked(t, &c, 1);
	} else if (!edit_char_locked(t, c) && t->edit_len < BUF_SIZE - 1) {
		t->edit[t->edit_len++] = c;
		echo_char(t, c);
		if (c == '\n') {
			make_ready_locked(t, t->edit, t->edit_len);
			t->edit_len = 0;
		}
	}
out:
	spin_unlock(&t->lock);
}

/* Job control: may the caller use this terminal now? 0, or a stop signal
 * sent to its group and -ERESTARTSYS, or -EIO for an orphaned group. */
static long job_control_check(struct tty *t, struct file *f, int sig)
{
	struct proc *p = current;
	if (f->no_job_control)
		return 0;
	spin_lock(&proc_lock);
	long r = 0;
	if (t->session && p->sid == t->session && p->pgid != t->pgrp) {	/* background */
		if (sig_ignored(p, sig) || (p->sig_blocked & SIGBIT(sig)))
			r = sig == SIGTTIN ? -EIO : 0;
		else if (pgrp_orphaned_locked(p->pgid))
			r = -EIO;
		else {
			struct siginfo info = { .si_signo = sig, .si_code = SI_KERNEL };
			kill_pgrp_locked(p->pgid, sig, &info);
			r = -ERESTARTSYS;
		}
	}
	spin_unlock(&proc_lock);
	return r;
}

static bool input_ready_locked(struct tty *t, size_t vmin)
{
	return t->eofs || t->ready_len >= MAX(vmin, (size_t)1);
}

static long tty_read(struct file *f, char *ubuf, size_t n)
{
	struct tty *t = &console_tty;
	long r = job_control_check(t, f, SIGTTIN);
	if (r)
		return r;
	if (!n)
		return 0;
	spin_lock(&t->lock);
	bool canon = t->termios.c_lflag & ICANON;
	size_t vmin = canon ? 1 : t->termios.c_cc[VMIN];
	uint64_t vtime = canon ? 0 : t->termios.c_cc[VTIME] * 100000000ULL;
	uint64_t deadline = vtime ? time_monotonic_ns() + vtime : UINT64_MAX;
	if (!canon && !vmin && !vtime)
		goto take;		/* a poll: whatever is there */
	while (!input_ready_locked(t, MIN(vmin, n))) {
		if (!canon && vtime && (t->ready_len || !vmin) && time_monotonic_ns() >= deadline)
			break;
		if (f->flags & O_NONBLOCK) {
			spin_unlock(&t->lock);
			return -EAGAIN;
		}
		if (signal_pending(current)) {
			spin_unlock(&t->lock);
			return -ERESTARTSYS;
		}
		if (vtime) {
			uint64_t seq = READ_ONCE(current->signal_seq);
			spin_unlock(&t->lock);
			sched_sleep_if(&t->readers, &current->signal_seq, seq, deadline);
			spin_lock(&t->lock);
		} else {
			sched_sleep(&t->readers, &t->lock);
		}
	}
take:;
	size_t k = 0;
	if (canon) {
		while (k < MIN(n, t->ready_len) && t->ready[k++] != '\n')
			;
		if (!t->ready_len && t->eofs) {
			t->eofs--;	/* end of file: read returns 0 */
		}
	} else {
		k = MIN(n, t->ready_len);
	}
	char buf[BUF_SIZE];
	memcpy(buf, t->ready, k);
	memmove(t->ready, t->ready + k, t->ready_len - k);
	t->ready_len -= k;
	spin_unlock(&t->lock);
	return copy_to_user(ubuf, buf, k) ? -EFAULT : (long)k;
}

/* One write() at a time reaches the wire whole, as on Linux: lines that two
 * CPUs write at once come out one after the other, not mixed byte by byte. */
static struct spinlock write_lock = SPINLOCK_INIT("tty write");
static bool writing;					/* [write_lock] */
static struct waitq writers = WAITQ_INIT(writers);

static void write_begin(void)
{
	spin_lock(&write_lock);
	while (writing)
		sched_sleep_uninterruptible(&writers, &write_lock);
	writing = true;
	spin_unlock(&write_lock);
}

static void write_end(void)
{
	spin_lock(&write_lock);
	writing = false;
	spin_unlock(&write_lock);
	sched_wake_all(&writers);
}

static long tty_write(struct file *f, const char *ubuf, size_t n)
{
	struct tty *t = &console_tty;
	if (t->termios.c_lflag & TOSTOP) {
		long r = job_control_check(t, f, SIGTTOU);
		if (r)
			return r;
	}
	char buf[256];
	size_t done = 0;
	write_begin();
	while (done < n) {
		size_t k = MIN(n - done, sizeof(buf));
		if (copy_from_user(buf, ubuf + done, k))
			break;
		tty_output(t, buf, k);
		done += k;
	}
	write_end();
	return done || !n ? (long)done : -EFAULT;
}

/* TIOCSPGRP: only within the terminal's session; from the background it
 * is a SIGTTOU (unless ignored or blocked). */
static long set_foreground(struct tty *t, struct file *f, const int *upgrp)
{
	int pgrp;
	if (get_user(pgrp, upgrp))
		return -EFAULT;
	struct proc *p = current;
	if (pgrp < 0)
		return -EINVAL;
	if (!t->session || p->sid != t->session)
		return -ENOTTY;
	long r = job_control_check(t, f, SIGTTOU);
	if (r == -EIO)
		r = 0;		/* ignored or blocked SIGTTOU: allowed */
	if (r)
		return r;
	spin_lock(&proc_lock);
	bool exists = false;
	struct proc *q;
	for_each_pgrp_member_locked(q, pgrp)
		exists |= q->sid == p->sid;
	if (exists)
		t->pgrp = pgrp;
	spin_unlock(&proc_lock);
	return exists ? 0 : -EPERM;
}

/* Makes t the controlling terminal of the caller's session (a session leader's). */
static long set_controlling(struct tty *t)
{
	struct proc *p = current;
	long r = 0;
	spin_lock(&proc_lock);
	if (p->pid != p->sid || p->tty)
		r = p->tty == (struct tty *)t ? 0 : -EPERM;
	else if (t->session && t->session != p->sid)
		r = -EPERM;	/* another session has it (root could steal it with arg 1) */
	else {
		t->session = p->sid;
		t->pgrp = p->pgid;
		struct proc *q;
		for_each_proc_locked(q)
			if (q->sid == p->sid)
				q->tty = (struct tty *)t;
	}
	spin_unlock(&proc_lock);
	return r;
}

/* Session sid loses its terminal: SIGHUP + SIGCONT to the foreground, and
 * no process of the session has a controlling terminal any more. */
static void hang_up_session(struct tty *t, int sid)
{
	signal_foreground(t, SIGHUP);
	signal_foreground(t, SIGCONT);
	spin_lock(&proc_lock);
	struct proc *q;
	for_each_proc_locked(q)
		if (q->sid == sid)
			q->tty = NULL;
	t->session = t->pgrp = 0;
	spin_unlock(&proc_lock);
}

static long give_up_controlling(struct tty *t)
{
	struct proc *p = current;
	if (p->tty != t)
		return -ENOTTY;
	spin_lock(&proc_lock);
	bool leader = p->pid == p->sid;
	int sid = p->sid;
	p->tty = NULL;
	spin_unlock(&proc_lock);
	if (leader)
		hang_up_session(t, sid);
	return 0;
}

static long tty_ioctl(struct file *f, unsigned long cmd, unsigned long arg)
{
	struct tty *t = &console_tty;
	void *u = (void *)arg;
	struct termios tm;
	switch (cmd) {
	case TCGETS:
		return copy_to_user(u, &t->termios, sizeof(t->termios));
	case TCSETS: case TCSETSW: case TCSETSF: {
		long r = job_control_check(t, f, SIGTTOU);	/* a background change: SIGTTOU */
		if (r && r != -EIO)
			return r;
		if (copy_from_user(&tm, u, sizeof(tm)))
			return -EFAULT;
		spin_lock(&t->lock);
		bool was_canon = t->termios.c_lflag & ICANON;
		t->termios = tm;
		if (cmd == TCSETSF)
			t->ready_len = t->edit_len = 0;
		else if (was_canon && !(tm.c_lflag & ICANON)) {	/* the half line becomes input */
			make_ready_locked(t, t->edit, t->edit_len);
			t->edit_len = 0;
		}
		spin_unlock(&t->lock);
		return 0;
	}
	case TCFLSH:
		spin_lock(&t->lock);
		if (arg == 0 || arg == 2)
			t->ready_len = t->edit_len = 0;
		spin_unlock(&t->lock);
		return 0;
	case TIOCGWINSZ:
		return copy_to_user(u, &t->winsize, sizeof(t->winsize));
	case TIOCSWINSZ:
		return copy_from_user(&t->winsize, u, sizeof(t->winsize));
	case TIOCGPGRP:
		if (!f->no_job_control && current->tty != t)
			return -ENOTTY;
		return put_user(t->pgrp ? t->pgrp : 0, (int *)u);
	case TIOCSPGRP:
		return set_foreground(t, f, u);
	case TIOCGSID:
		if (!t->session)
			return -ENOTTY;
		return put_user(t->session, (int *)u);
	case TIOCSCTTY:
		return set_controlling(t);
	case TIOCNOTTY:
		return give_up_controlling(t);
	case FIONREAD:
		return put_user((int)t->ready_len, (int *)u);
	case TIOCOUTQ:
		return put_user(0, (int *)u);
	case TIOCGDEV:
		return put_user(t->rdev, (uint32_t *)u);	/* /dev/console is ttyS0 */
	}
	return -ENOTTY;
}

static int tty_poll(struct file *f)
{
	(void)f;
	struct tty *t = &console_tty;
	spin_lock(&t->lock);
	int mask = POLLOUT | (t->eofs || t->ready_len ? POLLIN : 0);	/* ready holds whole lines */
	spin_unlock(&t->lock);
	return mask;
}

const struct file_ops tty_ops = {
	.read = tty_read, .write = tty_write, .ioctl = tty_ioctl, .poll = tty_poll,
};

/* Opening a terminal: a session leader without one makes it its controlling
 * terminal (unless O_NOCTTY), as on Linux. /dev/tty means that terminal. */
int tty_open(struct file *f, uint32_t rdev)
{
	struct tty *t = &console_tty;
	struct proc *p = current;
	if (rdev == MKDEV(5, 0)) {	/* /dev/tty */
		if (!p->tty)
			return -ENXIO;
		return 0;
	}
	if (rdev == MKDEV(5, 1)) {	/* /dev/console: no job control */
		f->no_job_control = true;
		return 0;
	}
	if (!(f->flags & O_NOCTTY) && p->pid == p->sid && !p->tty && !t->session)
		set_controlling(t);
	return 0;
}

/* The session leader has exited: its terminal hangs up on the foreground. */
void tty_session_leader_exit(struct proc *p)
{
	struct tty *t = p->tty;
	if (t && p->pid == p->sid)
		hang_up_session(t, p->sid);
}

/* The foreground process group, for /proc's tpgid. [t] held. */
int tty_foreground(struct tty *t) { return t->pgrp ? t->pgrp : -1; }

void tty_init(void) { console_set_rx_hook(tty_receive); }
