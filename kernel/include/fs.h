#ifndef SYSRET_FS_H
#define SYSRET_FS_H
/*
 * Files: inodes (the files themselves, all in memory: tmpfs), open files,
 * and descriptor tables. One lock, vfs_lock, guards every inode's metadata
 * and every directory; file data is copied to and from user memory outside it.
 */
#include "list.h"
#include "spinlock.h"
#include "types.h"

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)

#define O_ACCMODE	03
#define O_RDONLY	00
#define O_WRONLY	01
#define O_RDWR		02
#define O_CREAT		0100
#define O_EXCL		0200
#define O_NOCTTY	0400
#define O_TRUNC		01000
#define O_APPEND	02000
#define O_NONBLOCK	04000
#define O_DIRECTORY	0200000
#define O_NOFOLLOW	0400000
#define O_CLOEXEC	02000000
#define O_PATH		010000000
#define O_LARGEFILE	0100000

#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000

#define PATH_MAX	4096
#define NAME_MAX	255
#define NR_OPEN		1024	/* descriptors per process (RLIMIT_NOFILE) */
#define MAX_SYMLINKS	40

#define MKDEV(ma, mi)	((((ma) & 0xfff) << 8) | ((mi) & 0xff) | (((mi) & ~0xffu) << 12))
#define MAJOR(d)	(((d) >> 8) & 0xfff)
#define MINOR(d)	(((d) & 0xff) | (((d) >> 12) & 0xfff00))

struct file;
struct pipe;

struct file_ops {
	long (*read)(struct file *f, char *ubuf, size_t n);
	long (*write)(struct file *f, const char *ubuf, size_t n);
	long (*ioctl)(struct file *f, unsigned long cmd, unsigned long arg);
	int (*poll)(struct file *f);		/* POLLIN | POLLOUT | POLLHUP ... now */
	void (*release)(struct file *f);
	bool seekable;
};

/* Lock legend: [v] vfs_lock. */
struct inode {
	uint64_t ino;
	uint32_t mode;			/* [v] type and permissions */
	uint32_t nlink;			/* [v] directory entries naming it */
	uint32_t uid, gid;
	uint32_t rdev;			/* device number, for S_IFCHR */
	uint64_t size;			/* [v] */
	uint64_t atime, mtime, ctime;	/* ns since the epoch */
	int refs;			/* [v] open files, cwds, mappings, entries being used */
	int exec_users;			/* [v] address spaces running it: not to be written (ETXTBSY) */
	struct inode *parent;		/* [v] directories: ".." */
	struct list_head entries;	/* [v] directories: struct dentry */
	paddr_t *pages;			/* [v] regular files: a frame per page, 0 = hole */
	uint64_t npages;		/* [v] slots in pages[] */
	char *target;			/* symlinks */
	struct pipe *pipe;		/* FIFOs */
	const struct inode_ops *iops;	/* synthetic files (procfs); NULL for tmpfs */
	int proc_pid;			/* procfs: whose file this is */
	int proc_kind;			/* procfs: which file */
};

/* Files the kernel makes up as they are looked at (/proc). */
struct inode_ops {
	/* directories: the inode for name (referenced), or an error */
	int (*lookup)(struct inode *dir, const char *name, size_t len, struct inode **out);
	/* directories: the index-th entry; false past the end */
	bool (*readdir)(struct inode *dir, uint64_t index, char *name, size_t size, uint64_t *ino,
			uint32_t *mode);
	/* regular files: the contents now, into buf; returns the length */
	size_t (*generate)(struct inode *ino, char *buf, size_t size);
};

struct dentry {
	struct list_head link;		/* [v] in the parent's entries */
	struct inode *inode;
	char name[];
};

struct file {
	int refs;			/* descriptors and forks sharing it */
	struct inode *inode;
	const struct file_ops *ops;
	uint32_t flags;			/* O_* status flags and access mode */
	uint64_t pos;			/* [v] */
	void *priv;
	char *path;			/* the absolute path it was opened by, for /proc/<pid>/fd */
	bool no_job_control;		/* opened as /dev/console */
};

struct files {
	int refs;
	struct spinlock lock;
	struct file *fd[NR_OPEN];
	uint64_t cloexec[NR_OPEN / 64];
	int nfds;		/* [lock] one past the highest descriptor ever used: walks stop there */
};

extern struct spinlock vfs_lock;
extern struct inode *root_inode;

/* inodes (vfs.c) */
struct inode *inode_new(uint32_t mode);
void inode_get(struct inode *ino);
void inode_put(struct inode *ino);
void inode_exec_get(struct inode *ino);	/* a program's file runs: a reference, no writing */
void inode_exec_put(struct inode *ino);
void inode_read_page(struct inode *ino, uint64_t off, void *dst);
paddr_t inode_page_locked(struct inode *ino, uint64_t off, bool create);
int inode_truncate_locked(struct inode *ino, uint64_t size);
uint64_t vfs_now(void);
int vfs_link_locked(struct inode *dir, const char *name, size_t len, struct inode *ino);
struct dentry *vfs_dir_find_locked(struct inode *dir, const char *name, size_t len);
int vfs_create(const char *path, uint32_t mode, uint32_t rdev, struct inode **out);
int vfs_write_all(struct inode *ino, uint64_t off, const void *src, size_t n);
long vfs_read_kernel(struct inode *ino, uint64_t off, void *dst, size_t n);

/* path lookup (namei.c) */
#define LOOKUP_FOLLOW	1	/* follow a symlink in the last component */
#define LOOKUP_PARENT	2	/* stop at the parent; the last name is returned */
struct nameidata {
	struct inode *inode;		/* the result, referenced */
	struct inode *parent;		/* LOOKUP_PARENT: the directory, referenced */
	char last[NAME_MAX + 1];
	size_t last_len;
	bool must_dir;			/* LOOKUP_PARENT: the path ended in a slash */
};
int vfs_lookup(struct inode *start, const char *path, int flags, struct nameidata *nd);
int vfs_lookup_at(int dirfd, const char *upath, int flags, struct nameidata *nd);
int kernel_lookup(const char *path, struct inode **out);
long vfs_dir_path(struct inode *dir, char *out, size_t size);

/* open files (file.c) */
struct file *file_open_inode(struct inode *ino, uint32_t flags, int *err);
struct file *file_new(const struct file_ops *ops, uint32_t flags);
void file_get(struct file *f);
void file_put(struct file *f);
extern const struct file_ops tmpfs_file_ops, tmpfs_dir_ops;

/* descriptors (fd.c) */
struct files *files_new(void);
struct files *files_fork(struct files *parent);
void files_put(struct files *files);
void files_close_on_exec(struct files *files);
struct file *fd_get(int fd);			/* referenced, or NULL */
int fd_install(struct file *f, bool cloexec);	/* consumes the reference */
long fd_install_at(int fd, struct file *f, bool cloexec);
int fd_install_from(struct file *f, int min, bool cloexec);
int fd_limit(void);
long fd_close(int fd);
bool fd_cloexec(int fd);
void fd_set_cloexec(int fd, bool on);
void vfs_init(void);

/* devices (devices.c) */
const struct file_ops *chrdev_ops(uint32_t rdev);
int chrdev_open(struct file *f, uint32_t rdev);
void devices_init(void);

/* pipes (pipe.c) */
struct file *pipe_open_fifo(struct inode *ino, uint32_t flags, int *err);

/* procfs (procfs.c) */
void procfs_init(void);
const struct file_ops *procfs_file_ops_for(struct inode *ino);
extern const struct file_ops trace_file_ops;	/* kernel/trace.c */

/* initramfs (initramfs.c) */
void initramfs_unpack(const void *archive, size_t len);

long mmap_file_inode(long fd, unsigned long prot, bool shared, struct inode **out);

#define POLLIN		0x001
#define POLLPRI		0x002
#define POLLOUT		0x004
#define POLLERR		0x008
#define POLLHUP		0x010
#define POLLNVAL	0x020
extern struct waitq poll_waitq;	/* woken by every change a poll might wait for */
void poll_wake(void);

#endif
