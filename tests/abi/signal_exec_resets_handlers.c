/* execve resets caught signals to SIG_DFL, keeps ignored ones ignored, keeps
 * the blocked mask and the pending signals, and drops the alternate signal
 * stack. The test re-executes itself and reports from the new image. */
#include "abi.h"

static void handler(int sig) { (void)sig; }

static const char *disposition(int sig)
{
	struct sigaction sa;
	sigaction(sig, NULL, &sa);
	return sa.sa_handler == SIG_DFL ? "SIG_DFL" : sa.sa_handler == SIG_IGN ? "SIG_IGN" :
	       "a handler";
}

static int after_exec(void)
{
	stack_t ss;
	sigaltstack(NULL, &ss);
	printf("after execve:\n");
	printf("  SIGUSR1 (was caught): %s\n", disposition(SIGUSR1));
	printf("  SIGHUP (was caught): %s\n", disposition(SIGHUP));
	printf("  SIGUSR2 (was ignored): %s\n", disposition(SIGUSR2));
	printf("  SIGPIPE (was ignored): %s\n", disposition(SIGPIPE));
	printf("  blocked: %s\n", blocked_text());
	printf("  pending: %s\n", pending_text());
	printf("  altstack SS_DISABLE: %s\n", yes(ss.ss_flags & SS_DISABLE));
	return 0;
}

int main(int argc, char **argv)
{
	static char altbuf[65536];

	if (argc > 1)
		return after_exec();
	pid_t pid = abi_fork();
	if (pid == 0) {
		stack_t ss = { .ss_sp = altbuf, .ss_size = sizeof(altbuf), .ss_flags = 0 };
		sigset_t set;
		set_disposition(SIGUSR1, handler);
		set_disposition(SIGHUP, handler);
		set_disposition(SIGUSR2, SIG_IGN);
		set_disposition(SIGPIPE, SIG_IGN);
		set_disposition(SIGINT, SIG_DFL);
		sigaltstack(&ss, NULL);
		sigemptyset(&set);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGINT);
		sigaddset(&set, SIGHUP);
		sigprocmask(SIG_SETMASK, &set, NULL);
		kill(getpid(), SIGINT);
		kill(getpid(), SIGHUP);
		printf("before execve: blocked %s, pending %s\n", blocked_text(), pending_text());
		char *args[] = { argv[0], "after-exec", NULL };
		execve(argv[0], args, (char *[]){ NULL });
		_exit(127);
	}
	printf("child: %s\n", status_text(wait_for(pid)));
	return 0;
}
