/* An armed ITIMER_REAL (or alarm) is not inherited by a forked child, but it
 * survives execve: the new image sees the time left with getitimer. */
#include "abi.h"

static int armed(void)
{
	struct itimerval cur;
	getitimer(ITIMER_REAL, &cur);
	return cur.it_value.tv_sec > 0 || cur.it_value.tv_usec > 0;
}

int main(int argc, char **argv)
{
	if (argc > 1) {
		struct itimerval cur;
		getitimer(ITIMER_REAL, &cur);
		printf("after execve: armed %s, at most 10 s left %s\n", yes(armed()),
		       yes(cur.it_value.tv_sec < 10 ||
			   (cur.it_value.tv_sec == 10 && cur.it_value.tv_usec == 0)));
		return 0;
	}
	struct itimerval it = { { 0, 0 }, { 10, 0 } };
	setitimer(ITIMER_REAL, &it, NULL);
	printf("parent armed: %s\n", yes(armed()));

	pid_t pid = abi_fork();
	if (pid == 0) {
		printf("forked child armed: %s, alarm(0) returns %ld\n", yes(armed()),
		       syscall(SYS_alarm, 0));
		_exit(0);
	}
	printf("child: %s\n", status_text(wait_for(pid)));

	pid = abi_fork();
	if (pid == 0) {
		setitimer(ITIMER_REAL, &it, NULL);
		char *args[] = { argv[0], "after-exec", NULL };
		execve(argv[0], args, (char *[]){ NULL });
		_exit(127);
	}
	printf("exec child: %s\n", status_text(wait_for(pid)));
	printf("parent still armed: %s\n", yes(armed()));
	struct itimerval zero;
	memset(&zero, 0, sizeof(zero));
	setitimer(ITIMER_REAL, &zero, NULL);
	return 0;
}
