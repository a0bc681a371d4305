#ifndef SYSRET_CPIO_H
#define SYSRET_CPIO_H
/* The cpio "newc" format of initramfs archives (what Linux unpacks). */
#include "types.h"

struct cpio_entry {
	const char *name;	/* not NUL-terminated in general: use namelen */
	size_t namelen;		/* without the NUL */
	uint32_t ino, mode, uid, gid, nlink, mtime;
	uint32_t dev_major, dev_minor, rdev_major, rdev_minor;
	const void *data;
	size_t size;
};

/*
 * Reads the entry at *offset and advances *offset past it.
 * Returns 1 for an entry, 0 at the TRAILER!!! entry, -EINVAL when the
 * archive is malformed or truncated (nothing is read out of bounds).
 */
int cpio_next(const void *archive, size_t len, size_t *offset, struct cpio_entry *e);

#endif
