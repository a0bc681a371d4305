/* The file of a running program cannot be opened for writing or truncated:
 * ETXTBSY. (On sysret its code pages are the file's own frames.) A file
 * nobody runs can be; reading the running one is fine. */
#include "abi.h"

int main(int argc, char **argv)
{
	(void)argc;
	int fd = open(argv[0], O_RDONLY);
	show("open of our own program for reading", fd < 0 ? -errno : 0);
	if (fd >= 0)
		close(fd);
	fd = open(argv[0], O_WRONLY);
	show("open of our own program for writing", fd < 0 ? -errno : 0);
	if (fd >= 0)
		close(fd);
	show("open of it O_RDWR", (fd = open(argv[0], O_RDWR)) < 0 ? -errno : 0);
	if (fd >= 0)
		close(fd);
	show("truncate of it", truncate(argv[0], 0) < 0 ? -errno : 0);
	char copy[64];
	snprintf(copy, sizeof(copy), "/tmp/etxtbsy_copy.%d", (int)getpid());
	fd = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	show("a file nobody runs, opened for writing", fd < 0 ? -errno : 0);
	if (fd >= 0)
		close(fd);
	unlink(copy);
	return 0;
}
