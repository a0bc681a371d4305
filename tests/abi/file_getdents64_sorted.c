/* getdents64 lists a directory: ".", "..", and every entry once, with d_type;
 * a small buffer takes several calls; EINVAL when too small for one entry;
 * ENOTDIR on a file. Names are sorted before printing. */
#include "abi.h"
#include <dirent.h>

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static char names[64][64];
static int count, calls;

static const char *type_name(int t)
{
	return t == DT_REG ? "file" : t == DT_DIR ? "dir" : t == DT_LNK ? "symlink" :
	       t == DT_FIFO ? "fifo" : "other";
}

static void list(int fd, size_t bufsize)
{
	char buf[4096] __attribute__((aligned(8)));
	long n;
	count = calls = 0;
	while ((n = syscall(SYS_getdents64, fd, buf, bufsize)) > 0) {
		calls++;
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);
			if (count < 64)
				snprintf(names[count++], 64, "%s (%s)", d->d_name, type_name(d->d_type));
			off += d->d_reclen;
		}
	}
	qsort(names, count, sizeof(names[0]), (int (*)(const void *, const void *))strcmp);
}

int main(void)
{
	const char *dir = "abi_file_getdents64_sorted_dir";
	char path[128];

	mkdir(dir, 0755);
	for (int i = 0; i < 20; i++) {
		snprintf(path, sizeof(path), "%s/entry-%02d-%s", dir, i, i % 2 ? "odd" : "even");
		write_file(path, "x", 1, 0644);
	}
	snprintf(path, sizeof(path), "%s/subdir", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/link", dir);
	symlink("entry-00-even", path);

	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	list(fd, 4096);
	printf("%d entries in %d call(s):\n", count, calls);
	for (int i = 0; i < count; i++)
		printf("  %s\n", names[i]);
	lseek(fd, 0, SEEK_SET);
	list(fd, 64);
	printf("with a 64-byte buffer: %d entries, more than one call: %s\n", count,
	       yes(calls > 1));
	show("at the end", syscall(SYS_getdents64, fd, path, sizeof(path)));
	lseek(fd, 0, SEEK_SET);
	show("buffer of 8 bytes", syscall(SYS_getdents64, fd, path, 8));
	close(fd);

	snprintf(path, sizeof(path), "%s/entry-00-even", dir);
	fd = open(path, O_RDONLY);
	char buf[256];
	show("on a regular file", syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	close(fd);
	show("on a bad fd", syscall(SYS_getdents64, 99, buf, sizeof(buf)));

	for (int i = 0; i < 20; i++) {
		snprintf(path, sizeof(path), "%s/entry-%02d-%s", dir, i, i % 2 ? "odd" : "even");
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/subdir", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/link", dir);
	unlink(path);
	rmdir(dir);
	return 0;
}
