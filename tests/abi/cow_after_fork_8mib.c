/* Copy-on-write after fork on an 8 MiB array: the child rewrites all of it
 * and the parent's copy is unchanged; then the parent rewrites its copy while
 * a second child checks it still has the original. */
#include "abi.h"

#define WORDS (8u << 20) / sizeof(unsigned)

static unsigned big[WORDS];

static unsigned long sum(void)
{
	unsigned long s = 0;
	for (size_t i = 0; i < WORDS; i++)
		s += big[i];
	return s;
}

int main(void)
{
	int go[2];
	char c;

	for (size_t i = 0; i < WORDS; i++)
		big[i] = i & 0xff;
	unsigned long original = sum();
	printf("original sum: %lu\n", original);

	pid_t pid = abi_fork();
	if (pid == 0) {
		for (size_t i = 0; i < WORDS; i++)
			big[i] = 1;
		_exit(sum() == WORDS ? 0 : 1);
	}
	printf("child rewrote its copy: %s\n", status_text(wait_for(pid)));
	printf("parent unchanged: %s\n", yes(sum() == original));

	pipe(go);
	pid = abi_fork();
	if (pid == 0) {
		read(go[0], &c, 1); /* the parent has rewritten its copy */
		_exit(sum() == original ? 0 : 1);
	}
	for (size_t i = 0; i < WORDS; i++)
		big[i] = 2;
	write(go[1], "w", 1);
	printf("child kept the original after the parent wrote: %s\n",
	       status_text(wait_for(pid)));
	printf("parent has its new values: %s\n", yes(sum() == 2 * WORDS));
	return 0;
}
