/* symlink + readlink: the target is stored verbatim (no NUL appended by
 * readlink, truncated to the buffer); open follows the link; readlink of a
 * non-link is EINVAL; symlink over an existing name is EEXIST; loops ELOOP. */
#include "abi.h"

int main(void)
{
	char buf[64];

	write_file("abi_file_symlink_target", "via the link", 12, 0644);
	show("symlink", symlink("abi_file_symlink_target", "abi_file_symlink_link"));
	memset(buf, '#', sizeof(buf));
	long n = readlink("abi_file_symlink_link", buf, sizeof(buf));
	printf("readlink: %ld \"%.*s\", byte after it untouched: %s\n", n, (int)n, buf,
	       yes(buf[n] == '#'));
	n = readlink("abi_file_symlink_link", buf, 5);
	printf("readlink into 5 bytes: %ld \"%.*s\"\n", n, (int)n, buf);
	int fd = open("abi_file_symlink_link", O_RDONLY);
	n = read(fd, buf, sizeof(buf));
	printf("open follows: \"%.*s\"\n", (int)n, buf);
	close(fd);
	show("open with O_NOFOLLOW", open("abi_file_symlink_link", O_RDONLY | O_NOFOLLOW));
	show("readlink of a regular file", readlink("abi_file_symlink_target", buf, sizeof(buf)));
	show("readlink of a missing name", readlink("abi_file_symlink_missing", buf, sizeof(buf)));
	show("symlink over an existing name", symlink("x", "abi_file_symlink_target"));
	symlink("abi_file_symlink_loop2", "abi_file_symlink_loop1");
	symlink("abi_file_symlink_loop1", "abi_file_symlink_loop2");
	show("open a symlink loop", open("abi_file_symlink_loop1", O_RDONLY));
	symlink("abi_file_symlink_nowhere", "abi_file_symlink_dangling");
	show("open a dangling symlink", open("abi_file_symlink_dangling", O_RDONLY));
	n = readlink("abi_file_symlink_dangling", buf, sizeof(buf));
	printf("readlink of the dangling symlink: \"%.*s\"\n", (int)n, buf);
	show("symlink with an empty target", symlink("", "abi_file_symlink_empty"));
	unlink("abi_file_symlink_link");
	unlink("abi_file_symlink_target");
	unlink("abi_file_symlink_loop1");
	unlink("abi_file_symlink_loop2");
	unlink("abi_file_symlink_dangling");
	printf("after unlinking the links, the target is gone too: %s\n",
	       yes(access("abi_file_symlink_target", F_OK) < 0));
	return 0;
}
