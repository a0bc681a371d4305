/*
 * Descriptor tables: a process's numbered references to open files. fork
 * copies the table (the files are shared, with their positions); execve
 * closes the close-on-exec ones; the lowest free number is always used.
 */
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "string.h"

struct files *files_new(void)
{
	struct files *t = kzalloc(sizeof(*t));
	if (t) {
		t->refs = 1;
		spin_init(&t->lock, "files");
	}
	return t;
}

struct files *files_fork(struct files *parent)
{
	struct files *t = files_new();
	if (!t)
		return NULL;
	spin_lock(&parent->lock);
	for (int i = 0; i < parent->nfds; i++)
		if ((t->fd[i] = parent->fd[i]))
			file_get(t->fd[i]);
	t->nfds = parent->nfds;
	memcpy(t->cloexec, parent->cloexec, sizeof(t->cloexec));
	spin_unlock(&parent->lock);
	return t;
}

void files_put(struct files *t)
{
	if (__atomic_sub_fetch(&t->refs, 1, __ATOMIC_ACQ_REL))
		return;
	for (int i = 0; i < t->nfds; i++)
		if (t->fd[i])
			file_put(t->fd[i]);
	kfree(t);
}

static void set_cloexec_locked(struct files *t, int fd, bool on)
{
	if (on)
		t->cloexec[fd / 64] |= 1UL << (fd % 64);
	else
		t->cloexec[fd / 64] &= ~(1UL << (fd % 64));
}

bool fd_cloexec(int fd)
{
	struct files *t = current->files;
	return fd >= 0 && fd < NR_OPEN && (t->cloexec[fd / 64] >> (fd % 64) & 1);
}

void fd_set_cloexec(int fd, bool on)
{
	struct files *t = current->files;
	spin_lock(&t->lock);
	set_cloexec_locked(t, fd, on);
	spin_unlock(&t->lock);
}

void files_close_on_exec(struct files *t)
{
	for (int w = 0; w < NR_OPEN / 64; w++) {
		for (;;) {	/* only the descriptors whose close-on-exec bit is set */
			spin_lock(&t->lock);
			uint64_t bits = t->cloexec[w];
			int i = w * 64 + (bits ? __builtin_ctzll(bits) : 0);
			struct file *f = bits ? t->fd[i] : NULL;
			if (bits) {
				t->fd[i] = NULL;
				set_cloexec_locked(t, i, false);
			}
			spin_unlock(&t->lock);
			if (!bits)
				break;
			if (f)
				file_put(f);
		}
	}
}

struct file *fd_get(int fd)
{
	struct files *t = current->files;
	if (fd < 0 || fd >= NR_OPEN)
		return NULL;
	spin_lock(&t->lock);
	struct file *f = t->fd[fd];
	if (f)
		file_get(f);
	spin_unlock(&t->lock);
	return f;
}

/* Descriptors run from 0 to below RLIMIT_NOFILE's soft limit. */
int fd_limit(void)
{
	return MIN(current->rlim[RLIMIT_NOFILE].cur, (uint64_t)NR_OPEN);
}

/* The lowest free descriptor >= min for f (the reference is consumed). */
int fd_install_from(struct file *f, int min, bool cloexec)
{
	struct files *t = current->files;
	int limit = fd_limit();
	spin_lock(&t->lock);
	for (int i = min; i < limit; i++)
		if (!t->fd[i]) {
			t->fd[i] = f;
			t->nfds = MAX(t->nfds, i + 1);
			set_cloexec_locked(t, i, cloexec);
			spin_unlock(&t->lock);
			return i;
		}
	spin_unlock(&t->lock);
	file_put(f);
	return -EMFILE;
}

int fd_install(struct file *f, bool cloexec) { return fd_install_from(f, 0, cloexec); }

/* Puts f at fd, closing what was there (dup2). */
long fd_install_at(int fd, struct file *f, bool cloexec)
{
	struct files *t = current->files;
	if (fd < 0 || fd >= fd_limit()) {
		file_put(f);
		return -EBADF;
	}
	spin_lock(&t->lock);
	struct file *old = t->fd[fd];
	t->fd[fd] = f;
	t->nfds = MAX(t->nfds, fd + 1);
	set_cloexec_locked(t, fd, cloexec);
	spin_unlock(&t->lock);
	if (old)
		file_put(old);
	return fd;
}

long fd_close(int fd)
{
	struct files *t = current->files;
	if (fd < 0 || fd >= NR_OPEN)
		return -EBADF;
	spin_lock(&t->lock);
	struct file *f = t->fd[fd];
	t->fd[fd] = NULL;
	set_cloexec_locked(t, fd, false);
	spin_unlock(&t->lock);
	if (!f)
		return -EBADF;
	file_put(f);
	return 0;
}
