/*
 * init: PID 1. It runs /etc/rc if there is one, then a shell on the
 * console, and waits for every process that ends up its child (orphans are
 * given to PID 1), forever; when the shell exits, it starts another.
 * With arguments (kernel command line words after "--"), it runs that one
 * command instead, reaps everything, and powers the machine off when the
 * command is done: the test harness boots sysret this way.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

static char *const envp[] = { "HOME=/", "TERM=linux", "PATH=/bin:/sbin:/usr/bin:/usr/sbin", NULL };

static pid_t spawn(char *const argv[])
{
	pid_t pid = fork();
	if (pid == 0) {
		execve(argv[0], argv, envp);
		fprintf(stderr, "init: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
	return pid;
}

/* The shell runs the way getty starts a login: in a session of its own,
 * with the real terminal (not /dev/console) opened as its controlling
 * terminal, so job control works. */
static pid_t spawn_shell(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		setsid();
		int fd = open("/dev/ttyS0", O_RDWR);
		if (fd >= 0) {
			ioctl(fd, TIOCSCTTY, 0);
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
			if (fd > 2)
				close(fd);
		}
		char *sh[] = { "/bin/sh", NULL };
		execve(sh[0], sh, envp);
		fprintf(stderr, "init: cannot run /bin/sh: %s\n", strerror(errno));
		_exit(127);
	}
	return pid;
}

/* Waits until `pid` is gone, reaping every other child on the way. */
static int wait_for(pid_t pid)
{
	int status = 0;
	for (;;) {
		pid_t w = wait(&status);
		if (w == pid || (w < 0 && errno == ECHILD))
			return status;
	}
}

/* Touches what init itself will touch while the tests run - its stack well
 * below where it will reach, and errno (wait's ECHILD) - so that its own
 * pages, brought in on demand, do not count as memory the tests lost. */
__attribute__((noinline)) static void prefault(void)
{
	volatile char pad[64 * 1024];
	for (size_t i = 0; i < sizeof(pad); i += 1024)
		pad[i] = 0;
	wait(NULL);
}

int main(int argc, char **argv)
{
	if (argc > 1) {
		/* Free memory before and after: leaks show as a difference. */
		struct sysinfo before, after;
		prefault();
		sysinfo(&before);
		wait_for(spawn(argv + 1));
		while (wait(NULL) > 0)	/* the last orphans */
			;
		sysinfo(&after);
		printf("init: free memory %lu before, %lu after\n", before.freeram, after.freeram);
		fflush(stdout);
		sync();
		reboot(RB_POWER_OFF);
		return 0;
	}
	if (access("/etc/rc", X_OK) == 0) {
		char *rc[] = { "/etc/rc", NULL };
		wait_for(spawn(rc));
	}
	for (;;) {
		pid_t pid = spawn_shell();
		if (pid < 0) {
			sleep(1);
			continue;
		}
		wait_for(pid);
	}
}
