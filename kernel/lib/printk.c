/*
 * printk: formatted kernel messages with Linux's log levels.
 * Every message goes into the log ring (the kernel's dmesg); those at or
 * below the console level also go to the serial console. "quiet" lowers
 * the console level to warnings, as on Linux.
 */
#include "console.h"
#include "kernel.h"
#include "spinlock.h"
#include "string.h"

#define LOG_SIZE	(64 * 1024)
#define DEFAULT_LEVEL	6	/* KERN_INFO when a message names none */

static struct spinlock printk_lock = SPINLOCK_INIT("printk");
static int console_level = 7;	/* print levels 0..6 */
static char log_ring[LOG_SIZE];
static size_t log_head;		/* total bytes ever logged */

void printk_set_console_level(int level) { console_level = level; }

struct outbuf { char *buf; size_t size, len; };

static void out_char(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void out_str(struct outbuf *o, const char *s, int width, int prec, bool left)
{
	int n = prec >= 0 ? (int)strnlen(s, prec) : (int)strlen(s);
	for (int i = n; !left && i < width; i++)
		out_char(o, ' ');
	for (int i = 0; i < n; i++)
		out_char(o, s[i]);
	for (int i = n; left && i < width; i++)
		out_char(o, ' ');
}

static void out_num(struct outbuf *o, uint64_t v, int base, bool neg, int width,
		    char pad, bool left, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (neg)
		width--;
	if (neg && pad == '0')
		out_char(o, '-');
	for (int i = n; !left && i < width; i++)
		out_char(o, pad);
	if (neg && pad != '0')
		out_char(o, '-');
	while (n)
		out_char(o, tmp[--n]);
	for (int i = n; left && i < width; i++)
		out_char(o, ' ');
}

/* %[-0][width][.prec][l|ll|z](d i u x X p s c %) */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			out_char(&o, *fmt);
			continue;
		}
		bool left = false, is_long = false;
		char pad = ' ';
		int width = 0, prec = -1;
		for (;; fmt++) {
			if (fmt[1] == '-')
				left = true;
			else if (fmt[1] == '0')
				pad = '0';
			else
				break;
		}
		fmt++;
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				prec = prec * 10 + (*fmt++ - '0');
		}
		while (*fmt == 'l' || *fmt == 'z') {
			is_long = true;
			fmt++;
		}
		switch (*fmt) {
		case 'd': case 'i': {
			int64_t v = is_long ? va_arg(ap, int64_t) : va_arg(ap, int);
			out_num(&o, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0, width, pad, left, false);
			break;
		}
		case 'u': case 'x': case 'X': {
			uint64_t v = is_long ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
			out_num(&o, v, *fmt == 'u' ? 10 : 16, false, width, pad, left, *fmt == 'X');
			break;
		}
		case 'p':
			out_num(&o, (uintptr_t)va_arg(ap, void *), 16, false, 16, '0', false, false);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			out_str(&o, s ? s : "(null)", width, prec, left);
			break;
		}
		case 'c':
			out_char(&o, (char)va_arg(ap, int));
			break;
		case '%':
			out_char(&o, '%');
			break;
		default:	/* unknown: show it as written */
			out_char(&o, '%');
			if (*fmt)
				out_char(&o, *fmt);
			else
				fmt--;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = 0;
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void log_append(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		log_ring[(log_head + i) % LOG_SIZE] = s[i];
	log_head += n;
}

/* A panicking CPU may have died holding the lock: then wait a while, not forever. */
static bool printk_acquire(void)
{
	if (!panicking) {
		spin_lock(&printk_lock);
		return true;
	}
	for (int i = 0; i < 10000000; i++)
		if (spin_trylock(&printk_lock))
			return true;
	return false;
}

void vprintk(const char *fmt, va_list ap)
{
	char line[512];
	int level = DEFAULT_LEVEL;
	if (fmt[0] == KERN_SOH[0] && fmt[1] >= '0' && fmt[1] <= '7') {
		level = fmt[1] - '0';
		fmt += 2;
	}
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	bool locked = printk_acquire();
	log_append(line, n);
	if (level < console_level)
		console_write(line, n);
	if (locked)
		spin_unlock(&printk_lock);
}

void printk(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

size_t printk_log_mark(void) { return log_head; }

/* Whether the log since mark holds needle (the part still in the ring). */
bool printk_log_contains(size_t since, const char *needle)
{
	size_t n = strlen(needle);
	if (log_head - since > LOG_SIZE)
		since = log_head - LOG_SIZE;
	for (size_t i = since; i + n <= log_head; i++) {
		size_t k = 0;
		while (k < n && log_ring[(i + k) % LOG_SIZE] == needle[k])
			k++;
		if (k == n)
			return true;
	}
	return false;
}
