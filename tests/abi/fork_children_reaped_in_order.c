/* CSAPP fork10/fork11: N children exit with distinct codes; reaping with
 * wait() gets every status once (printed sorted), reaping with waitpid() in
 * creation order gets them in that order. */
#include "abi.h"

#define N 5

int main(void)
{
	pid_t pids[N];
	int codes[N];

	for (int i = 0; i < N; i++)
		if ((pids[i] = abi_fork()) == 0)
			_exit(100 + i);
	for (int i = 0; i < N; i++) {
		int st;
		pid_t got = wait(&st);
		int known = 0;
		for (int j = 0; j < N; j++)
			known |= got == pids[j];
		codes[i] = known && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	}
	/* Sort: wait() returns children in an order the test must not print. */
	for (int i = 0; i < N; i++)
		for (int j = i + 1; j < N; j++)
			if (codes[j] < codes[i]) {
				int t = codes[i];
				codes[i] = codes[j];
				codes[j] = t;
			}
	printf("wait(): ");
	for (int i = 0; i < N; i++)
		printf("%d%s", codes[i], i + 1 < N ? " " : "\n");
	show("then wait()", wait(NULL));

	for (int i = 0; i < N; i++)
		if ((pids[i] = abi_fork()) == 0)
			_exit(200 + i);
	printf("waitpid() in creation order:");
	for (int i = 0; i < N; i++) {
		int st;
		pid_t got = waitpid(pids[i], &st, 0);
		printf(" %s%s", got == pids[i] ? "" : "wrong pid ", status_text(st));
	}
	printf("\n");
	return 0;
}
