#ifndef SYSRET_KERNEL_H
#define SYSRET_KERNEL_H
/* What nearly every kernel file needs: printk, panic, KASSERT. */
#include "types.h"

/* Log levels, as Linux spells them: a "\001" and a digit in front of the text. */
#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"

__attribute__((format(printf, 1, 2))) void printk(const char *fmt, ...);
void vprintk(const char *fmt, va_list ap);
__attribute__((format(printf, 3, 4))) int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
void printk_set_console_level(int level);
/* The kernel log: a ring of everything printk said, console level or not. */
size_t printk_log_mark(void);
bool printk_log_contains(size_t since, const char *needle);

__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);
extern volatile int panicking;

/* Invariants are checked in every build: a broken one is a kernel bug. */
#define KASSERT(cond) do { \
	if (__builtin_expect(!(cond), 0)) \
		panic("assertion failed: %s at %s:%d", #cond, __FILE__, __LINE__); \
} while (0)

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif
