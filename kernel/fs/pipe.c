/*
 * Pipes: a 64 KiB ring between a writing end and a reading end. A reader
 * of an empty pipe sleeps until data comes or the last writer closes (EOF:
 * read returns 0). A writer to a pipe nobody can read gets EPIPE and
 * SIGPIPE. Writes of up to PIPE_BUF bytes are never interleaved with others.
 */
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "signum.h"
#include "string.h"
#include "uaccess.h"

#define PIPE_SIZE	65536
#define PIPE_BUF	4096

/* Lock legend: [p] pipe->lock. */
struct pipe {
	struct spinlock lock;
	char *buf;
	uint64_t head, tail;		/* [p] bytes written, bytes read */
	int readers, writers;		/* [p] open ends */
	bool named;			/* a FIFO's: lives as long as its inode */
	struct waitq readable, writable;
};

static struct pipe *pipe_new(void)
{
	struct pipe *p = kzalloc(sizeof(*p));
	if (!p || !(p->buf = kmalloc(PIPE_SIZE))) {
		kfree(p);
		return NULL;
	}
	spin_init(&p->lock, "pipe");
	waitq_init(&p->readable);
	waitq_init(&p->writable);
	return p;
}

static long pipe_read(struct file *f, char *ubuf, size_t n)
{
	struct pipe *p = f->priv;
	long ret = 0;
	spin_lock(&p->lock);
	while (p->head == p->tail) {
		if (!p->writers || !n)
			goto out;		/* EOF */
		if (f->flags & O_NONBLOCK) {
			ret = -EAGAIN;
			goto out;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			goto out;
		}
		sched_sleep(&p->readable, &p->lock);
	}
	while ((size_t)ret < n && p->tail != p->head) {
		size_t off = p->tail % PIPE_SIZE;
		size_t k = MIN(MIN(n - ret, p->head - p->tail), PIPE_SIZE - off);
		if (copy_to_user(ubuf + ret, p->buf + off, k)) {
			ret = ret ? ret : -EFAULT;
			break;
		}
		p->tail += k;
		ret += k;
	}
	sched_wake_all(&p->writable);
	poll_wake();
out:
	spin_unlock(&p->lock);
	return ret;
}

static long pipe_write(struct file *f, const char *ubuf, size_t n)
{
	struct pipe *p = f->priv;
	size_t done = 0;
	bool interrupted = false;
	spin_lock(&p->lock);
	while (done < n) {
		if (!p->readers) {
			spin_unlock(&p->lock);
			struct siginfo info = { .si_signo = SIGPIPE, .si_code = SI_USER };
			info.kill.pid = current->pid;
			send_signal(current, SIGPIPE, &info);
			return done ? (long)done : -EPIPE;
		}
		size_t room = PIPE_SIZE - (p->head - p->tail);
		/* up to PIPE_BUF bytes go in one piece or wait */
		if (!room || (n - done <= PIPE_BUF && room < n - done)) {
			if (f->flags & O_NONBLOCK) {
				spin_unlock(&p->lock);
				return done ? (long)done : -EAGAIN;
			}
			if (signal_pending(current)) {
				interrupted = true;
				break;
			}
			sched_sleep(&p->writable, &p->lock);
			continue;
		}
		size_t off = p->head % PIPE_SIZE, k = MIN(MIN(n - done, room), PIPE_SIZE - off);
		if (copy_from_user(p->buf + off, ubuf + done, k)) {
			spin_unlock(&p->lock);
			return done ? (long)done : -EFAULT;
		}
		p->head += k;
		done += k;
		sched_wake_all(&p->readable);
		poll_wake();
	}
	spin_unlock(&p->lock);
	return done || !interrupted ? (long)done : -ERESTARTSYS;
}

static int pipe_poll(struct file *f)
{
	struct pipe *p = f->priv;
	int mask = 0;
	spin_lock(&p->lock);
	if ((f->flags & O_ACCMODE) != O_WRONLY) {
		if (p->head != p->tail)
			mask |= POLLIN;
		if (!p->writers)
			mask |= POLLHUP;
	}
	if ((f->flags & O_ACCMODE) != O_RDONLY) {
		if (PIPE_SIZE - (p->head - p->tail) >= PIPE_BUF)
			mask |= POLLOUT;
		if (!p->readers)
			mask |= POLLERR;
	}
	spin_unlock(&p->lock);
	return mask;
}

static void pipe_release(struct file *f)
{
	struct pipe *p = f->priv;
	spin_lock(&p->lock);
	if ((f->flags & O_ACCMODE) != O_WRONLY)
		p->readers--;
	if ((f->flags & O_ACCMODE) != O_RDONLY)
		p->writers--;
	bool gone = !p->readers && !p->writers && !p->named;
	sched_wake_all(&p->readable);
	sched_wake_all(&p->writable);
	spin_unlock(&p->lock);
	poll_wake();
	if (gone) {
		kfree(p->buf);
		kfree(p);
	}
}

static const struct file_ops pipe_ops = {
	.read = pipe_read, .write = pipe_write, .poll = pipe_poll, .release = pipe_release,
};

static struct file *pipe_end(struct pipe *p, uint32_t flags)
{
	struct file *f = file_new(&pipe_ops, flags);
	if (f) {
		f->priv = p;
		if ((flags & O_ACCMODE) != O_WRONLY)
			p->readers++;
		if ((flags & O_ACCMODE) != O_RDONLY)
			p->writers++;
	}
	return f;
}

long sys_pipe2(int *ufds, int flags)
{
	if (flags & ~(O_CLOEXEC | O_NONBLOCK | 0x4000 /* O_DIRECT */))
		return -EINVAL;
	struct pipe *p = pipe_new();
	if (!p)
		return -ENOMEM;
	struct inode *ino = inode_new(S_IFIFO | 0600);	/* what fstat shows */
	struct file *r = ino ? pipe_end(p, O_RDONLY | (flags & O_NONBLOCK)) : NULL;
	struct file *w = r ? pipe_end(p, O_WRONLY | (flags & O_NONBLOCK)) : NULL;
	if (!w) {
		if (r)
			file_put(r);	/* frees the pipe and the inode */
		else {
			kfree(p->buf), kfree(p);
			if (ino)
				inode_put(ino);
		}
		return -ENOMEM;
	}
	r->inode = ino;
	inode_get(ino);
	w->inode = ino;
	int fds[2] = { fd_install(r, flags & O_CLOEXEC), -1 };
	if (fds[0] < 0) {
		file_put(w);
		return fds[0];
	}
	if ((fds[1] = fd_install(w, flags & O_CLOEXEC)) < 0) {
		fd_close(fds[0]);
		return fds[1];
	}
	if (copy_to_user(ufds, fds, sizeof(fds))) {
		fd_close(fds[0]);
		fd_close(fds[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(int *ufds) { return sys_pipe2(ufds, 0); }

/* Opening a FIFO (mknod S_IFIFO): ends of the pipe that lives in the inode.
 * FIXME: Linux blocks an open for reading until a writer opens, and back. */
struct file *pipe_open_fifo(struct inode *ino, uint32_t flags, int *err)
{
	spin_lock(&vfs_lock);
	if (!ino->pipe && (ino->pipe = pipe_new()))
		ino->pipe->named = true;
	struct pipe *p = ino->pipe;
	spin_unlock(&vfs_lock);
	if (!p) {
		*err = -ENOMEM;
		return NULL;
	}
	spin_lock(&p->lock);
	struct file *f = pipe_end(p, flags);
	spin_unlock(&p->lock);
	if (!f)
		*err = -ENOMEM;
	else
		f->inode = ino;
	return f;
}
