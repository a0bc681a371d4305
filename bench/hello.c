/*
 * hello: the smallest program worth exec'ing; vfork_exec_wait and
 * fork_exec_wait run it as /bin/hello. Not a benchmark itself.
 *
 * It writes with write(2) rather than printf so that starting it costs
 * little beyond what every static program costs: loading, the C library's
 * start-up, one system call and exit.
 */
#include <unistd.h>

int main(void)
{
	static const char text[] = "hello\n";
	ssize_t len = sizeof text - 1;
	return write(1, text, len) == len ? 0 : 1;
}
