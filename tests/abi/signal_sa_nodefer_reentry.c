/* Without SA_NODEFER a signal raised inside its own handler waits until the
 * handler returns; with SA_NODEFER it enters the handler again at once. */
#include "abi.h"

static char log_buf[256];
static size_t log_len;
static int depth, max_depth, raised;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	log_len += snprintf(log_buf + log_len, sizeof(log_buf) - log_len, "%senter %d",
			    log_len ? ", " : "", depth);
	if (!raised) {
		raised = 1;
		abi_raise(sig);
	}
	log_len += snprintf(log_buf + log_len, sizeof(log_buf) - log_len, ", leave %d", depth);
	depth--;
}

static void run(const char *what, int flags)
{
	log_len = 0;
	log_buf[0] = 0;
	max_depth = raised = 0;
	on_signal(SIGUSR1, handler, flags);
	abi_raise(SIGUSR1);
	printf("%s: %s; deepest nesting %d\n", what, log_buf, max_depth);
}

int main(void)
{
	run("default", 0);
	run("SA_NODEFER", SA_NODEFER);
	return 0;
}
