/* waitpid() with each form of pid: > 0 (that child), -1 (any child),
 * 0 (any child in the caller's group), -pgrp (any child in group pgrp). */
#include "abi.h"

/* Forks a child exiting with code; returns its pid. */
static pid_t child(int code)
{
	pid_t pid = abi_fork();
	if (pid == 0)
		_exit(code);
	return pid;
}

static void reap_two(const char *form, pid_t arg)
{
	pid_t a = child(11), b = child(22);
	int sum = 0, ok = 1;
	for (int i = 0; i < 2; i++) {
		int st;
		pid_t got = waitpid(arg, &st, 0);
		ok &= (got == a || got == b) && WIFEXITED(st);
		sum += WEXITSTATUS(st);
	}
	printf("%s: both children reaped: %s, codes sum %d\n", form, yes(ok), sum);
	char what[64];
	snprintf(what, sizeof(what), "%s then", form);
	show(what, waitpid(arg, NULL, 0));
}

int main(void)
{
	pid_t a = child(1), b = child(2), c = child(3);
	int st;

	/* pid > 0: exactly that child, in any order we ask. */
	pid_t order[3] = { b, c, a };
	const char *names[3] = { "b", "c", "a" };
	for (int i = 0; i < 3; i++) {
		pid_t got = waitpid(order[i], &st, 0);
		printf("waitpid(%s): right pid %s, %s\n", names[i], yes(got == order[i]),
		       status_text(st));
	}

	reap_two("waitpid(-1)", -1);
	reap_two("waitpid(0)", 0);
	printf("getpgrp() > 0: %s\n", yes(getpgrp() > 0));
	reap_two("waitpid(-getpgrp())", -getpgrp());
	return 0;
}
