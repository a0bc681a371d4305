/* setitimer(ITIMER_REAL) with an interval delivers SIGALRM again and again;
 * getitimer shows the interval and a value below it; setting a zero value
 * disarms it and returns the old setting. A timer without an interval fires
 * once. Bad arguments are EINVAL. */
#include "abi.h"

static volatile sig_atomic_t runs;

static void handler(int sig) { (void)sig; runs++; }

int main(void)
{
	struct itimerval it = { { 0, 50000 }, { 0, 50000 } }, old, cur;

	set_disposition(SIGALRM, handler);
	long start = mono_ms();
	printf("setitimer 50 ms periodic: %d\n", setitimer(ITIMER_REAL, &it, NULL));
	for (int i = 0; runs < 3 && i < 100; i++)
		pause();
	long took = mono_ms() - start;
	getitimer(ITIMER_REAL, &cur);
	printf("fired 3 times, taking at least 140 ms: %s\n", yes(took >= 140));
	printf("getitimer: interval 50 ms %s, value in (0, 50 ms] %s\n",
	       yes(cur.it_interval.tv_sec == 0 && cur.it_interval.tv_usec == 50000),
	       yes(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec > 0 &&
		   cur.it_value.tv_usec <= 50000));

	struct itimerval zero;
	memset(&zero, 0, sizeof(zero));
	printf("disarm: %d", setitimer(ITIMER_REAL, &zero, &old));
	printf(", old interval 50 ms %s\n",
	       yes(old.it_interval.tv_sec == 0 && old.it_interval.tv_usec == 50000));
	int seen = runs;
	msleep(150);
	getitimer(ITIMER_REAL, &cur);
	printf("no more SIGALRM after disarming: %s, getitimer zero %s\n", yes(runs == seen),
	       yes(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0 &&
		   cur.it_interval.tv_sec == 0 && cur.it_interval.tv_usec == 0));

	runs = 0;
	struct itimerval once = { { 0, 0 }, { 0, 50000 } };
	setitimer(ITIMER_REAL, &once, NULL);
	msleep(200);
	getitimer(ITIMER_REAL, &cur);
	printf("one-shot 50 ms, 200 ms later: fired %d time(s), disarmed %s\n", (int)runs,
	       yes(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0));

	show("setitimer(which 99)", syscall(SYS_setitimer, 99, &it, NULL));
	show("getitimer(which 99)", syscall(SYS_getitimer, 99, &cur));
	struct itimerval bad = { { 0, 0 }, { 0, 1000000 } };
	show("setitimer(tv_usec 1000000)", syscall(SYS_setitimer, ITIMER_REAL, &bad, NULL));
	bad.it_value.tv_usec = -1;
	show("setitimer(tv_usec -1)", syscall(SYS_setitimer, ITIMER_REAL, &bad, NULL));
	return 0;
}
