/*
 * jobctl: what a job-control shell does for ^Z, bg and fg, done by hand
 * (CSAPP 8.5.2 "process groups", 8.5 job control; CMU 15-213 "Shell
 * lab": foreground and background jobs).
 *
 *   jobctl
 *
 * The program starts a session of its own with the terminal (/dev/ttyS0)
 * as its controlling terminal, as init does for the shell. Then:
 *   1. It forks a job: the child is put in a process group of its own
 *      (setpgid in both, as shells do) and made the terminal's foreground
 *      group (tcsetpgrp).
 *   2. The job sends SIGTSTP to its group, as the terminal does on ^Z: it
 *      stops; the parent's waitpid(WUNTRACED) reports it stopped, and the
 *      parent takes the terminal back.
 *   3. "bg": SIGCONT to the group, the job runs in the background. It tries
 *      to read the terminal: the kernel sends SIGTTIN to its group and it
 *      stops again.
 *   4. "fg": the parent gives it the terminal and sends SIGCONT; its read
 *      runs again, now in the foreground (nothing typed: EAGAIN), and the
 *      job exits; the parent reaps it.
 * What the trace shows: setpgid, the stops (SIGTSTP, SIGTTIN) and
 * continues (SIGCONT) with their stopped stretches, and the wait4 calls
 * returning each time the job changes state.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

static int tty;

static void job(void)
{
	setpgid(0, 0);
	kill(0, SIGTSTP);			/* ^Z: the whole group stops */
	char c;
	ssize_t r = read(tty, &c, 1);		/* in the background: SIGTTIN */
	dprintf(tty, "job: read in the foreground: %s\n", r < 0 ? strerror(errno) : "a byte");
	_exit(0);
}

static void report(pid_t pid, const char *what)
{
	int status;
	waitpid(pid, &status, WUNTRACED);
	if (WIFSTOPPED(status))
		dprintf(tty, "%s: job %d stopped by %s\n", what, pid,
			WSTOPSIG(status) == SIGTSTP ? "SIGTSTP" : WSTOPSIG(status) == SIGTTIN ? "SIGTTIN" : "?");
	else
		dprintf(tty, "%s: job %d ended\n", what, pid);
}

int main(void)
{
	setsid();
	tty = open("/dev/ttyS0", O_RDWR | O_NONBLOCK);
	if (tty < 0 || ioctl(tty, TIOCSCTTY, 0) < 0) {
		perror("jobctl: /dev/ttyS0");
		return 1;
	}
	signal(SIGTTOU, SIG_IGN);		/* a shell ignores it: tcsetpgrp from the background */
	pid_t pid = fork();
	if (pid == 0)
		job();
	setpgid(pid, pid);
	tcsetpgrp(tty, pid);			/* the job is in the foreground */
	report(pid, "^Z");
	tcsetpgrp(tty, getpgrp());		/* the shell takes the terminal back */
	kill(-pid, SIGCONT);			/* bg */
	report(pid, "bg");
	tcsetpgrp(tty, pid);			/* fg */
	kill(-pid, SIGCONT);
	report(pid, "fg");
	tcsetpgrp(tty, getpgrp());
	return 0;
}
