/* User and group ids: the real and effective ids agree (nothing here is
 * set-id), they survive fork and exec, and the raw calls match libc. */
#include "abi.h"

int main(int argc, char **argv)
{
	uid_t ids[4] = { getuid(), geteuid(), getgid(), getegid() };
	if (argc > 1) {
		/* The exec'd image: compare with the ids the parent passed. */
		printf("after exec, ids unchanged: %s\n", yes(ids[0] == (uid_t)atol(argv[1]) &&
			ids[1] == (uid_t)atol(argv[2]) && ids[2] == (uid_t)atol(argv[3]) &&
			ids[3] == (uid_t)atol(argv[4])));
		return 0;
	}
	printf("uid == euid: %s\n", yes(ids[0] == ids[1]));
	printf("gid == egid: %s\n", yes(ids[2] == ids[3]));
	printf("raw getuid matches: %s\n", yes(syscall(SYS_getuid) == (long)ids[0]));
	printf("raw getgid matches: %s\n", yes(syscall(SYS_getgid) == (long)ids[2]));
	char n[4][16];
	for (int i = 0; i < 4; i++)
		snprintf(n[i], sizeof(n[i]), "%lu", (unsigned long)ids[i]);
	pid_t pid = abi_fork();
	if (pid == 0) {
		printf("in the child, ids unchanged: %s\n", yes(getuid() == ids[0] &&
			geteuid() == ids[1] && getgid() == ids[2] && getegid() == ids[3]));
		execve(argv[0], (char *[]){ argv[0], n[0], n[1], n[2], n[3], NULL },
		       (char *[]){ NULL });
		_exit(127);
	}
	printf("child: %s\n", status_text(wait_for(pid)));
	return 0;
}
