/*
 * Moving data through descriptors: read, write and their vector and
 * positioned forms, lseek, getdents64, ioctl, and poll.
 */
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "string.h"
#include "time.h"
#include "uaccess.h"

#define MAX_RW		0x7ffff000L	/* Linux's MAX_RW_COUNT */
#define IOV_MAX		1024
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

struct iovec { void *base; size_t len; };

struct waitq poll_waitq = WAITQ_INIT(poll_waitq);
static volatile uint64_t poll_seq;

void poll_wake(void)
{
	__atomic_add_fetch(&poll_seq, 1, __ATOMIC_SEQ_CST);
	sched_wake_all(&poll_waitq);
}

static struct file *readable(long fd, long *err)
{
	struct file *f = fd_get(fd);
	*err = -EBADF;
	if (f && ((f->flags & O_ACCMODE) == O_WRONLY || !f->ops || !f->ops->read)) {
		file_put(f);
		return NULL;
	}
	return f;
}

static struct file *writable(long fd, long *err)
{
	struct file *f = fd_get(fd);
	*err = -EBADF;
	if (f && ((f->flags & O_ACCMODE) == O_RDONLY || !f->ops || !f->ops->write)) {
		file_put(f);
		return NULL;
	}
	return f;
}

long sys_read(int fd, char *ubuf, size_t n)
{
	long err;
	struct file *f = readable(fd, &err);
	if (!f)
		return err;
	long r = f->ops->read(f, ubuf, MIN(n, (size_t)MAX_RW));
	file_put(f);
	return r;
}

long sys_write(int fd, const char *ubuf, size_t n)
{
	long err;
	struct file *f = writable(fd, &err);
	if (!f)
		return err;
	long r = f->ops->write(f, ubuf, MIN(n, (size_t)MAX_RW));
	file_put(f);
	return r;
}

static long do_iov(long fd, const struct iovec *uiov, long cnt, bool write)
{
	if (cnt < 0 || cnt > IOV_MAX)
		return -EINVAL;
	struct iovec iov[16];
	long err, total = 0;
	struct file *f = write ? writable(fd, &err) : readable(fd, &err);
	if (!f)
		return err;
	for (long i = 0; i < cnt; i++) {
		if (i % 16 == 0 && copy_from_user(iov, uiov + i, MIN(16, cnt - i) * sizeof(*iov))) {
			total = total ? total : -EFAULT;
			break;
		}
		struct iovec *v = &iov[i % 16];
		if ((long)v->len < 0) {
			total = total ? total : -EINVAL;
			break;
		}
		if (!v->len)
			continue;
		long r = write ? f->ops->write(f, v->base, v->len) : f->ops->read(f, v->base, v->len);
		if (r < 0) {
			total = total ? total : r;
			break;
		}
		total += r;
		if ((size_t)r < v->len)
			break;
	}
	file_put(f);
	return total;
}

long sys_readv(int fd, const struct iovec *uiov, long cnt) { return do_iov(fd, uiov, cnt, false); }
long sys_writev(int fd, const struct iovec *uiov, long cnt) { return do_iov(fd, uiov, cnt, true); }

/* pread/pwrite: the same operations on a private position. */
static long positioned(long fd, char *ubuf, size_t n, long off, bool write)
{
	long err;
	struct file *f = write ? writable(fd, &err) : readable(fd, &err);
	if (!f)
		return err;
	if (!f->ops->seekable || !f->inode || !S_ISREG(f->inode->mode)) {
		file_put(f);
		return S_ISDIR(f->inode ? f->inode->mode : 0) ? -EISDIR : -ESPIPE;
	}
	if (off < 0) {
		file_put(f);
		return -EINVAL;
	}
	struct file tmp = *f;
	tmp.pos = off;		/* with O_APPEND, Linux's pwrite appends anyway */
	n = MIN(n, (size_t)MAX_RW);
	long r = write ? f->ops->write(&tmp, ubuf, n) : f->ops->read(&tmp, ubuf, n);
	file_put(f);
	return r;
}

long sys_pread64(int fd, char *ubuf, size_t n, long off) { return positioned(fd, ubuf, n, off, false); }
long sys_pwrite64(int fd, const char *ubuf, size_t n, long off)
{
	return positioned(fd, (char *)ubuf, n, off, true);
}

long sys_lseek(int fd, long off, int whence)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	long ret;
	if (!f->ops || !f->ops->seekable) {
		ret = -ESPIPE;
	} else {
		spin_lock(&vfs_lock);
		int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (int64_t)f->pos :
			       whence == SEEK_END && f->inode ? (int64_t)f->inode->size : -1;
		if (whence < SEEK_SET || whence > SEEK_END)
			ret = -EINVAL;
		else if (base + off < 0 || (off > 0 && base + off < base))
			ret = -EINVAL;
		else
			ret = f->pos = base + off;
		spin_unlock(&vfs_lock);
	}
	file_put(f);
	return ret;
}

/* ---- directories ---- */

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
} __attribute__((packed));

static uint8_t dtype(uint32_t mode)
{
	static const uint8_t t[16] = { [1] = 1, [2] = 2, [4] = 4, [6] = 6, [8] = 8, [10] = 10, [12] = 12 };
	return t[(mode & S_IFMT) >> 12];
}

/* Appends one record to buf; false if it does not fit. */
static bool put_dirent(char *buf, size_t size, size_t *used, uint64_t ino, int64_t off,
		       uint32_t mode, const char *name)
{
	size_t len = strlen(name), rec = ALIGN_UP(sizeof(struct linux_dirent64) + len + 1, 8);
	if (*used + rec > size)
		return false;
	struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + *used);
	memset(d, 0, rec);
	d->d_ino = ino;
	d->d_off = off;
	d->d_reclen = rec;
	d->d_type = dtype(mode);
	memcpy(d->d_name, name, len);
	*used += rec;
	return true;
}

long sys_getdents64(int fd, void *udirp, size_t count)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	long ret;
	size_t used = 0, size = MIN(count, (size_t)65536);
	char *buf = NULL;
	if (!f->inode || !S_ISDIR(f->inode->mode) || !f->ops) {
		ret = -ENOTDIR;
		goto out;
	}
	if (!(buf = kmalloc(size ? size : 1))) {
		ret = -ENOMEM;
		goto out;
	}
	spin_lock(&vfs_lock);
	struct inode *dir = f->inode;
	uint64_t i = 0;
	struct dentry *d;
	bool full = false;
	if (f->pos == 0 && !(full = !put_dirent(buf, size, &used, dir->ino, 1, S_IFDIR, ".")))
		f->pos = 1;
	if (!full && f->pos == 1 &&
	    !(full = !put_dirent(buf, size, &used, dir->parent->ino, 2, S_IFDIR, "..")))
		f->pos = 2;
	list_for_each_entry(d, &dir->entries, link) {
		if (full || i++ < f->pos - 2)
			continue;
		if (!put_dirent(buf, size, &used, d->inode->ino, f->pos + 1, d->inode->mode, d->name))
			full = true;
		else
			f->pos++;
	}
	spin_unlock(&vfs_lock);
	char name[64];
	uint64_t ino;
	uint32_t mode;
	while (dir->iops && !full && f->pos >= 2 &&	/* a made-up directory: ask it */
	       dir->iops->readdir(dir, f->pos - 2, name, sizeof(name), &ino, &mode)) {
		if (!put_dirent(buf, size, &used, ino, f->pos + 1, mode, name))
			full = true;
		else
			f->pos++;
	}
	ret = full && !used ? -EINVAL : copy_to_user(udirp, buf, used) ? -EFAULT : (long)used;
out:
	kfree(buf);
	file_put(f);
	return ret;
}

long sys_ioctl(int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	long r = f->ops && f->ops->ioctl ? f->ops->ioctl(f, cmd, arg) : -ENOTTY;
	file_put(f);
	return r;
}

/* ---- poll ---- */

struct pollfd { int fd; short events, revents; };

static int poll_once(struct pollfd *p, long n)
{
	int ready = 0;
	for (long i = 0; i < n; i++) {
		p[i].revents = 0;
		if (p[i].fd < 0)
			continue;
		struct file *f = fd_get(p[i].fd);
		int mask = !f ? POLLNVAL : f->ops && f->ops->poll ? f->ops->poll(f) : POLLIN | POLLOUT;
		if (f)
			file_put(f);
		p[i].revents = mask & (p[i].events | POLLERR | POLLHUP | POLLNVAL);
		ready += p[i].revents != 0;
	}
	return ready;
}

/* deadline: absolute monotonic ns, or UINT64_MAX for no timeout. */
static long do_poll(struct pollfd *ufds, long n, uint64_t deadline)
{
	if (n < 0 || n > NR_OPEN)
		return -EINVAL;
	struct pollfd *p = kmalloc(n * sizeof(*p) + 1);
	if (!p)
		return -ENOMEM;
	long ret = copy_from_user(p, ufds, n * sizeof(*p));
	while (!ret) {
		uint64_t seq = READ_ONCE(poll_seq);
		if ((ret = poll_once(p, n)) || time_monotonic_ns() >= deadline)
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTNOHAND;
			break;
		}
		sched_sleep_if(&poll_waitq, &poll_seq, seq, deadline);
	}
	if (ret >= 0 && copy_to_user(ufds, p, n * sizeof(*p)))
		ret = -EFAULT;
	kfree(p);
	return ret;
}

long sys_poll(struct pollfd *ufds, long n, long timeout_ms)
{
	uint64_t deadline = timeout_ms < 0 ? UINT64_MAX : time_monotonic_ns() + timeout_ms * 1000000ULL;
	return do_poll(ufds, n, deadline);
}

/* ppoll: poll with a signal mask that holds only while it waits (as sigsuspend). */
long sys_ppoll(struct pollfd *ufds, long n, const struct timespec64 *uts, const sigset_t *umask,
	       size_t setsize)
{
	uint64_t deadline;
	long err = timeout_deadline(uts, &deadline);
	if (err)
		return err;
	struct proc *p = current;
	if (umask) {
		sigset_t mask;
		if (setsize != sizeof(sigset_t))
			return -EINVAL;
		if (copy_from_user(&mask, umask, sizeof(mask)))
			return -EFAULT;
		spin_lock(&proc_lock);
		p->saved_mask = p->sig_blocked;
		p->restore_mask = true;		/* put back after the handler, or below */
		p->sig_blocked = mask & ~UNBLOCKABLE;
		spin_unlock(&proc_lock);
	}
	long r = do_poll(ufds, n, deadline);
	if (umask && r != -ERESTARTNOHAND) {
		spin_lock(&proc_lock);
		p->sig_blocked = p->saved_mask;
		p->restore_mask = false;
		spin_unlock(&proc_lock);
	}
	return r;
}
