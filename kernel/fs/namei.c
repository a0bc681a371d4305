/*
 * Path lookup: from the root or a starting directory, one component at a
 * time, following symbolic links (at most 40, then ELOOP) and "..", with
 * Linux's errors: ENOENT, ENOTDIR, ENAMETOOLONG, ELOOP.
 */
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "string.h"
#include "uaccess.h"

static int walk(struct inode *start, const char *path, int flags, struct nameidata *nd, int *links);

/* Resolves the symlink `link` found in dir; returns the target, referenced.
 * Recursive, 40 deep at most: the nameidata lives on the heap, not on the
 * kernel stack, so that depth fits. */
static int follow(struct inode *dir, struct inode *link, int *links, struct inode **out)
{
	if (++*links > MAX_SYMLINKS)
		return -ELOOP;
	struct nameidata *sub = kmalloc(sizeof(*sub));
	if (!sub)
		return -ENOMEM;
	int err = walk(dir, link->target, LOOKUP_FOLLOW, sub, links);
	if (!err)
		*out = sub->inode;
	kfree(sub);
	return err;
}

static int walk(struct inode *start, const char *path, int flags, struct nameidata *nd, int *links)
{
	if (!*path)
		return -ENOENT;
	struct inode *cur = *path == '/' ? root_inode : start;
	inode_get(cur);
	memset(nd, 0, sizeof(*nd));
	for (;;) {
		while (*path == '/')
			path++;
		const char *name = path;
		while (*path && *path != '/')
			path++;
		size_t len = path - name;
		const char *rest = path;
		while (*rest == '/')
			rest++;
		bool last = !*rest, must_dir = *path == '/';
		if (len > NAME_MAX)
			goto fail_err_nametoolong;
		if (!len) {		/* the path was "/" or ended in slashes */
			nd->inode = cur;
			return 0;
		}
		if (!S_ISDIR(cur->mode)) {
			inode_put(cur);
			return -ENOTDIR;
		}
		if (last && (flags & LOOKUP_PARENT)) {
			nd->must_dir = must_dir;
			nd->parent = cur;
			memcpy(nd->last, name, len);
			nd->last[len] = 0;
			nd->last_len = len;
		}
		struct inode *next;
		if (cur->iops && !(len == 1 && name[0] == '.') && !(len == 2 && name[0] == '.' && name[1] == '.')) {
			int err = cur->iops->lookup(cur, name, len, &next);
			if (err && !(err == -ENOENT && last && (flags & LOOKUP_PARENT))) {
				if (!(last && (flags & LOOKUP_PARENT)))
					inode_put(cur);
				else
					inode_put(nd->parent), nd->parent = NULL;
				return err;
			}
			if (err)
				return 0;		/* LOOKUP_PARENT of a missing name */
			goto found;
		}
		spin_lock(&vfs_lock);
		if (len == 1 && name[0] == '.') {
			next = cur;
		} else if (len == 2 && name[0] == '.' && name[1] == '.') {
			next = cur->parent;
		} else {
			struct dentry *d = vfs_dir_find_locked(cur, name, len);
			next = d ? d->inode : NULL;
		}
		if (next)
			next->refs++;
		spin_unlock(&vfs_lock);
		if (!next) {
			if (last && (flags & LOOKUP_PARENT))
				return 0;	/* nd->inode NULL: does not exist yet */
			inode_put(cur);
			return -ENOENT;
		}
found:
		if (S_ISLNK(next->mode) && (!last || must_dir || (flags & LOOKUP_FOLLOW))) {
			struct inode *target;
			int err = follow(cur, next, links, &target);
			inode_put(next);
			if (err) {
				if (nd->parent)
					inode_put(nd->parent);
				else
					inode_put(cur);
				nd->parent = NULL;
				return err;
			}
			next = target;
		}
		if (last && must_dir && !S_ISDIR(next->mode)) {
			inode_put(next);
			if (!nd->parent)
				inode_put(cur);
			else
				inode_put(nd->parent), nd->parent = NULL;
			return -ENOTDIR;
		}
		if (!(last && (flags & LOOKUP_PARENT)))
			inode_put(cur);
		cur = next;
		if (last) {
			nd->inode = cur;
			return 0;
		}
	}
fail_err_nametoolong:
	inode_put(cur);
	return -ENAMETOOLONG;
}

/* Looks path up from start; on success nd holds referenced inodes. */
int vfs_lookup(struct inode *start, const char *path, int flags, struct nameidata *nd)
{
	int links = 0;
	return walk(start, path, flags, nd, &links);
}

int kernel_lookup(const char *path, struct inode **out)
{
	struct nameidata nd;
	int err = vfs_lookup(root_inode, path, LOOKUP_FOLLOW, &nd);
	if (!err)
		*out = nd.inode;
	return err;
}

/* The directory a *at() call starts from: the cwd or dirfd's directory. */
static int start_dir(int dirfd, const char *path, struct inode **out)
{
	if (path[0] == '/' || dirfd == AT_FDCWD) {
		*out = current->cwd;
		inode_get(*out);
		return 0;
	}
	struct file *f = fd_get(dirfd);
	if (!f)
		return -EBADF;
	int err = S_ISDIR(f->inode->mode) ? 0 : -ENOTDIR;
	if (!err) {
		*out = f->inode;
		inode_get(*out);
	}
	file_put(f);
	return err;
}

/* Copies a user path and looks it up relative to dirfd. */
int vfs_lookup_at(int dirfd, const char *upath, int flags, struct nameidata *nd)
{
	char *path = kmalloc(PATH_MAX);
	if (!path)
		return -ENOMEM;
	long n = strncpy_from_user(path, upath, PATH_MAX);
	int err = n < 0 ? (int)n : n == 0 ? -ENOENT : 0;
	struct inode *start = NULL;
	if (!err)
		err = start_dir(dirfd, path, &start);
	if (!err) {
		err = vfs_lookup(start, path, flags, nd);
		inode_put(start);
	}
	kfree(path);
	return err;
}
