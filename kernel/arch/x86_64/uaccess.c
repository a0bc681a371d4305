/*
 * copy_from_user and friends: range checks, the SMAP window (stac/clac, only
 * on CPUs that have SMAP), and the exception-table lookup the page-fault
 * handler uses to turn a bad user pointer into -EFAULT.
 */
#include "arch.h"
#include "errno.h"
#include "trapframe.h"
#include "uaccess.h"

size_t copy_user_raw(void *dst, const void *src, size_t n);
long strncpy_user_raw(char *dst, const char *src, size_t max);
long fpu_save_user_raw(void *ufp, long xsave);
long fpu_restore_user_raw(void *ufp, long xsave);

struct ex_entry { uint64_t insn, fixup; };
extern const struct ex_entry __ex_table_start[], __ex_table_end[];

static bool user_range(const void *p, size_t n)
{
	uintptr_t a = (uintptr_t)p;
	return a + n >= a && a + n <= USER_TOP;
}

static inline void user_open(void) { if (cpu_features.smap) stac(); }
static inline void user_close(void) { if (cpu_features.smap) clac(); }

long copy_from_user(void *dst, const void *usrc, size_t n)
{
	if (!user_range(usrc, n))
		return -EFAULT;
	user_open();
	size_t left = copy_user_raw(dst, usrc, n);
	user_close();
	return left ? -EFAULT : 0;
}

long copy_to_user(void *udst, const void *src, size_t n)
{
	if (!user_range(udst, n))
		return -EFAULT;
	user_open();
	size_t left = copy_user_raw(udst, src, n);
	user_close();
	return left ? -EFAULT : 0;
}

/* An XSAVE/FXSAVE image at ufp (64-byte aligned), saved or loaded by raw
 * inside the user window; a fault there (#PF, or #GP for an image the CPU
 * refuses) is fixed up to -EFAULT. */
static long fpu_user(long (*raw)(void *, long), void *ufp)
{
	if (!user_range(ufp, cpu_features.fpu_state_size))
		return -EFAULT;
	user_open();
	long r = raw(ufp, cpu_features.xsave);
	user_close();
	return r;
}

long fpu_save_to_user(void *ufp) { return fpu_user(fpu_save_user_raw, ufp); }
long fpu_restore_from_user(const void *ufp) { return fpu_user(fpu_restore_user_raw, (void *)ufp); }

long strncpy_from_user(char *dst, const char *usrc, size_t max)
{
	uintptr_t a = (uintptr_t)usrc;
	if (a >= USER_TOP)
		return -EFAULT;
	size_t limit = MIN(max, USER_TOP - a);
	user_open();
	long n = strncpy_user_raw(dst, usrc, limit);
	user_close();
	if (n < 0)
		return n;
	if ((size_t)n == limit)		/* no NUL: too long, or the string runs off the top */
		return limit < max ? -EFAULT : -ENAMETOOLONG;
	return n;
}

static const struct ex_entry *ex_lookup(uint64_t rip)
{
	for (const struct ex_entry *e = __ex_table_start; e < __ex_table_end; e++)
		if (e->insn == rip)
			return e;
	return NULL;
}

bool uaccess_in_progress(uint64_t rip) { return ex_lookup(rip) != NULL; }

bool uaccess_fixup(struct trap_frame *tf)
{
	const struct ex_entry *e = ex_lookup(tf->rip);
	if (!e)
		return false;
	tf->rip = e->fixup;
	return true;
}
