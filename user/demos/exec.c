/*
 * exec: fork, then execve another program (CSAPP 8.4.5 "loading and
 * running programs"; CMU 15-213 "fork and execve").
 *
 *   exec
 *
 * The child calls execve("/bin/echo", ...): the kernel throws away the
 * child's address space, maps echo's ELF segments, builds a new stack
 * (arguments, environment, auxiliary vector) and returns to echo's entry
 * point. The pid stays the same; execve does not return when it works.
 * What the trace shows: the child's name changing at the exec mark (exec
 * → echo), its first page faults as echo's pages come in on demand, the
 * parent blocked in wait4 until echo exits, and the tree "exec → echo".
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { "echo", "hello from echo", NULL };
		char *envp[] = { NULL };
		execve("/bin/echo", argv, envp);
		perror("execve");		/* only if it failed */
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("exec: child %d finished with %d\n", pid, WEXITSTATUS(status));
	return 0;
}
