/*
 * Opening and describing files: open/openat/creat, close, dup, fcntl, the
 * stat family, access, truncate, umask, mknod, chmod.
 */
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "string.h"
#include "time.h"
#include "uaccess.h"

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_SETLK		6
#define F_SETLKW	7
#define F_GETLK		5
#define F_DUPFD_CLOEXEC	1030
#define FD_CLOEXEC	1
#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

/* Creates the regular file nd names (nd->inode NULL, nd->parent set). */
static int create_file(struct nameidata *nd, uint32_t mode)
{
	struct inode *ino = inode_new(S_IFREG | (mode & 07777 & ~current->umask));
	if (!ino)
		return -ENOMEM;
	spin_lock(&vfs_lock);
	int err = vfs_link_locked(nd->parent, nd->last, nd->last_len, ino);
	spin_unlock(&vfs_lock);
	if (err) {
		inode_put(ino);
		return err;
	}
	nd->inode = ino;
	return 0;
}

static int open_checks(struct inode *ino, uint32_t flags)
{
	uint32_t acc = flags & O_ACCMODE;
	if (S_ISLNK(ino->mode))
		return (flags & O_PATH) ? 0 : -ELOOP;
	if ((flags & O_DIRECTORY) && !S_ISDIR(ino->mode))
		return -ENOTDIR;
	if (S_ISDIR(ino->mode) && (acc != O_RDONLY || (flags & O_TRUNC)) && !(flags & O_PATH))
		return -EISDIR;
	if (S_ISREG(ino->mode) && (acc != O_RDONLY || (flags & O_TRUNC)) && READ_ONCE(ino->exec_users))
		return -ETXTBSY;	/* a running program's code is this file's frames */
	return 0;
}

/* The path an open file came from, made absolute, for /proc/<pid>/fd
 * (NULL if it cannot be had; the file works all the same). */
static char *absolute_path(int dirfd, const char *upath)
{
	char *path = kmalloc(PATH_MAX), *rel = kmalloc(PATH_MAX);
	if (!path || !rel || strncpy_from_user(rel, upath, PATH_MAX) < 0)
		goto fail;
	if (rel[0] == '/') {
		strlcpy(path, rel, PATH_MAX);
	} else {
		struct file *d = dirfd == AT_FDCWD ? NULL : fd_get(dirfd);
		struct inode *dir = d ? d->inode : current->cwd;
		long n = dir ? vfs_dir_path(dir, path, PATH_MAX) : -ENOENT;
		if (d)
			file_put(d);
		if (n < 0)
			goto fail;
		size_t len = strlen(path);
		snprintf(path + len, PATH_MAX - len, "%s%s", len > 1 ? "/" : "", rel);
	}
	kfree(rel);
	return path;
fail:
	kfree(path);
	kfree(rel);
	return NULL;
}

long do_openat(int dirfd, const char *upath, uint32_t flags, uint32_t mode)
{
	struct nameidata nd;
	bool follow = !(flags & O_NOFOLLOW) && !((flags & O_CREAT) && (flags & O_EXCL));
	int err = vfs_lookup_at(dirfd, upath, (follow ? LOOKUP_FOLLOW : 0) |
				((flags & O_CREAT) ? LOOKUP_PARENT : 0), &nd);
	if (err)
		return err;
	if (flags & O_CREAT) {
		if (!nd.parent) {		/* "/" */
			inode_put(nd.inode);
			return -EISDIR;
		}
		if (nd.inode && (flags & O_EXCL))
			err = -EEXIST;
		else if (nd.must_dir || (nd.inode && S_ISDIR(nd.inode->mode)))
			err = -EISDIR;
		else if (!nd.inode)
			err = create_file(&nd, mode);
		inode_put(nd.parent);
		if (err) {
			if (nd.inode)
				inode_put(nd.inode);
			return err;
		}
	}
	struct inode *ino = nd.inode;
	if ((err = open_checks(ino, flags))) {
		inode_put(ino);
		return err;
	}
	if ((flags & O_TRUNC) && S_ISREG(ino->mode)) {	/* Linux truncates even for O_RDONLY */
		spin_lock(&vfs_lock);
		inode_truncate_locked(ino, 0);
		spin_unlock(&vfs_lock);
	}
	struct file *f = file_open_inode(ino, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC), &err);
	if (!f) {
		inode_put(ino);
		return err;
	}
	f->path = absolute_path(dirfd, upath);
	return fd_install(f, flags & O_CLOEXEC);
}

long sys_openat(int dirfd, const char *upath, int flags, int mode)
{
	return do_openat(dirfd, upath, flags, mode);
}

long sys_open(const char *upath, int flags, int mode)
{
	return do_openat(AT_FDCWD, upath, flags, mode);
}

long sys_creat(const char *upath, int mode)
{
	return do_openat(AT_FDCWD, upath, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(int fd) { return fd_close(fd); }

long sys_dup(int fd)
{
	struct file *f = fd_get(fd);
	return f ? fd_install(f, false) : -EBADF;
}

long sys_dup3(int oldfd, int newfd, int flags)
{
	if (oldfd == newfd || (flags & ~O_CLOEXEC))
		return -EINVAL;
	struct file *f = fd_get(oldfd);
	if (!f)
		return -EBADF;
	return fd_install_at(newfd, f, flags & O_CLOEXEC);
}

long sys_dup2(int oldfd, int newfd)
{
	if (oldfd == newfd) {
		struct file *f = fd_get(oldfd);
		if (!f)
			return -EBADF;
		file_put(f);
		return newfd;
	}
	return sys_dup3(oldfd, newfd, 0);
}

long sys_fcntl(int fd, int cmd, long arg)
{
	struct file *f = fd_get(fd);
	long ret = 0;
	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg < 0 || arg >= fd_limit()) {
			ret = -EINVAL;
			break;
		}
		file_get(f);
		ret = fd_install_from(f, arg, cmd == F_DUPFD_CLOEXEC);
		break;
	case F_GETFD:
		ret = fd_cloexec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		fd_set_cloexec(fd, arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		ret = f->flags & ~O_CLOEXEC;
		break;
	case F_SETFL:
		f->flags = (f->flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		break;
	case F_GETLK: case F_SETLK: case F_SETLKW:
		ret = 0;	/* one machine, no other users: advisory locks always succeed */
		break;
	default:
		ret = -EINVAL;
	}
	file_put(f);
	return ret;
}

/* ---- stat ---- */

struct linux_stat {
	uint64_t st_dev, st_ino, st_nlink;
	uint32_t st_mode, st_uid, st_gid, pad0;
	uint64_t st_rdev;
	int64_t st_size, st_blksize, st_blocks;
	struct timespec64 st_atim, st_mtim, st_ctim;
	int64_t unused[3];
};
_Static_assert(sizeof(struct linux_stat) == 144, "Linux x86-64 struct stat");

static long fill_stat(struct inode *ino, struct linux_stat *ust)
{
	struct linux_stat st = { 0 };
	spin_lock(&vfs_lock);
	st.st_dev = 0x10;	/* tmpfs, as one device */
	st.st_ino = ino->ino;
	st.st_nlink = ino->nlink;
	st.st_mode = ino->mode;
	st.st_uid = ino->uid;
	st.st_gid = ino->gid;
	st.st_rdev = ino->rdev;
	st.st_size = S_ISLNK(ino->mode) ? (int64_t)strlen(ino->target) : (int64_t)ino->size;
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = ALIGN_UP(ino->size, PAGE_SIZE) / 512;
	st.st_atim = (struct timespec64){ ino->atime / 1000000000, ino->atime % 1000000000 };
	st.st_mtim = (struct timespec64){ ino->mtime / 1000000000, ino->mtime % 1000000000 };
	st.st_ctim = (struct timespec64){ ino->ctime / 1000000000, ino->ctime % 1000000000 };
	spin_unlock(&vfs_lock);
	return copy_to_user(ust, &st, sizeof(st));
}

long sys_fstat(int fd, struct linux_stat *ust)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	long err = f->inode ? fill_stat(f->inode, ust) : -EBADF;
	file_put(f);
	return err;
}

long sys_newfstatat(int dirfd, const char *upath, struct linux_stat *ust, int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | 0x800 /* AT_NO_AUTOMOUNT */))
		return -EINVAL;
	if (flags & AT_EMPTY_PATH) {
		char c;
		if (get_user(c, upath))
			return -EFAULT;
		if (!c)
			return dirfd == AT_FDCWD ? fill_stat(current->cwd, ust) : sys_fstat(dirfd, ust);
	}
	struct nameidata nd;
	int err = vfs_lookup_at(dirfd, upath, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &nd);
	if (err)
		return err;
	err = fill_stat(nd.inode, ust);
	inode_put(nd.inode);
	return err;
}

long sys_stat(const char *upath, struct linux_stat *ust) { return sys_newfstatat(AT_FDCWD, upath, ust, 0); }
long sys_lstat(const char *upath, struct linux_stat *ust)
{
	return sys_newfstatat(AT_FDCWD, upath, ust, AT_SYMLINK_NOFOLLOW);
}

/* Everyone is root: only execute permission needs an x bit somewhere. */
long sys_faccessat(int dirfd, const char *upath, int mode, int flags)
{
	if (mode & ~7L)
		return -EINVAL;
	struct nameidata nd;
	int err = vfs_lookup_at(dirfd, upath, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &nd);
	if (err)
		return err;
	if ((mode & 1) && !S_ISDIR(nd.inode->mode) && !(nd.inode->mode & 0111))
		err = -EACCES;
	inode_put(nd.inode);
	return err;
}

long sys_access(const char *upath, int mode) { return sys_faccessat(AT_FDCWD, upath, mode, 0); }

static long truncate_inode(struct inode *ino, long len)
{
	if (len < 0)
		return -EINVAL;
	if (READ_ONCE(ino->exec_users))
		return -ETXTBSY;
	if (S_ISDIR(ino->mode))
		return -EISDIR;
	if (!S_ISREG(ino->mode))
		return -EINVAL;
	spin_lock(&vfs_lock);
	long err = inode_truncate_locked(ino, len);
	spin_unlock(&vfs_lock);
	return err;
}

long sys_truncate(const char *upath, long len)
{
	struct nameidata nd;
	int err = vfs_lookup_at(AT_FDCWD, upath, LOOKUP_FOLLOW, &nd);
	if (err)
		return err;
	err = truncate_inode(nd.inode, len);
	inode_put(nd.inode);
	return err;
}

long sys_ftruncate(int fd, long len)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	long err = !f->inode || (f->flags & O_ACCMODE) == O_RDONLY ? -EINVAL : truncate_inode(f->inode, len);
	if (err == -EISDIR)
		err = -EINVAL;
	file_put(f);
	return err;
}

long sys_umask(int mask)
{
	long old = current->umask;
	current->umask = mask & 0777;
	return old;
}

long sys_mknodat(int dirfd, const char *upath, int mode, int dev)
{
	uint32_t type = mode & S_IFMT;
	if (type == 0)
		type = S_IFREG;
	if (type != S_IFREG && type != S_IFCHR && type != S_IFIFO && type != S_IFBLK)
		return -EINVAL;
	struct nameidata nd;
	int err = vfs_lookup_at(dirfd, upath, LOOKUP_PARENT, &nd);
	if (err)
		return err;
	if (!nd.parent || nd.inode) {
		if (nd.inode)
			inode_put(nd.inode);
		if (nd.parent)
			inode_put(nd.parent);
		return -EEXIST;
	}
	struct inode *ino = inode_new(type | (mode & 07777 & ~current->umask));
	err = -ENOMEM;
	if (ino) {
		ino->rdev = dev;
		spin_lock(&vfs_lock);
		err = vfs_link_locked(nd.parent, nd.last, nd.last_len, ino);
		spin_unlock(&vfs_lock);
		inode_put(ino);
	}
	inode_put(nd.parent);
	return err;
}

long sys_mknod(const char *upath, int mode, int dev) { return sys_mknodat(AT_FDCWD, upath, mode, dev); }

static long chmod_inode(struct inode *ino, long mode)
{
	spin_lock(&vfs_lock);
	ino->mode = (ino->mode & S_IFMT) | (mode & 07777);
	ino->ctime = vfs_now();
	spin_unlock(&vfs_lock);
	return 0;
}

long sys_fchmodat(int dirfd, const char *upath, int mode)
{
	struct nameidata nd;
	int err = vfs_lookup_at(dirfd, upath, LOOKUP_FOLLOW, &nd);
	if (err)
		return err;
	chmod_inode(nd.inode, mode);
	inode_put(nd.inode);
	return 0;
}

long sys_chmod(const char *upath, int mode) { return sys_fchmodat(AT_FDCWD, upath, mode); }

long sys_fchmod(int fd, int mode)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	long err = f->inode ? chmod_inode(f->inode, mode) : -EBADF;
	file_put(f);
	return err;
}

/* mmap of a file: tmpfs files privately; /dev/zero as anonymous memory. */
long mmap_file_inode(long fd, unsigned long prot, bool shared, struct inode **out)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	long err = 0;
	*out = NULL;
	if (!f->inode || !S_ISREG(f->inode->mode))
		err = f->inode && S_ISCHR(f->inode->mode) && MAJOR(f->inode->rdev) == 1 ? 0 : -ENODEV;
	else if ((f->flags & O_ACCMODE) == O_WRONLY)
		err = -EACCES;
	else if (shared && (prot & 2) && (f->flags & O_ACCMODE) == O_RDONLY)
		err = -EACCES;
	else {
		*out = f->inode;
		inode_get(*out);
	}
	file_put(f);
	return err;
}

long sys_faccessat2(int dirfd, const char *upath, int mode, int flags)
{
	return sys_faccessat(dirfd, upath, mode, flags);
}

#define UTIME_NOW	((1L << 30) - 1)
#define UTIME_OMIT	((1L << 30) - 2)

/* utimensat: set access and modification times (NULL: now). */
long sys_utimensat(int dirfd, const char *upath, const struct timespec64 *uts, int flags)
{
	struct timespec64 ts[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	if (uts && copy_from_user(ts, uts, sizeof(ts)))
		return -EFAULT;
	for (int i = 0; i < 2; i++)
		if (ts[i].tv_nsec != UTIME_NOW && ts[i].tv_nsec != UTIME_OMIT &&
		    (ts[i].tv_nsec < 0 || ts[i].tv_nsec >= 1000000000))
			return -EINVAL;
	struct inode *ino;
	if (!upath) {			/* futimens: the file dirfd refers to */
		struct file *f = fd_get(dirfd);
		if (!f)
			return -EBADF;
		ino = f->inode;
		if (ino)
			inode_get(ino);
		file_put(f);
		if (!ino)
			return -EBADF;
	} else {
		struct nameidata nd;
		int err = vfs_lookup_at(dirfd, upath, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &nd);
		if (err)
			return err;
		ino = nd.inode;
	}
	uint64_t now = vfs_now();
	spin_lock(&vfs_lock);
	uint64_t *field[2] = { &ino->atime, &ino->mtime };
	for (int i = 0; i < 2; i++)
		if (ts[i].tv_nsec != UTIME_OMIT)
			*field[i] = ts[i].tv_nsec == UTIME_NOW ? now :
				    (uint64_t)ts[i].tv_sec * 1000000000ULL + ts[i].tv_nsec;
	ino->ctime = now;
	spin_unlock(&vfs_lock);
	inode_put(ino);
	return 0;
}
