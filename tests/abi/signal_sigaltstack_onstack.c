/* With an alternate stack set up by sigaltstack, an SA_ONSTACK handler runs
 * on it (a local variable's address lies inside the buffer) and sigaltstack
 * reports SS_ONSTACK there; a signal nested inside stays on it; a handler
 * without SA_ONSTACK, or any handler once the stack is SS_DISABLEd, runs on
 * the normal stack. */
#include "abi.h"

#define ALT_SIZE 65536
static char altbuf[ALT_SIZE];
static int on_alt, onstack_flag, nested_on_alt, nest;

static int in_alt(const void *p)
{
	return (const char *)p >= altbuf && (const char *)p < altbuf + ALT_SIZE;
}

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	volatile char local = 0;
	stack_t now;
	if (nest) {
		nested_on_alt = in_alt((const void *)&local);
		return;
	}
	on_alt = in_alt((const void *)&local);
	sigaltstack(NULL, &now);
	onstack_flag = (now.ss_flags & SS_ONSTACK) != 0;
	if (sig == SIGUSR1) {
		nest = 1;
		abi_raise(SIGUSR2);
		nest = 0;
	}
}

static void run(const char *what, int sig)
{
	on_alt = onstack_flag = 0;
	nested_on_alt = -1;
	abi_raise(sig);
	printf("%s: on the altstack %s, ss_flags SS_ONSTACK inside %s", what, yes(on_alt),
	       yes(onstack_flag));
	if (nested_on_alt >= 0)
		printf(", nested SIGUSR2 handler on the altstack %s", yes(nested_on_alt));
	printf("\n");
}

int main(void)
{
	stack_t ss = { .ss_sp = altbuf, .ss_size = ALT_SIZE, .ss_flags = 0 }, old;

	printf("sigaltstack: %d\n", sigaltstack(&ss, &old));
	printf("old: SS_DISABLE %s\n", yes(old.ss_flags & SS_DISABLE));
	sigaltstack(NULL, &old);
	printf("now: ss_sp is the buffer %s, ss_size %zu, ss_flags %d\n",
	       yes(old.ss_sp == altbuf), old.ss_size, old.ss_flags);

	on_signal(SIGUSR1, handler, SA_ONSTACK);
	on_signal(SIGUSR2, handler, SA_ONSTACK);
	on_signal(SIGHUP, handler, 0);
	run("SA_ONSTACK handler", SIGUSR1);
	run("handler without SA_ONSTACK", SIGHUP);
	sigaltstack(NULL, &old);
	printf("after the handlers: ss_flags %d\n", old.ss_flags);

	ss.ss_flags = SS_DISABLE;
	printf("disable: %d\n", sigaltstack(&ss, NULL));
	sigaltstack(NULL, &old);
	printf("now: SS_DISABLE %s\n", yes(old.ss_flags & SS_DISABLE));
	run("SA_ONSTACK handler, altstack disabled", SIGUSR2);
	return 0;
}
