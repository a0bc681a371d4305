/*
 * trace_calls: common system calls, each once, for test_trace_run.py to
 * compare the `trace` log on sysret with `strace -f` on Linux.
 *
 *   trace_calls        (in a directory holding trace_calls.data)
 *
 * Only direct system call wrappers and no stdio, so that the calls musl
 * makes are the same on both kernels. What it checks comes from the trace,
 * not from here: it prints nothing but its own writes.
 */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *s, size_t n)
{
	if (write(1, s, n) != (ssize_t)n)
		_exit(2);
}

static void files(void)
{
	char buf[64];
	int fd = open("trace_calls.data", O_RDONLY);
	if (fd < 0 || read(fd, buf, sizeof(buf)) <= 0 || read(fd, buf, sizeof(buf)) != 0)
		_exit(3);
	lseek(fd, 6, SEEK_SET);
	close(fd);
	fd = openat(AT_FDCWD, "trace_calls.data", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		_exit(4);
	close(fd);
	if (open("/no/such/file", O_RDONLY) >= 0)	/* ENOENT */
		_exit(5);
	close(42);					/* EBADF */
	int pipefd[2];
	if (pipe(pipefd) < 0)
		_exit(9);
	lseek(pipefd[0], 0, SEEK_CUR);			/* ESPIPE */
	close(pipefd[0]);
	close(pipefd[1]);
}

static void memory(void)
{
	long end = syscall(SYS_brk, 0);
	if (syscall(SYS_brk, end + 8192) != end + 8192)
		_exit(6);
	((volatile char *)end)[8191] = 1;
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		_exit(7);
	p[4096] = 1;
	mprotect(p, 4096, PROT_READ);
	munmap(p, 8192);
}

static void processes(void)
{
	int status;
	pid_t child = fork();
	if (child == 0) {
		getpid();
		say("child\n", 6);
		_exit(7);
	}
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 7)
		_exit(8);
	waitpid(-1, &status, 0);			/* ECHILD */
}

int main(void)
{
	say("trace_calls: start\n", 19);
	getpid();
	files();
	memory();
	processes();
	say("trace_calls: done\n", 18);
	return 0;
}
