/* Across execve, descriptors with close-on-exec (O_CLOEXEC, FD_CLOEXEC,
 * dup3 O_CLOEXEC, pipe2 O_CLOEXEC) are closed; the others stay open with the
 * same file offset, and their FD_CLOEXEC flag reads 0. */
#include "abi.h"

static int child(int argc, char **argv)
{
	for (int i = 1; i + 1 < argc; i += 2) {
		int fd = atoi(argv[i + 1]);
		int flags = fcntl(fd, F_GETFD);
		printf("%s: %s", argv[i], flags < 0 ? errno_name(errno) : "open");
		if (flags >= 0)
			printf(", FD_CLOEXEC %d, offset %ld", flags & FD_CLOEXEC,
			       (long)lseek(fd, 0, SEEK_CUR));
		printf("\n");
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return child(argc, argv);

	const char *file = "abi_execve_cloexec_file";
	write_file(file, "0123456789", 10, 0644);
	int plain = open(file, O_RDONLY);
	int cloexec = open(file, O_RDONLY | O_CLOEXEC);
	int flagged = open(file, O_RDONLY);
	fcntl(flagged, F_SETFD, FD_CLOEXEC);
	int cleared = open(file, O_RDONLY | O_CLOEXEC);
	fcntl(cleared, F_SETFD, 0);
	int duped = dup3(plain, 20, O_CLOEXEC);
	int dup2ed = dup2(cloexec, 21); /* dup2 clears close-on-exec on the copy */
	int pipes[2];
	pipe2(pipes, O_CLOEXEC);
	lseek(plain, 4, SEEK_SET);
	unlink(file);

	char n[7][12];
	int fds[7] = { plain, cloexec, flagged, cleared, duped, dup2ed, pipes[0] };
	for (int i = 0; i < 7; i++)
		snprintf(n[i], sizeof(n[i]), "%d", fds[i]);
	char *args[] = { argv[0], "plain", n[0], "O_CLOEXEC", n[1], "F_SETFD FD_CLOEXEC", n[2],
			 "F_SETFD 0", n[3], "dup3 O_CLOEXEC", n[4], "dup2 of O_CLOEXEC", n[5],
			 "pipe2 O_CLOEXEC", n[6], NULL };
	pid_t pid = abi_fork();
	if (pid == 0) {
		execve(argv[0], args, (char *[]){ NULL });
		_exit(127);
	}
	printf("child: %s\n", status_text(wait_for(pid)));
	return 0;
}
