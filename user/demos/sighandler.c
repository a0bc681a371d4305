/*
 * sighandler: catching a signal with a handler (CSAPP 8.5.5 "receiving
 * signals", sigint.c; CMU 15-213 "Signals").
 *
 *   sighandler       then press ^C three times
 *
 * SIGINT's default action is to terminate; sigaction installs a handler
 * instead. Each ^C makes the terminal send SIGINT to the foreground process
 * group; the kernel interrupts the program (here asleep in pause), runs
 * the handler on its stack, and returns to where it was.
 * Watch: each ^C prints a line instead of killing the program; the third
 * ends it. From another shell, `kill -INT PID` does the same as ^C.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define PRESSES 3

static volatile sig_atomic_t count;

/* Only async-signal-safe calls in here (write, _exit): the handler may have
 * interrupted printf or malloc halfway (CSAPP 8.5.5 "safe signal handling"). */
static void on_sigint(int sig)
{
	(void)sig;
	char msg[] = "caught SIGINT (n of 3)\n";
	count++;
	*strchr(msg, 'n') = '0' + count;
	write(STDOUT_FILENO, msg, sizeof(msg) - 1);
	if (count == PRESSES) {
		static const char bye[] = "third one: exiting\n";
		write(STDOUT_FILENO, bye, sizeof(bye) - 1);
		_exit(0);
	}
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) < 0) {
		perror("sighandler: sigaction");
		return 1;
	}
	printf("sighandler %d: press ^C %d times (or: kill -INT %d)\n", getpid(), PRESSES, getpid());
	fflush(stdout);
	for (;;)
		pause();	/* returns after each handler; the handler exits */
}
