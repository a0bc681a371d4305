/*
 * sigmask: a signal is generated, pending while blocked, then delivered
 * (CSAPP 8.5.4 "blocking and unblocking signals"; CMU 15-213 "Signals":
 * pending & ~blocked).
 *
 *   sigmask
 *
 * What happens, and what the trace shows:
 *   1. The program blocks SIGUSR1 and sends it to itself: generated
 *      (sig_gen), but not delivered: it stays pending (the dotted line).
 *   2. sigpending says so.
 *   3. It unblocks SIGUSR1: on the way back to user mode from that very
 *      sigprocmask call the kernel finds it pending and not blocked, and
 *      delivers it: the handler runs, then rt_sigreturn goes back to where
 *      sigprocmask returned.
 *   4. A child sends SIGUSR2 (not blocked) to the parent: it is delivered
 *      when the parent next returns to user mode.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr(int sig) { got = sig; }

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct sigaction sa = { .sa_handler = on_usr };
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigset_t usr1, pending;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	kill(getpid(), SIGUSR1);			/* pending: blocked */
	sigpending(&pending);
	int was_pending = sigismember(&pending, SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);		/* delivered on the way out */
	printf("SIGUSR1 pending while blocked: %s; handler ran: %s\n", was_pending ? "yes" : "no",
	       got == SIGUSR1 ? "yes" : "no");
	pid_t parent = getpid();
	if (fork() == 0) {
		kill(parent, SIGUSR2);
		_exit(0);
	}
	while (wait(NULL) < 0)		/* EINTR if SIGUSR2's handler interrupted it */
		;
	printf("SIGUSR2 from the child: %s\n", got == SIGUSR2 ? "handled" : "?");
	return 0;
}
