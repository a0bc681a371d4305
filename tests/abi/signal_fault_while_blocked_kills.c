/* A fault whose signal cannot be handled kills the process: SIGSEGV,
 * SIGFPE or SIGILL raised by the CPU while blocked or ignored, or a second
 * fault inside the SIGSEGV handler, ends it with that signal (the handler,
 * which would report through a pipe, never runs where it cannot). */
#include "abi.h"

static int report[2], fault_again;
static volatile int *volatile bad_ptr = (volatile int *)16;

static void handler(int sig)
{
	write_byte(report[1], 'H');
	if (sig == SIGSEGV && fault_again)
		*bad_ptr = 1;
	_exit(0);
}

static void null_write(void) { *bad_ptr = 1; }

static void divide(void)
{
	volatile int zero = 0;
	_exit(100 / zero);
}

static void ud2(void) { __asm__ __volatile__("ud2"); }

static void run(const char *what, int sig, int how, void (*fault)(void))
{
	pipe(report);
	pid_t pid = abi_fork();
	if (pid == 0) {
		close(report[0]);
		set_disposition(sig, how == 1 ? SIG_IGN : handler);
		if (how == 0)
			mask_signal(SIG_BLOCK, sig);
		if (how == 2)
			fault_again = 1;
		fault();
		_exit(99);
	}
	close(report[1]);
	int st = wait_for(pid);
	int c = read_byte(report[0]);
	close(report[0]);
	printf("%s: %s, handler ran %s\n", what, status_text(st), yes(c == 'H'));
}

int main(void)
{
	run("SIGSEGV blocked", SIGSEGV, 0, null_write);
	run("SIGSEGV ignored", SIGSEGV, 1, null_write);
	run("second SIGSEGV inside the handler", SIGSEGV, 2, null_write);
	run("SIGFPE blocked", SIGFPE, 0, divide);
	run("SIGFPE ignored", SIGFPE, 1, divide);
	run("SIGILL blocked", SIGILL, 0, ud2);
	run("SIGILL ignored", SIGILL, 1, ud2);
	run("SIGSEGV caught (for contrast)", SIGSEGV, 3, null_write);
	return 0;
}
