/* dup2() a file onto stdout: printf goes to the file; the saved copy of the
 * old stdout restores it; the file then holds exactly what was printed. */
#include "abi.h"

int main(void)
{
	const char *path = "abi_dup2_redirect_stdout_file";
	char buf[128];

	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	int saved = dup(1);
	printf("before redirect\n");
	printf("dup2 returns newfd: %s\n", yes(dup2(fd, 1) == 1));
	printf("into the file, line 1\n");
	fprintf(stderr, "stderr is not redirected\n");
	printf("into the file, line %d\n", 2);
	dup2(saved, 1);
	close(saved);
	printf("after restore\n");

	lseek(fd, 0, SEEK_SET);
	int n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	printf("file has %d bytes:\n%s", n, buf);
	printf("dup2 onto itself returns it: %s\n", yes(dup2(fd, fd) == fd));
	close(fd);
	unlink(path);
	return 0;
}
