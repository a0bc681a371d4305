/* A stack overflow can be handled only on an alternate stack: the SIGSEGV
 * handler (SA_ONSTACK) runs on it and the child exits from there. Without
 * an alternate stack the handler cannot run and the child dies of SIGSEGV. */
#include "abi.h"

#define ALT_SIZE 65536
static char altbuf[ALT_SIZE];

static long limit = 1L << 40;

static long depth(long n)
{
	volatile char pad[1024];
	pad[0] = (char)n;
	if (n == limit)
		return pad[0];
	return depth(n + 1) + pad[0];
}

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	volatile char local = 0;
	int alt = (char *)&local >= altbuf && (char *)&local < altbuf + ALT_SIZE;
	write_str(1, alt ? "  handler on the altstack: yes\n" : "  handler on the altstack: no\n");
	_exit(sig == SIGSEGV ? 7 : 8);
}

static void overflow(void) { _exit(depth(0) == 12345); }

static void with_altstack(void)
{
	stack_t ss = { .ss_sp = altbuf, .ss_size = ALT_SIZE, .ss_flags = 0 };
	sigaltstack(&ss, NULL);
	on_signal(SIGSEGV, handler, SA_ONSTACK);
	overflow();
}

static void without_altstack(void)
{
	on_signal(SIGSEGV, handler, SA_ONSTACK);
	overflow();
}

int main(void)
{
	run_child("overflow with an altstack (handler exits 7)", with_altstack);
	run_child("overflow without an altstack", without_altstack);
	return 0;
}
