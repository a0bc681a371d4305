/*
 * sig_catch: the cost of catching a signal.
 *
 *   sig_catch [N]          default 5000
 *
 * Installs a SIGUSR1 handler that counts, then sends itself SIGUSR1 N
 * times with kill. The signal is delivered on the way out of kill, so the
 * time per iteration covers kill, building the signal frame on the user
 * stack, running the handler, and sigreturn back into the kernel to restore
 * the interrupted state. The counter is checked at the end: every signal
 * must have been caught exactly once.
 */
#include "bench.h"
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

static void handler(int sig)
{
	(void)sig;
	caught++;
}

static void run(unsigned long n, pid_t self)
{
	for (unsigned long i = 0; i < n; i++) {
		if (kill(self, SIGUSR1) < 0)
			die("kill");
	}
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 5000);
	struct sigaction sa = { .sa_handler = handler };
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL) < 0)
		die("sigaction");
	pid_t self = getpid();	/* once: getpid is a system call too */

	run(WARMUP, self);
	unsigned long long start = now_ns();
	run(n, self);
	unsigned long long total = now_ns() - start;
	if ((unsigned long)caught != n + WARMUP)
		fail("not every signal was caught exactly once");
	report("sig_catch", total / n, "ns");
	return 0;
}
