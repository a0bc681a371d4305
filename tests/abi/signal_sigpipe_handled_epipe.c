/* Writing to a pipe without readers raises SIGPIPE; when it is caught,
 * ignored or blocked the process lives and write fails with EPIPE (a blocked
 * SIGPIPE stays pending). */
#include "abi.h"

static volatile sig_atomic_t runs;
static int got_sig;

static void handler(int sig) { got_sig = sig; runs++; }

static void attempt(const char *what)
{
	int fds[2];
	pipe(fds);
	close(fds[0]);
	runs = 0;
	ssize_t n = write(fds[1], "x", 1);
	int err = errno;
	printf("%s: write = %zd %s, handler runs %d, pending %s\n", what, n,
	       n < 0 ? errno_name(err) : "", (int)runs, pending_text());
	close(fds[1]);
}

int main(void)
{
	set_disposition(SIGPIPE, handler);
	attempt("caught");
	printf("  handler got %s\n", sig_name(got_sig));
	set_disposition(SIGPIPE, SIG_IGN);
	attempt("ignored");
	set_disposition(SIGPIPE, handler);
	mask_signal(SIG_BLOCK, SIGPIPE);
	attempt("blocked");
	mask_signal(SIG_UNBLOCK, SIGPIPE);
	printf("  unblocked: handler runs %d\n", (int)runs);
	return 0;
}
