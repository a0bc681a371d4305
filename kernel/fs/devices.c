/*
 * Character devices, found by number as on Linux: a device node (from the
 * initramfs or mknod) with major:minor reaches the driver registered here.
 *   1:3 null   1:5 zero   1:7 full   1:8 random   1:9 urandom
 *   5:0 tty    5:1 console    4:64 ttyS0
 */
#include "arch.h"
#include "console.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "string.h"
#include "uaccess.h"

extern const struct file_ops tty_ops;
long random_fill_user(char *ubuf, size_t n);

static long null_read(struct file *f, char *ubuf, size_t n) { (void)f, (void)ubuf, (void)n; return 0; }
static long null_write(struct file *f, const char *ubuf, size_t n) { (void)f, (void)ubuf; return n; }

static long zero_read(struct file *f, char *ubuf, size_t n)
{
	(void)f;
	static const char zeros[512];
	for (size_t done = 0; done < n;) {
		size_t k = MIN(n - done, sizeof(zeros));
		if (copy_to_user(ubuf + done, zeros, k))
			return done ? (long)done : -EFAULT;
		done += k;
	}
	return n;
}

static long full_write(struct file *f, const char *ubuf, size_t n) { (void)f, (void)ubuf, (void)n; return -ENOSPC; }
static long random_read(struct file *f, char *ubuf, size_t n) { (void)f; return random_fill_user(ubuf, n); }

static const struct file_ops null_ops = { .read = null_read, .write = null_write, .seekable = true };
static const struct file_ops zero_ops = { .read = zero_read, .write = null_write, .seekable = true };
static const struct file_ops full_ops = { .read = zero_read, .write = full_write, .seekable = true };
static const struct file_ops random_ops = { .read = random_read, .write = null_write };

static const struct { uint32_t major, minor; const struct file_ops *ops; const char *name; } devices[] = {
	{ 1, 3, &null_ops, "null" },
	{ 1, 5, &zero_ops, "zero" },
	{ 1, 7, &full_ops, "full" },
	{ 1, 8, &random_ops, "random" },
	{ 1, 9, &random_ops, "urandom" },
	{ 5, 0, &tty_ops, "tty" },
	{ 5, 1, &tty_ops, "console" },
	{ 4, 64, &tty_ops, "ttyS0" },
};

const struct file_ops *chrdev_ops(uint32_t rdev)
{
	for (size_t i = 0; i < ARRAY_SIZE(devices); i++)
		if (devices[i].major == MAJOR(rdev) && devices[i].minor == MINOR(rdev))
			return devices[i].ops;
	return NULL;
}

/* A device's own work at open (the terminal: controlling tty, /dev/tty). */
int chrdev_open(struct file *f, uint32_t rdev)
{
	return chrdev_ops(rdev) == &tty_ops ? tty_open(f, rdev) : 0;
}

/* /dev with a node for each device, unless the initramfs brought its own. */
void devices_init(void)
{
	char path[32];
	vfs_create("/dev", S_IFDIR | 0755, 0, NULL);
	for (size_t i = 0; i < ARRAY_SIZE(devices); i++) {
		snprintf(path, sizeof(path), "/dev/%s", devices[i].name);
		vfs_create(path, S_IFCHR | 0666, MKDEV(devices[i].major, devices[i].minor), NULL);
	}
	vfs_create("/tmp", S_IFDIR | 01777, 0, NULL);
}
