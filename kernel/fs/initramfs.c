/*
 * Unpacking the initramfs (cpio newc) into the root tmpfs, as Linux does:
 * directories, regular files, symbolic links, device nodes and FIFOs, with
 * their modes. A bad entry is skipped with a warning; a malformed archive
 * stops the unpacking there.
 */
#include "cpio.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "string.h"

static int unpack_entry(const struct cpio_entry *e, const char *path)
{
	uint32_t type = e->mode & S_IFMT;
	struct inode *ino = NULL;
	uint32_t rdev = MKDEV(e->rdev_major, e->rdev_minor);
	int err = vfs_create(path, e->mode, type == S_IFCHR || type == S_IFBLK ? rdev : 0, &ino);
	if (err)
		return err;
	if (type == S_IFREG && e->size)
		err = vfs_write_all(ino, 0, e->data, e->size);
	else if (type == S_IFLNK) {
		char *t = kmalloc(e->size + 1);
		if (t) {
			memcpy(t, e->data, e->size);
			t[e->size] = 0;
			ino->target = t;
			ino->size = e->size;
		} else {
			err = -ENOMEM;
		}
	}
	ino->mode = e->mode;
	ino->uid = e->uid;
	ino->gid = e->gid;
	ino->mtime = ino->ctime = ino->atime = (uint64_t)e->mtime * 1000000000ULL;
	inode_put(ino);
	return err;
}

void initramfs_unpack(const void *archive, size_t len)
{
	size_t off = 0, n = 0;
	struct cpio_entry e;
	char path[PATH_MAX];
	int r;
	while ((r = cpio_next(archive, len, &off, &e)) > 0) {
		const char *name = e.name;
		size_t nlen = e.namelen;
		while (nlen >= 2 && name[0] == '.' && name[1] == '/')	/* "./a" is "a" */
			name += 2, nlen -= 2;
		while (nlen && name[0] == '/')
			name++, nlen--;
		if (!nlen || (nlen == 1 && name[0] == '.') || nlen + 2 > sizeof(path))
			continue;	/* "." is the root, which exists */
		path[0] = '/';
		memcpy(path + 1, name, nlen);
		path[nlen + 1] = 0;
		int err = unpack_entry(&e, path);
		if (err && !(err == -EEXIST))
			printk(KERN_WARNING "initramfs: %s: error %d\n", path, err);
		n++;
	}
	if (r < 0)
		printk(KERN_ERR "initramfs: malformed archive at offset %zu; stopped there\n", off);
	printk(KERN_INFO "initramfs: unpacked %zu entries into the root tmpfs\n", n);
}
