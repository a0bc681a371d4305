/* fcntl F_GETFL shows the access mode and status flags; F_SETFL changes
 * O_NONBLOCK and O_APPEND (a pipe read then fails with EAGAIN instead of
 * blocking) but not the access mode; the flags are shared by dup'ed fds. */
#include "abi.h"

static void flags(const char *what, int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0) {
		printf("%s: %s\n", what, errno_name(errno));
		return;
	}
	int acc = fl & O_ACCMODE;
	printf("%s: %s%s%s\n", what, acc == O_RDONLY ? "O_RDONLY" : acc == O_WRONLY ? "O_WRONLY" :
	       "O_RDWR", fl & O_NONBLOCK ? "|O_NONBLOCK" : "", fl & O_APPEND ? "|O_APPEND" : "");
}

int main(void)
{
	int p[2];
	char c;

	pipe(p);
	flags("pipe read end", p[0]);
	flags("pipe write end", p[1]);
	show("F_SETFL O_NONBLOCK", fcntl(p[0], F_SETFL, O_NONBLOCK));
	flags("read end now", p[0]);
	show("read of the empty pipe", read(p[0], &c, 1));
	int d = dup(p[0]);
	flags("dup of it (shared)", d);
	show("F_SETFL 0 via the dup", fcntl(d, F_SETFL, 0));
	flags("read end again", p[0]);

	const char *path = "abi_fcntl_getfl_file";
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_APPEND, 0644);
	flags("file O_RDWR|O_CREAT|O_TRUNC|O_APPEND", fd);
	show("F_SETFL O_WRONLY (access mode ignored)", fcntl(fd, F_SETFL, O_WRONLY));
	flags("file now", fd);
	show("read still allowed", read(fd, &c, 1));
	close(fd);
	fd = open(path, O_WRONLY | O_CREAT | O_NONBLOCK, 0644);
	flags("file O_WRONLY|O_NONBLOCK", fd);
	close(fd);
	unlink(path);
	flags("closed fd", fd);
	return 0;
}
