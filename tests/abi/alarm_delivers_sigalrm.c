/* alarm() (the system call) returns the seconds left on the previous alarm,
 * rounded, and alarm(0) cancels; the alarm shares ITIMER_REAL with setitimer.
 * When it expires SIGALRM runs the handler and ends a pause() with EINTR. */
#include "abi.h"

static volatile sig_atomic_t runs;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (sig == SIGALRM && si->si_code == SI_KERNEL)
		runs++;
	else
		runs += 100;
}

static long sys_alarm(unsigned s) { return syscall(SYS_alarm, s); }

int main(void)
{
	struct itimerval it;

	printf("alarm(5): %ld\n", sys_alarm(5));
	getitimer(ITIMER_REAL, &it);
	printf("getitimer sees it: value within (4 s, 5 s] %s, no interval %s\n",
	       yes((it.it_value.tv_sec == 4 && it.it_value.tv_usec > 0) ||
		   (it.it_value.tv_sec == 5 && it.it_value.tv_usec == 0)),
	       yes(it.it_interval.tv_sec == 0 && it.it_interval.tv_usec == 0));
	printf("alarm(3): %ld\n", sys_alarm(3));
	printf("alarm(0): %ld\n", sys_alarm(0));
	printf("alarm(0) again: %ld\n", sys_alarm(0));
	getitimer(ITIMER_REAL, &it);
	printf("getitimer after cancelling: zero %s\n",
	       yes(it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0));

	on_signal(SIGALRM, handler, 0);
	long start = mono_ms();
	printf("alarm(1): %ld\n", sys_alarm(1));
	int ret = pause();
	long took = mono_ms() - start;
	printf("pause: %d %s, handler runs %d (si_code SI_KERNEL), after about 1 s %s\n", ret,
	       errno_name(errno), (int)runs, yes(took >= 950 && took < 3000));
	printf("alarm(0) after it fired: %ld\n", sys_alarm(0));
	return 0;
}
