/*
 * A small shell: reads a line, splits it into words (with '' and ""
 * quotes), and runs the command in a child process, waiting for it.
 * Built-ins: cd, exit, pwd. `sh FILE` reads commands from FILE; `sh -c CMD`
 * runs one. Job control, pipelines and redirection come with the full shell.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORDS 64

extern char **environ;
static int last_status;

/* Splits line into words, written to a buffer of their own. */
static int split(const char *line, char **words)
{
	static char buf[4096 + MAX_WORDS];
	int n = 0;
	char *out = buf;
	for (const char *p = line; *p && n < MAX_WORDS - 1;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p || *p == '#')
			break;
		words[n++] = out;
		char quote = 0;
		for (; *p && (quote || (*p != ' ' && *p != '\t' && *p != '\n')); p++) {
			if (!quote && (*p == '\'' || *p == '"'))
				quote = *p;
			else if (quote && *p == quote)
				quote = 0;
			else
				*out++ = *p;
		}
		*out++ = 0;
	}
	words[n] = NULL;
	return n;
}

static void run(char **argv)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (strchr(argv[0], '/')) {
			execve(argv[0], argv, environ);
		} else {
			const char *path = getenv("PATH") ? getenv("PATH") : "/bin:/sbin";
			char full[4096];
			for (const char *p = path; *p;) {
				size_t n = strcspn(p, ":");
				snprintf(full, sizeof(full), "%.*s/%s", (int)n, p, argv[0]);
				execve(full, argv, environ);
				p += n + (p[n] == ':');
			}
		}
		fprintf(stderr, "sh: %s: %s\n", argv[0], errno == ENOENT ? "not found" : strerror(errno));
		_exit(127);
	}
	if (pid < 0) {
		fprintf(stderr, "sh: fork: %s\n", strerror(errno));
		return;
	}
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "%s\n", strsignal(WTERMSIG(status)));
		last_status = 128 + WTERMSIG(status);
	} else {
		last_status = WEXITSTATUS(status);
	}
}

static void execute(char *line)
{
	char *argv[MAX_WORDS];
	if (!split(line, argv))
		return;
	if (!strcmp(argv[0], "exit"))
		exit(argv[1] ? atoi(argv[1]) : last_status);
	if (!strcmp(argv[0], "cd")) {
		const char *dir = argv[1] ? argv[1] : getenv("HOME") ? getenv("HOME") : "/";
		if (chdir(dir) < 0)
			fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return;
	}
	if (!strcmp(argv[0], "pwd")) {
		char buf[4096];
		puts(getcwd(buf, sizeof(buf)) ? buf : "?");
		return;
	}
	run(argv);
}

int main(int argc, char **argv)
{
	char line[4096];
	FILE *in = stdin;
	if (argc > 2 && !strcmp(argv[1], "-c")) {
		execute(argv[2]);
		return last_status;
	}
	if (argc > 1 && !(in = fopen(argv[1], "r"))) {
		fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
		return 127;
	}
	bool interactive = in == stdin && isatty(0);
	for (;;) {
		if (interactive) {
			fputs("# ", stdout);
			fflush(stdout);
		}
		if (!fgets(line, sizeof(line), in))
			break;
		execute(line);
	}
	return last_status;
}
