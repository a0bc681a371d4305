/*
 * cat: copy files to standard output, in order.
 *
 *   cat [file...]      no file, or "-", means standard input
 *
 * A file that cannot be read is reported and skipped; the exit status is
 * then 1. Bytes are copied as they are, with read and write only.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Writes all of buf, resuming after short writes (a pipe may take less). */
static bool write_all(const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		buf += n;
		len -= n;
	}
	return true;
}

/* Copies fd to stdout. Returns 0, or an errno; *in_write says which side. */
static int copy(int fd, bool *in_write)
{
	static char buf[64 * 1024];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? errno : 0;
		if (!write_all(buf, n)) {
			*in_write = true;
			return errno;
		}
	}
}

static int cat_file(const char *name)
{
	bool is_stdin = !strcmp(name, "-"), in_write = false;
	int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
		return 1;
	}
	int err = copy(fd, &in_write);
	if (!is_stdin)
		close(fd);
	if (err)
		fprintf(stderr, "cat: %s: %s\n", in_write ? "write error" : name, strerror(err));
	return err ? 1 : 0;
}

int main(int argc, char **argv)
{
	int i = 1, status = 0;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i == argc)
		return cat_file("-");
	for (; i < argc; i++)
		status |= cat_file(argv[i]);
	return status;
}
