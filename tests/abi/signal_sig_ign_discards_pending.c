/* Setting SIG_IGN on a pending signal discards it, and so does SIG_DFL when
 * the default action is to ignore (SIGWINCH); setting a handler keeps it. On
 * Linux a signal sent while blocked is queued even if it is ignored (and then
 * dropped when unblocked); an unblocked ignored one is never queued. */
#include "abi.h"

static volatile sig_atomic_t runs;

static void handler(int sig) { (void)sig; runs++; }

int main(void)
{
	sigset_t set, none;

	sigemptyset(&none);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGWINCH);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	set_disposition(SIGUSR1, handler);
	set_disposition(SIGUSR2, handler);
	set_disposition(SIGWINCH, handler);
	set_disposition(SIGHUP, handler);

	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR2);
	kill(getpid(), SIGWINCH);
	kill(getpid(), SIGHUP);
	printf("pending: %s\n", pending_text());
	set_disposition(SIGUSR1, SIG_IGN);
	set_disposition(SIGWINCH, SIG_DFL);
	set_disposition(SIGHUP, handler);
	printf("after SIG_IGN on SIGUSR1, SIG_DFL on SIGWINCH, a new handler on SIGHUP: "
	       "pending %s\n", pending_text());
	set_disposition(SIGUSR1, handler);
	set_disposition(SIGWINCH, handler);
	sigprocmask(SIG_SETMASK, &none, NULL);
	printf("unblocked: handler runs %d\n", (int)runs);

	runs = 0;
	set_disposition(SIGUSR1, SIG_IGN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR1);
	printf("ignored SIGUSR1 sent while blocked: pending %s\n", pending_text());
	sigprocmask(SIG_SETMASK, &none, NULL);
	printf("unblocked: pending %s, handler runs %d\n", pending_text(), (int)runs);
	kill(getpid(), SIGUSR1);
	printf("ignored SIGUSR1 sent while unblocked: pending %s\n", pending_text());
	return 0;
}
