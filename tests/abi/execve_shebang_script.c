/* #! scripts: the kernel runs the interpreter named on the first line with
 * argv = { interpreter, [the one optional argument], script path, the
 * caller's argv[1..] }. Here the interpreter is this test binary itself. */
#include "abi.h"

static int as_interpreter(int argc, char **argv)
{
	printf("  interpreter: argc %d\n", argc);
	printf("  argv[0] is the interpreter path: %s\n", yes(strcmp(argv[0], getenv("SELF")) == 0));
	for (int i = 1; i < argc; i++)
		printf("  argv[%d] \"%s\"\n", i, argv[i]);
	return 0;
}

static void run_script(const char *what, const char *path, const char *line)
{
	char text[1200];
	char *argv[] = { "ignored-argv0", "arg1", "arg 2", NULL };
	char *envp[] = { "ROLE=interpreter", (char *)getenv("SELFENV"), NULL };

	snprintf(text, sizeof(text), "#!%s%s\nthe rest is not read\n", getenv("SELF"), line);
	write_file(path, text, strlen(text), 0755);
	printf("%s:\n", what);
	pid_t pid = abi_fork();
	if (pid == 0) {
		execve(path, argv, envp);
		printf("  execve: %s\n", errno_name(errno));
		_exit(127);
	}
	printf("  %s\n", status_text(wait_for(pid)));
	unlink(path);
}

int main(int argc, char **argv)
{
	if (getenv("ROLE"))
		return as_interpreter(argc, argv);

	char selfenv[1100];
	snprintf(selfenv, sizeof(selfenv), "SELF=%s", argv[0]);
	setenv("SELF", argv[0], 1);
	setenv("SELFENV", selfenv, 1);

	run_script("no argument", "./abi_execve_shebang_script", "");
	run_script("one argument", "./abi_execve_shebang_script", " -x");
	run_script("argument with spaces", "abi_execve_shebang_script", "  \t one two  ");
	run_script("trailing blanks", "./abi_execve_shebang_script", "   ");

	/* A script whose interpreter does not exist: ENOENT from execve. */
	write_file("abi_execve_shebang_bad", "#!/abi_no_such_interpreter\n", 27, 0755);
	char *args[] = { "abi_execve_shebang_bad", NULL };
	show("missing interpreter", execve("abi_execve_shebang_bad", args, args + 1));
	unlink("abi_execve_shebang_bad");
	return 0;
}
