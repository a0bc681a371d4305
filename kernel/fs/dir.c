/*
 * Names: mkdir, rmdir, unlink, rename, link, symlink, readlink, and the
 * working directory (chdir, fchdir, getcwd).
 */
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "string.h"
#include "uaccess.h"

static bool is_dot(const struct nameidata *nd)
{
	return (nd->last_len == 1 && nd->last[0] == '.') ||
	       (nd->last_len == 2 && nd->last[0] == '.' && nd->last[1] == '.');
}

static void nd_release(struct nameidata *nd)
{
	if (nd->inode)
		inode_put(nd->inode);
	if (nd->parent)
		inode_put(nd->parent);
}

long sys_mkdirat(int dirfd, const char *upath, int mode)
{
	struct nameidata nd;
	int err = vfs_lookup_at(dirfd, upath, LOOKUP_PARENT, &nd);
	if (err)
		return err;
	if (nd.inode || !nd.parent) {
		nd_release(&nd);
		return -EEXIST;
	}
	struct inode *ino = inode_new(S_IFDIR | (mode & 07777 & ~current->umask));
	err = -ENOMEM;
	if (ino) {
		spin_lock(&vfs_lock);
		err = vfs_link_locked(nd.parent, nd.last, nd.last_len, ino);
		spin_unlock(&vfs_lock);
		inode_put(ino);
	}
	nd_release(&nd);
	return err;
}

long sys_mkdir(const char *upath, int mode) { return sys_mkdirat(AT_FDCWD, upath, mode); }

/* Removes the entry nd names. [v] held. */
static void unlink_locked(struct inode *dir, struct dentry *d)
{
	struct inode *ino = d->inode;
	list_del(&d->link);
	kfree(d);
	ino->nlink--;
	if (S_ISDIR(ino->mode)) {
		ino->nlink = 0;
		dir->nlink--;
	}
	ino->ctime = dir->mtime = dir->ctime = vfs_now();
}

static long remove(long dirfd, const char *upath, bool dir)
{
	struct nameidata nd;
	int err = vfs_lookup_at(dirfd, upath, LOOKUP_PARENT, &nd);
	if (err)
		return err;
	if (!nd.parent)
		err = -EBUSY;			/* "/" */
	else if (!nd.inode)
		err = -ENOENT;
	else if (dir && nd.last_len == 1 && nd.last[0] == '.')
		err = -EINVAL;
	else if (dir && is_dot(&nd))
		err = -ENOTEMPTY;
	else if (!dir && S_ISDIR(nd.inode->mode))
		err = -EISDIR;
	else if (dir && !S_ISDIR(nd.inode->mode))
		err = -ENOTDIR;
	if (err) {
		nd_release(&nd);
		return err;
	}
	spin_lock(&vfs_lock);
	struct dentry *d = vfs_dir_find_locked(nd.parent, nd.last, nd.last_len);
	if (!d || d->inode != nd.inode)
		err = -ENOENT;
	else if (dir && !list_empty(&nd.inode->entries))
		err = -ENOTEMPTY;
	else if (dir && nd.inode == current->cwd && nd.inode == root_inode)
		err = -EBUSY;
	else
		unlink_locked(nd.parent, d);
	spin_unlock(&vfs_lock);
	nd_release(&nd);
	return err;
}

long sys_unlinkat(int dirfd, const char *upath, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return remove(dirfd, upath, flags & AT_REMOVEDIR);
}

long sys_unlink(const char *upath) { return remove(AT_FDCWD, upath, false); }
long sys_rmdir(const char *upath) { return remove(AT_FDCWD, upath, true); }

/* Is a an ancestor of (or the same as) b? [v] held. */
static bool is_ancestor_locked(struct inode *a, struct inode *b)
{
	for (;;) {
		if (a == b)
			return true;
		if (b == root_inode || !b->parent)
			return false;
		b = b->parent;
	}
}

static long rename_checks_locked(struct nameidata *from, struct nameidata *to)
{
	struct inode *src = from->inode, *dst = to->inode;
	if (is_dot(from) || is_dot(to))
		return -EBUSY;
	if (S_ISDIR(src->mode) && is_ancestor_locked(src, to->parent))
		return -EINVAL;
	if (!dst)
		return 0;
	if (S_ISDIR(src->mode) && !S_ISDIR(dst->mode))
		return -ENOTDIR;
	if (!S_ISDIR(src->mode) && S_ISDIR(dst->mode))
		return -EISDIR;
	if (S_ISDIR(dst->mode) && !list_empty(&dst->entries))
		return -ENOTEMPTY;
	return 0;
}

long sys_renameat2(int olddir, const char *uold, int newdir, const char *unew, int flags)
{
	if (flags)
		return -EINVAL;
	struct nameidata from, to;
	int err = vfs_lookup_at(olddir, uold, LOOKUP_PARENT, &from);
	if (err)
		return err;
	if ((err = vfs_lookup_at(newdir, unew, LOOKUP_PARENT, &to))) {
		nd_release(&from);
		return err;
	}
	if (!from.parent || !to.parent)
		err = -EBUSY;
	else if (!from.inode)
		err = -ENOENT;
	spin_lock(&vfs_lock);
	if (!err && from.inode != to.inode && !(err = rename_checks_locked(&from, &to))) {
		struct dentry *d = vfs_dir_find_locked(to.parent, to.last, to.last_len);
		if (d)
			unlink_locked(to.parent, d);
		d = vfs_dir_find_locked(from.parent, from.last, from.last_len);
		struct inode *ino = d->inode;
		unlink_locked(from.parent, d);
		if (S_ISDIR(ino->mode))
			ino->nlink = 0;
		err = vfs_link_locked(to.parent, to.last, to.last_len, ino);
	}
	spin_unlock(&vfs_lock);
	nd_release(&from);
	nd_release(&to);
	return err;
}

long sys_renameat(int olddir, const char *uold, int newdir, const char *unew)
{
	return sys_renameat2(olddir, uold, newdir, unew, 0);
}

long sys_rename(const char *uold, const char *unew) { return sys_renameat2(AT_FDCWD, uold, AT_FDCWD, unew, 0); }

long sys_linkat(int olddir, const char *uold, int newdir, const char *unew, int flags)
{
	struct nameidata from, to;
	int err = vfs_lookup_at(olddir, uold, (flags & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0, &from);
	if (err)
		return err;
	if ((err = vfs_lookup_at(newdir, unew, LOOKUP_PARENT, &to))) {
		inode_put(from.inode);
		return err;
	}
	if (S_ISDIR(from.inode->mode))
		err = -EPERM;
	else if (to.inode || !to.parent)
		err = -EEXIST;
	else {
		spin_lock(&vfs_lock);
		err = vfs_link_locked(to.parent, to.last, to.last_len, from.inode);
		spin_unlock(&vfs_lock);
	}
	inode_put(from.inode);
	nd_release(&to);
	return err;
}

long sys_link(const char *uold, const char *unew) { return sys_linkat(AT_FDCWD, uold, AT_FDCWD, unew, 0); }

long sys_symlinkat(const char *utarget, int dirfd, const char *upath)
{
	char *target = kmalloc(PATH_MAX);
	if (!target)
		return -ENOMEM;
	long n = strncpy_from_user(target, utarget, PATH_MAX);
	if (n < 0 || n == 0) {
		kfree(target);
		return n < 0 ? n : -ENOENT;
	}
	struct nameidata nd;
	int err = vfs_lookup_at(dirfd, upath, LOOKUP_PARENT, &nd);
	if (err) {
		kfree(target);
		return err;
	}
	if (nd.inode || !nd.parent) {
		nd_release(&nd);
		kfree(target);
		return -EEXIST;
	}
	struct inode *ino = inode_new(S_IFLNK | 0777);
	err = -ENOMEM;
	if (ino) {
		ino->target = target;
		ino->size = n;
		target = NULL;
		spin_lock(&vfs_lock);
		err = vfs_link_locked(nd.parent, nd.last, nd.last_len, ino);
		spin_unlock(&vfs_lock);
		inode_put(ino);
	}
	kfree(target);
	nd_release(&nd);
	return err;
}

long sys_symlink(const char *utarget, const char *upath) { return sys_symlinkat(utarget, AT_FDCWD, upath); }

long sys_readlinkat(int dirfd, const char *upath, char *ubuf, int size)
{
	if (size <= 0)
		return -EINVAL;
	struct nameidata nd;
	int err = vfs_lookup_at(dirfd, upath, 0, &nd);
	if (err)
		return err;
	long ret = -EINVAL;
	if (S_ISLNK(nd.inode->mode)) {
		size_t n = MIN((size_t)size, strlen(nd.inode->target));
		ret = copy_to_user(ubuf, nd.inode->target, n) ? -EFAULT : (long)n;
	}
	inode_put(nd.inode);
	return ret;
}

long sys_readlink(const char *upath, char *ubuf, int size) { return sys_readlinkat(AT_FDCWD, upath, ubuf, size); }

static long set_cwd(struct inode *ino)
{
	if (!S_ISDIR(ino->mode)) {
		inode_put(ino);
		return -ENOTDIR;
	}
	struct inode *old = current->cwd;
	current->cwd = ino;
	inode_put(old);
	return 0;
}

long sys_chdir(const char *upath)
{
	struct nameidata nd;
	int err = vfs_lookup_at(AT_FDCWD, upath, LOOKUP_FOLLOW, &nd);
	return err ? err : set_cwd(nd.inode);
}

long sys_fchdir(int fd)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	struct inode *ino = f->inode;
	long err = -ENOTDIR;
	if (ino) {
		inode_get(ino);
		err = set_cwd(ino);
	}
	file_put(f);
	return err;
}

/* The absolute path of directory dir, built by walking ".." and finding
 * each name in its parent; its length with the NUL, or an error. */
long vfs_dir_path(struct inode *dir, char *out, size_t size)
{
	char *buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	size_t pos = PATH_MAX - 1;
	buf[pos] = 0;
	long err = 0;
	spin_lock(&vfs_lock);
	struct inode *ino = dir;
	if (ino->nlink == 0 && !ino->iops)
		err = -ENOENT;		/* the directory was removed */
	while (!err && ino != root_inode) {
		struct inode *parent = ino->parent;
		struct dentry *d, *found = NULL;
		list_for_each_entry(d, &parent->entries, link)
			if (d->inode == ino)
				found = d;
		char num[24];
		const char *name = found ? found->name : NULL;
		if (!found && ino->iops) {	/* /proc/<pid> and below are named by number */
			snprintf(num, sizeof(num), "%d", ino->proc_pid);
			name = ino->parent == root_inode ? "proc" : num;
		}
		size_t len = name ? strlen(name) : 0;
		if (!name || len + 1 > pos) {
			err = name ? -ENAMETOOLONG : -ENOENT;
			break;
		}
		pos -= len;
		memcpy(buf + pos, name, len);
		buf[--pos] = '/';
		ino = parent;
	}
	spin_unlock(&vfs_lock);
	if (!err && pos == PATH_MAX - 1)
		buf[--pos] = '/';
	size_t len = PATH_MAX - pos;
	if (!err && size < len)
		err = -ERANGE;
	if (!err)
		memcpy(out, buf + pos, len);
	kfree(buf);
	return err ? err : (long)len;
}

long sys_getcwd(char *ubuf, size_t size)
{
	char *buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	long len = vfs_dir_path(current->cwd, buf, MIN(size, (size_t)PATH_MAX));
	if (len > 0 && copy_to_user(ubuf, buf, len))
		len = -EFAULT;
	kfree(buf);
	return len;
}
