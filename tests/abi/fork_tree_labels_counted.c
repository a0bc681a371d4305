/* CSAPP fork trees: nested and conditional forks. Every process reports the
 * labels it passes through a pipe; the parent prints how often each was seen
 * (the interleaving differs run to run, the counts do not). */
#include "abi.h"

static int out;

static void label(char c)
{
	write(out, &c, 1);
}

static void finish(void)
{
	close(out);
	while (wait(NULL) > 0)
		;
	_exit(0);
}

/* fork2: L0 fork L1 fork Bye */
static void fork2(void)
{
	label('0');
	abi_fork();
	label('1');
	abi_fork();
	label('B');
	finish();
}

/* fork4: L0; if (fork() != 0) { L1; if (fork() != 0) L2; } Bye */
static void fork4(void)
{
	label('0');
	if (abi_fork() != 0) {
		label('1');
		if (abi_fork() != 0)
			label('2');
	}
	label('B');
	finish();
}

/* fork5: L0; if (fork() == 0) { L1; if (fork() == 0) L2; } Bye */
static void fork5(void)
{
	label('0');
	if (abi_fork() == 0) {
		label('1');
		if (abi_fork() == 0)
			label('2');
	}
	label('B');
	finish();
}

static void run(const char *name, void (*tree)(void))
{
	int fds[2], counts[256] = { 0 };
	unsigned char c;

	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		close(fds[0]);
		out = fds[1];
		tree();
	}
	close(fds[1]);
	while (read(fds[0], &c, 1) == 1)
		counts[c]++;
	close(fds[0]);
	wait_for(pid);
	printf("%s: L0 x%d, L1 x%d, L2 x%d, Bye x%d\n", name,
	       counts['0'], counts['1'], counts['2'], counts['B']);
}

int main(void)
{
	run("fork2", fork2);
	run("fork4", fork4);
	run("fork5", fork5);
	return 0;
}
