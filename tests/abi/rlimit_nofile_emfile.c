/* RLIMIT_NOFILE: getrlimit and prlimit64 agree; lowering the soft limit to 16
 * makes the 17th descriptor fail with EMFILE (dup fills fds up to 15), dup2
 * to 16 is EBADF and F_DUPFD from 16 is EINVAL; raising it back works. */
#include "abi.h"
#include <sys/resource.h>

int main(void)
{
	struct rlimit lim, lim2, low;

	show("getrlimit", getrlimit(RLIMIT_NOFILE, &lim));
	show("raw prlimit64(0, get)", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &lim2));
	printf("they agree: %s, soft <= hard: %s\n",
	       yes(lim.rlim_cur == lim2.rlim_cur && lim.rlim_max == lim2.rlim_max),
	       yes(lim.rlim_cur <= lim.rlim_max));
	show("raw getrlimit", syscall(SYS_getrlimit, RLIMIT_NOFILE, &lim2));
	printf("  agrees: %s\n", yes(lim.rlim_cur == lim2.rlim_cur));

	low = (struct rlimit){ 16, lim.rlim_max };
	show("setrlimit soft 16", setrlimit(RLIMIT_NOFILE, &low));
	int fd, last = -1;
	while ((fd = dup(0)) >= 0)
		last = fd;
	printf("highest fd from dup: %d, then %s\n", last, errno_name(errno));
	show("open then", open(".", O_RDONLY));
	show("pipe then", pipe((int[2]){ 0, 0 }));
	close(15);
	show("dup after closing 15", dup(0));
	show("dup2 to 16", dup2(0, 16));
	show("F_DUPFD from 16", fcntl(0, F_DUPFD, 16));
	show("soft above hard", setrlimit(RLIMIT_NOFILE, &(struct rlimit){ lim.rlim_max + 1,
									      lim.rlim_max }));
	show("restore", setrlimit(RLIMIT_NOFILE, &lim));
	show("dup2 to 16 now", dup2(0, 16));
	show("prlimit64 of a missing resource", syscall(SYS_prlimit64, 0, 1000, NULL, &lim2));
	return 0;
}
