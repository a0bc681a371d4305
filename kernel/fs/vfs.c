/*
 * Inodes and directories: the file system is tmpfs, all in memory. A
 * regular file's data is a frame per page; a directory is a list of named
 * entries. An inode lives while a directory entry names it (nlink) or
 * anything holds a reference (refs): an unlinked file stays readable
 * through the descriptors still open on it, as on Linux.
 */
#include "arch.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "paging.h"
#include "string.h"
#include "time.h"

struct spinlock vfs_lock = SPINLOCK_INIT("vfs");
struct inode *root_inode;
static uint64_t next_ino = 1;

uint64_t vfs_now(void) { return time_realtime_ns(); }

/* A new inode, referenced once by the caller, named by no directory yet. */
struct inode *inode_new(uint32_t mode)
{
	struct inode *ino = kzalloc(sizeof(*ino));
	if (!ino)
		return NULL;
	list_init(&ino->entries);
	ino->mode = mode;
	ino->refs = 1;
	ino->atime = ino->mtime = ino->ctime = vfs_now();
	spin_lock(&vfs_lock);
	ino->ino = next_ino++;
	spin_unlock(&vfs_lock);
	return ino;
}

void inode_get(struct inode *ino)
{
	spin_lock(&vfs_lock);
	ino->refs++;
	spin_unlock(&vfs_lock);
}

/* An address space starts running ino's code (it holds a reference, and the
 * file may not be written: ETXTBSY), and stops: the deny_write_access of
 * Linux, for the one reason sysret has, code frames shared with the file. */
void inode_exec_get(struct inode *ino)
{
	spin_lock(&vfs_lock);
	ino->refs++;
	ino->exec_users++;
	spin_unlock(&vfs_lock);
}

void inode_exec_put(struct inode *ino)
{
	spin_lock(&vfs_lock);
	ino->exec_users--;
	spin_unlock(&vfs_lock);
	inode_put(ino);
}

static void inode_free(struct inode *ino)
{
	if (ino->iops && ino->parent && ino->parent != ino)
		inode_put(ino->parent);		/* a /proc inode holds its ".." */
	for (uint64_t i = 0; i < ino->npages; i++)
		if (ino->pages[i])
			frame_unref(ino->pages[i]);
	kfree(ino->pages);
	kfree(ino->target);
	kfree(ino);
}

void inode_put(struct inode *ino)
{
	spin_lock(&vfs_lock);
	bool dead = --ino->refs == 0 && ino->nlink == 0;
	spin_unlock(&vfs_lock);
	if (dead)
		inode_free(ino);
}

/* Makes room for n pages in ino->pages[]. [v] held. */
static int reserve_pages_locked(struct inode *ino, uint64_t n)
{
	if (n <= ino->npages)
		return 0;
	uint64_t cap = MAX(n, ino->npages * 2);
	paddr_t *p = kzalloc(cap * sizeof(paddr_t));
	if (!p)
		return -ENOMEM;
	if (ino->pages)
		memcpy(p, ino->pages, ino->npages * sizeof(paddr_t));
	kfree(ino->pages);
	ino->pages = p;
	ino->npages = cap;
	return 0;
}

/* The frame holding byte off, made if missing, and referenced. [v] held. */
paddr_t inode_page_locked(struct inode *ino, uint64_t off, bool create)
{
	uint64_t idx = off / PAGE_SIZE;
	if (idx >= ino->npages && (!create || reserve_pages_locked(ino, idx + 1)))
		return 0;
	paddr_t pa = ino->pages[idx];
	if (!pa && create) {
		if (!(pa = frame_alloc()))
			return 0;
		page_zero(phys_to_virt(pa));
		ino->pages[idx] = pa;
	}
	if (pa)
		frame_ref(pa);
	return pa;
}

/* For a private file mapping: copies the page at off (zeros past the end). */
void inode_read_page(struct inode *ino, uint64_t off, void *dst)
{
	spin_lock(&vfs_lock);
	paddr_t pa = off < ino->size ? inode_page_locked(ino, off, false) : 0;
	uint64_t valid = off < ino->size ? MIN(PAGE_SIZE, ino->size - off) : 0;
	spin_unlock(&vfs_lock);
	if (pa) {
		memcpy(dst, phys_to_virt(pa), valid);
		frame_unref(pa);
	}
}

/* Cuts or extends (with zeros) a regular file. [v] held. */
int inode_truncate_locked(struct inode *ino, uint64_t size)
{
	uint64_t keep = ALIGN_UP(size, PAGE_SIZE) / PAGE_SIZE;
	for (uint64_t i = keep; i < ino->npages; i++)
		if (ino->pages[i]) {
			frame_unref(ino->pages[i]);
			ino->pages[i] = 0;
		}
	if (size % PAGE_SIZE && keep - 1 < ino->npages && ino->pages[keep - 1])
		memset((char *)phys_to_virt(ino->pages[keep - 1]) + size % PAGE_SIZE, 0,
		       PAGE_SIZE - size % PAGE_SIZE);
	ino->size = size;
	ino->mtime = ino->ctime = vfs_now();
	return 0;
}

/* Kernel-internal write (initramfs unpacking). */
int vfs_write_all(struct inode *ino, uint64_t off, const void *src, size_t n)
{
	const char *s = src;
	spin_lock(&vfs_lock);
	while (n) {
		paddr_t pa = inode_page_locked(ino, off, true);
		if (!pa) {
			spin_unlock(&vfs_lock);
			return -ENOMEM;
		}
		size_t k = MIN(n, PAGE_SIZE - off % PAGE_SIZE);
		memcpy((char *)phys_to_virt(pa) + off % PAGE_SIZE, s, k);
		frame_unref(pa);
		off += k, s += k, n -= k;
		ino->size = MAX(ino->size, off);
	}
	spin_unlock(&vfs_lock);
	return 0;
}

/* Kernel-internal read (execve): returns bytes read. */
long vfs_read_kernel(struct inode *ino, uint64_t off, void *dst, size_t n)
{
	char *d = dst;
	size_t done = 0;
	spin_lock(&vfs_lock);
	while (done < n && off < ino->size) {
		size_t k = MIN(MIN(n - done, PAGE_SIZE - off % PAGE_SIZE), ino->size - off);
		uint64_t idx = off / PAGE_SIZE;
		paddr_t pa = idx < ino->npages ? ino->pages[idx] : 0;
		if (pa)
			memcpy(d + done, (char *)phys_to_virt(pa) + off % PAGE_SIZE, k);
		else
			memset(d + done, 0, k);
		done += k, off += k;
	}
	spin_unlock(&vfs_lock);
	return done;
}

struct dentry *vfs_dir_find_locked(struct inode *dir, const char *name, size_t len)
{
	struct dentry *d;
	list_for_each_entry(d, &dir->entries, link)
		if (strlen(d->name) == len && !memcmp(d->name, name, len))
			return d;
	return NULL;
}

/* Names ino in dir. [v] held. */
int vfs_link_locked(struct inode *dir, const char *name, size_t len, struct inode *ino)
{
	if (vfs_dir_find_locked(dir, name, len))
		return -EEXIST;
	struct dentry *d = kmalloc(sizeof(*d) + len + 1);
	if (!d)
		return -ENOMEM;
	memcpy(d->name, name, len);
	d->name[len] = 0;
	d->inode = ino;
	list_add_tail(&d->link, &dir->entries);
	ino->nlink++;
	if (S_ISDIR(ino->mode)) {
		ino->parent = dir;
		ino->nlink++;		/* its own "." */
		dir->nlink++;		/* its ".." */
	}
	dir->mtime = dir->ctime = vfs_now();
	return 0;
}

/* Creates path (parents must exist) for the kernel: initramfs, /dev. */
int vfs_create(const char *path, uint32_t mode, uint32_t rdev, struct inode **out)
{
	struct nameidata nd;
	int err = vfs_lookup(root_inode, path, LOOKUP_PARENT, &nd);
	if (err)
		return err;
	if (nd.inode) {			/* exists: a directory may be made twice */
		err = S_ISDIR(nd.inode->mode) && S_ISDIR(mode) ? 0 : -EEXIST;
		if (!err && out)
			*out = nd.inode;
		else
			inode_put(nd.inode);
		inode_put(nd.parent);
		return err;
	}
	struct inode *ino = inode_new(mode);
	if (!ino) {
		inode_put(nd.parent);
		return -ENOMEM;
	}
	ino->rdev = rdev;
	spin_lock(&vfs_lock);
	err = vfs_link_locked(nd.parent, nd.last, nd.last_len, ino);
	spin_unlock(&vfs_lock);
	inode_put(nd.parent);
	if (!err && out)
		*out = ino;
	else
		inode_put(ino);
	return err;
}

void vfs_init(void)
{
	root_inode = inode_new(S_IFDIR | 0755);
	root_inode->parent = root_inode;
	root_inode->nlink = 2;
}
