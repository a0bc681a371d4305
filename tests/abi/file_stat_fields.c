/* stat/fstat/lstat fields that do not depend on the machine: file type and
 * permission bits, size, a file's link count, st_blksize > 0; symlinks, pipes,
 * directories; fstat agrees with stat. */
#include "abi.h"

static void print(const char *what, const struct stat *st)
{
	const char *type = S_ISREG(st->st_mode) ? "regular" : S_ISDIR(st->st_mode) ? "directory" :
			   S_ISLNK(st->st_mode) ? "symlink" : S_ISFIFO(st->st_mode) ? "fifo" :
			   S_ISCHR(st->st_mode) ? "char device" : "other";
	printf("%s: %s, mode %04o, size %ld, nlink %ld\n", what, type,
	       (unsigned)(st->st_mode & 07777), (long)st->st_size, (long)st->st_nlink);
}

int main(void)
{
	const char *path = "abi_file_stat_fields_file";
	struct stat st, st2;

	umask(022);
	write_file(path, "12345", 5, 0640);
	stat(path, &st);
	print("file", &st);
	printf("  st_blksize > 0: %s\n", yes(st.st_blksize > 0));
	int fd = open(path, O_RDONLY);
	fstat(fd, &st2);
	printf("  fstat agrees (mode, size, ino, dev): %s\n",
	       yes(st.st_mode == st2.st_mode && st.st_size == st2.st_size &&
		   st.st_ino == st2.st_ino && st.st_dev == st2.st_dev));
	close(fd);

	symlink(path, "abi_file_stat_fields_link");
	lstat("abi_file_stat_fields_link", &st);
	printf("symlink (lstat): %s, size is the target's length: %s\n",
	       S_ISLNK(st.st_mode) ? "symlink" : "not a symlink", yes(st.st_size == (long)strlen(path)));
	stat("abi_file_stat_fields_link", &st);
	print("symlink (stat follows)", &st);

	mkdir("abi_file_stat_fields_dir", 0750);
	mkdir("abi_file_stat_fields_dir/sub", 0755);
	stat("abi_file_stat_fields_dir", &st);
	/* NOTE: a directory's nlink and size depend on the file system. */
	printf("directory: %s, mode %04o\n", S_ISDIR(st.st_mode) ? "directory" : "?",
	       (unsigned)(st.st_mode & 07777));

	int p[2];
	pipe(p);
	fstat(p[0], &st);
	printf("pipe: fifo %s, size %ld\n", yes(S_ISFIFO(st.st_mode)), (long)st.st_size);
	printf("fstatat(AT_FDCWD, file, AT_SYMLINK_NOFOLLOW) on the link: %s\n",
	       fstatat(AT_FDCWD, "abi_file_stat_fields_link", &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	       S_ISLNK(st.st_mode) ? "symlink" : "?");
	show("stat of a missing file", stat("abi_file_stat_fields_missing", &st));
	show("stat through a file", stat("abi_file_stat_fields_file/x", &st));

	rmdir("abi_file_stat_fields_dir/sub");
	rmdir("abi_file_stat_fields_dir");
	unlink("abi_file_stat_fields_link");
	unlink(path);
	return 0;
}
