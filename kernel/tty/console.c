/*
 * The console terminal (COM1): enough of a tty for a shell. Input arrives
 * by interrupt and is edited a line at a time (canonical mode: echo, erase,
 * kill-line, ^D for end of file); read() returns whole lines. Output goes
 * out through the UART with "\n" sent as "\r\n".
 * FIXME: termios settings are stored but not yet obeyed (non-canonical
 * mode, ISIG and job control come with signals).
 */
#include "console.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "spinlock.h"
#include "string.h"
#include "uaccess.h"

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define TIOCSCTTY	0x540E
#define LINE_MAX	4096
#define CTRL(c)		((c) & 0x1f)

struct termios {
	uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[19];
};
struct winsize { uint16_t rows, cols, xpixel, ypixel; };

/* Lock legend: [t] tty_lock (taken in the receive interrupt too). */
static struct spinlock tty_lock = SPINLOCK_INIT("tty");
static char edit[LINE_MAX];			/* [t] the line being typed */
static size_t edit_len;
static char cooked[LINE_MAX];			/* [t] finished lines, not yet read */
static size_t cooked_len;
static int eofs;				/* [t] ^D on an empty line, not yet read */
static struct waitq readers = WAITQ_INIT(readers);
static struct termios termios = {
	.c_iflag = 0x500, .c_oflag = 0x5, .c_cflag = 0xbf, .c_lflag = 0x8a3b,
	.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0 },
};
static struct winsize winsize = { 24, 80, 0, 0 };

static void echo(const char *s, size_t n) { console_write(s, n); }

static void finish_line_locked(void)
{
	size_t n = MIN(edit_len, LINE_MAX - cooked_len);
	memcpy(cooked + cooked_len, edit, n);
	cooked_len += n;
	edit_len = 0;
	sched_wake_all(&readers);
	poll_wake();
}

/* One received byte, from the serial interrupt. */
static void tty_receive(char c)
{
	spin_lock(&tty_lock);
	if (c == '\r')
		c = '\n';				/* ICRNL */
	if (c == 127 || c == CTRL('H')) {		/* erase */
		if (edit_len) {
			edit_len--;
			echo("\b \b", 3);
		}
	} else if (c == CTRL('U')) {			/* kill the line */
		for (; edit_len; edit_len--)
			echo("\b \b", 3);
	} else if (c == CTRL('D')) {			/* end of file */
		if (!edit_len)
			eofs++;
		finish_line_locked();
	} else if (edit_len < LINE_MAX - 1) {
		edit[edit_len++] = c;
		echo(&c, 1);
		if (c == '\n')
			finish_line_locked();
	}
	spin_unlock(&tty_lock);
}

static long tty_read(struct file *f, char *ubuf, size_t n)
{
	(void)f;
	long ret = 0;
	spin_lock(&tty_lock);
	while (!cooked_len && !eofs) {
		if (signal_pending(current)) {
			spin_unlock(&tty_lock);
			return -ERESTARTSYS;
		}
		sched_sleep(&readers, &tty_lock);
	}
	if (!cooked_len) {
		eofs--;
		goto out;
	}
	size_t k = 0;
	while (k < MIN(n, cooked_len) && cooked[k++] != '\n')
		;
	char buf[LINE_MAX];
	memcpy(buf, cooked, k);
	memmove(cooked, cooked + k, cooked_len - k);
	cooked_len -= k;
	spin_unlock(&tty_lock);
	return copy_to_user(ubuf, buf, k) ? -EFAULT : (long)k;
out:
	spin_unlock(&tty_lock);
	return ret;
}

static long tty_write(struct file *f, const char *ubuf, size_t n)
{
	(void)f;
	char buf[256];
	size_t done = 0;
	while (done < n) {
		size_t k = MIN(n - done, sizeof(buf));
		if (copy_from_user(buf, ubuf + done, k))
			return done ? (long)done : -EFAULT;
		console_write(buf, k);
		done += k;
	}
	return done;
}

static long tty_ioctl(struct file *f, unsigned long cmd, unsigned long arg)
{
	(void)f;
	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)arg, &termios, sizeof(termios));
	case TCSETS: case TCSETSW: case TCSETSF:
		return copy_from_user(&termios, (void *)arg, sizeof(termios));
	case TIOCGWINSZ:
		return copy_to_user((void *)arg, &winsize, sizeof(winsize));
	case TIOCSWINSZ:
		return copy_from_user(&winsize, (void *)arg, sizeof(winsize));
	case TIOCGPGRP:
		return put_user((int)current->pgid, (int *)arg);
	case TIOCSPGRP: case TIOCSCTTY:
		return 0;
	}
	return -ENOTTY;
}

static int tty_poll(struct file *f)
{
	(void)f;
	spin_lock(&tty_lock);
	int mask = POLLOUT | (cooked_len || eofs ? POLLIN : 0);
	spin_unlock(&tty_lock);
	return mask;
}

const struct file_ops tty_ops = {
	.read = tty_read, .write = tty_write, .ioctl = tty_ioctl, .poll = tty_poll,
};

void tty_init(void) { console_set_rx_hook(tty_receive); }
