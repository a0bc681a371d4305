/*
 * sig_install: the cost of installing a signal handler.
 *
 *   sig_install [N]        default 20000
 *
 * Calls sigaction(SIGUSR1) N times, switching between two handlers so that
 * every call really changes something. No signal is sent: this is the
 * system call and the kernel's update of the process's signal table.
 */
#include "bench.h"
#include <signal.h>

static void handler_a(int sig)
{
	(void)sig;
}

static void handler_b(int sig)
{
	(void)sig;
}

static void run(unsigned long n)
{
	struct sigaction a = { .sa_handler = handler_a }, b = { .sa_handler = handler_b };
	sigemptyset(&a.sa_mask);
	sigemptyset(&b.sa_mask);
	for (unsigned long i = 0; i < n; i++) {
		if (sigaction(SIGUSR1, i % 2 ? &b : &a, NULL) < 0)
			die("sigaction");
	}
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 20000);
	run(WARMUP);
	unsigned long long start = now_ns();
	run(n);
	report("sig_install", (now_ns() - start) / n, "ns");
	return 0;
}
