/* A shell-style pipeline of three processes joined by pipes on their stdin
 * and stdout: generate 1..N | keep multiples of 3, doubled | count and sum. */
#include "abi.h"

static void generate(void)
{
	static char buf[4096];
	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	for (int i = 1; i <= 3000; i++)
		printf("%d\n", i);
}

static void transform(void)
{
	static char buf[4096];
	char line[32];
	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	while (fgets(line, sizeof(line), stdin)) {
		int v = atoi(line);
		if (v % 3 == 0)
			printf("%d\n", 2 * v);
	}
	fflush(stdout);
}

static void count(void)
{
	char line[32];
	long lines = 0, sum = 0;
	while (fgets(line, sizeof(line), stdin)) {
		lines++;
		sum += atol(line);
	}
	printf("count: %ld lines, sum %ld\n", lines, sum);
}

/* Forks a stage reading from in (or stdin) and writing to out (or stdout). */
static pid_t stage(void (*fn)(void), int in, int out)
{
	pid_t pid = abi_fork();
	if (pid == 0) {
		if (in >= 0)
			dup2(in, 0);
		if (out >= 0)
			dup2(out, 1);
		for (int fd = 3; fd < 16; fd++)
			close(fd);
		fn();
		exit(0);
	}
	return pid;
}

int main(void)
{
	int a[2], b[2];

	pipe(a);
	pipe(b);
	pid_t p1 = stage(generate, -1, a[1]);
	pid_t p2 = stage(transform, a[0], b[1]);
	pid_t p3 = stage(count, b[0], -1);
	close(a[0]), close(a[1]), close(b[0]), close(b[1]);
	/* Print only after all three: the last stage writes to our stdout. */
	int s1 = wait_for(p1), s2 = wait_for(p2), s3 = wait_for(p3);
	printf("generate: %s\n", status_text(s1));
	printf("transform: %s\n", status_text(s2));
	printf("count: %s\n", status_text(s3));
	return 0;
}
