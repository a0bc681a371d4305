/*
 * pipeline: the shell at work (CSAPP 8.4.6 "using fork and execve to run
 * programs", 10.9 "I/O redirection"; CMU 15-213 "Shell lab").
 *
 *   pipeline
 *
 * It execs our shell, /bin/sh, with one command line:
 *
 *   /bin/echo hello | cat; true
 *
 * The shell parses it, makes a pipe, forks a child for each side, and in
 * each child moves the pipe's end onto stdin or stdout (dup2) and execs the
 * program; then it waits for both. `true` is a builtin: no fork.
 * (A wrapper, so that the demo needs no quoting on the kernel command line.)
 * What the trace shows: pipeline → sh (exec), two forks, each child's exec
 * (echo, cat), cat blocked reading the pipe until echo writes, and the
 * shell's wait4 reaping both.
 */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	char *argv[] = { "sh", "-c", "/bin/echo hello | cat; true", NULL };
	char *envp[] = { "PATH=/bin", NULL };
	execve("/bin/sh", argv, envp);
	perror("pipeline: /bin/sh");
	return 127;
}
