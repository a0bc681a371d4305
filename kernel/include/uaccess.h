#ifndef SYSRET_UACCESS_H
#define SYSRET_UACCESS_H
/*
 * The only way the kernel touches user memory. A pointer that is unmapped,
 * in the kernel half, or whose range wraps gets -EFAULT - never an oops and
 * never a read of kernel memory. Pages not yet present are faulted in as
 * for the program itself (demand zero, copy-on-write).
 */
#include "types.h"

struct trap_frame;

long copy_from_user(void *dst, const void *usrc, size_t n);
long copy_to_user(void *udst, const void *src, size_t n);
/* Copies a string of at most max-1 bytes plus NUL: returns its length,
 * -EFAULT, or -ENAMETOOLONG when there is no NUL within max bytes. */
long strncpy_from_user(char *dst, const char *usrc, size_t max);
long fpu_save_to_user(void *ufp);	/* XSAVE/FXSAVE into user memory (signal frames) */
long fpu_restore_from_user(const void *ufp);	/* XRSTOR/FXRSTOR from it; a bad image is -EFAULT */
bool uaccess_fixup(struct trap_frame *tf);	/* the page-fault handler's last resort */
bool uaccess_in_progress(uint64_t rip);

#define get_user(dst, uptr)	copy_from_user(&(dst), (uptr), sizeof(dst))
#define put_user(src, uptr)	({ __typeof__(src) _v = (src); copy_to_user((uptr), &_v, sizeof(_v)); })

#endif
