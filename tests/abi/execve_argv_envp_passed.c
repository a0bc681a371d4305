/* execve passes argv and envp through exactly: count, order, empty strings,
 * spaces; the new image has the same pid and its exit code reaches the parent. */
#include "abi.h"

extern char **environ;

static int child(int argc, char **argv)
{
	printf("child: argc %d\n", argc);
	printf("child: argv[0] is the path exec'd: %s\n", yes(strcmp(argv[0], getenv("SELF")) == 0));
	for (int i = 1; i < argc; i++)
		printf("child: argv[%d] \"%s\"\n", i, argv[i]);
	printf("child: argv[argc] is NULL: %s\n", yes(argv[argc] == NULL));
	int n = 0;
	for (char **e = environ; *e; e++, n++)
		if (strncmp(*e, "SELF=", 5) != 0 && strncmp(*e, "PID=", 4) != 0)
			printf("child: env \"%s\"\n", *e);
	printf("child: %d env strings\n", n);
	printf("child: same pid as before exec: %s\n", yes(getpid() == atoi(getenv("PID"))));
	return 17;
}

int main(int argc, char **argv)
{
	if (getenv("ROLE"))
		return child(argc, argv);

	char self[1100], pid[32];
	snprintf(self, sizeof(self), "SELF=%s", argv[0]);
	char *args[] = { argv[0], "one", "", "two words", "  ", "last\ttab", NULL };
	char *envs[] = { "ROLE=child", "EMPTY=", "A=1", "A=2", "NOEQUALS", self, pid, NULL };

	pid_t child_pid = abi_fork();
	if (child_pid == 0) {
		snprintf(pid, sizeof(pid), "PID=%d", (int)getpid());
		execve(argv[0], args, envs);
		printf("execve: %s\n", errno_name(errno));
		_exit(127);
	}
	printf("parent: %s\n", status_text(wait_for(child_pid)));
	return 0;
}
