/*
 * Open files: what a descriptor refers to (an inode, a position, the open
 * flags and the operations for its kind), and the operations on tmpfs
 * regular files and directories. Data moves a page at a time: under
 * vfs_lock the page is found and referenced, then copied to or from user
 * memory with the lock dropped (the copy may fault).
 */
#include "arch.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "string.h"
#include "uaccess.h"


static const char zero_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

struct file *file_new(const struct file_ops *ops, uint32_t flags)
{
	struct file *f = kzalloc(sizeof(*f));
	if (f) {
		f->refs = 1;
		f->ops = ops;
		f->flags = flags;
	}
	return f;
}

void file_get(struct file *f) { __atomic_add_fetch(&f->refs, 1, __ATOMIC_RELAXED); }

void file_put(struct file *f)
{
	if (__atomic_sub_fetch(&f->refs, 1, __ATOMIC_ACQ_REL))
		return;
	if (f->ops && f->ops->release)
		f->ops->release(f);
	if (f->inode)
		inode_put(f->inode);
	kfree(f->path);
	kfree(f);
}

static long tmpfs_read(struct file *f, char *ubuf, size_t n)
{
	size_t done = 0;
	struct inode *ino = f->inode;
	while (done < n) {
		spin_lock(&vfs_lock);
		uint64_t pos = f->pos;
		if (pos >= ino->size) {
			spin_unlock(&vfs_lock);
			break;
		}
		size_t k = MIN(MIN(n - done, PAGE_SIZE - pos % PAGE_SIZE), ino->size - pos);
		paddr_t pa = inode_page_locked(ino, pos, false);
		spin_unlock(&vfs_lock);
		const char *src = (pa ? (const char *)phys_to_virt(pa) : zero_page) + pos % PAGE_SIZE;
		long err = copy_to_user(ubuf + done, src, k);
		if (pa)
			frame_unref(pa);
		if (err)
			return done ? (long)done : err;
		spin_lock(&vfs_lock);
		f->pos = pos + k;
		spin_unlock(&vfs_lock);
		done += k;
	}
	return done;
}

static long tmpfs_write(struct file *f, const char *ubuf, size_t n)
{
	size_t done = 0;
	struct inode *ino = f->inode;
	while (done < n) {
		spin_lock(&vfs_lock);
		if (f->flags & O_APPEND)
			f->pos = ino->size;
		uint64_t pos = f->pos;
		size_t k = MIN(n - done, PAGE_SIZE - pos % PAGE_SIZE);
		paddr_t pa = inode_page_locked(ino, pos, true);
		spin_unlock(&vfs_lock);
		if (!pa)
			return done ? (long)done : -ENOSPC;
		long err = copy_from_user((char *)phys_to_virt(pa) + pos % PAGE_SIZE, ubuf + done, k);
		frame_unref(pa);
		if (err)
			return done ? (long)done : err;
		spin_lock(&vfs_lock);
		f->pos = pos + k;
		ino->size = MAX(ino->size, pos + k);
		ino->mtime = ino->ctime = vfs_now();
		spin_unlock(&vfs_lock);
		done += k;
	}
	return done;
}

const struct file_ops tmpfs_file_ops = {
	.read = tmpfs_read, .write = tmpfs_write, .seekable = true,
};

/* Directories are read with getdents64 (fs/rw.c), not read(). */
static long dir_read(struct file *f, char *ubuf, size_t n)
{
	(void)f, (void)ubuf, (void)n;
	return -EISDIR;
}

const struct file_ops tmpfs_dir_ops = { .read = dir_read, .seekable = true };

/* An open file for ino, by its kind; the file takes over a reference to ino. */
struct file *file_open_inode(struct inode *ino, uint32_t flags, int *err)
{
	const struct file_ops *ops;
	uint32_t type = ino->mode & S_IFMT;
	*err = 0;
	if (flags & O_PATH)
		ops = NULL;
	else if (type == S_IFREG)
		ops = ino->iops ? procfs_file_ops_for(ino) : &tmpfs_file_ops;
	else if (type == S_IFDIR)
		ops = &tmpfs_dir_ops;
	else if (type == S_IFCHR)
		ops = chrdev_ops(ino->rdev);
	else if (type == S_IFIFO)
		return pipe_open_fifo(ino, flags, err);
	else
		ops = NULL;
	if (!ops && !(flags & O_PATH)) {
		*err = type == S_IFCHR ? -ENXIO : -EINVAL;
		return NULL;
	}
	struct file *f = file_new(ops, flags);
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	if (type == S_IFCHR && (*err = chrdev_open(f, ino->rdev))) {
		file_put(f);
		return NULL;
	}
	f->inode = ino;
	return f;
}
