/* A stop and continue (no handler runs) does not interrupt system calls:
 * a child's 300 ms nanosleep, stopped after 50 ms and continued 100 ms later,
 * still returns 0 and has slept at least 300 ms in all (Linux resumes it
 * through restart_syscall); a read() on a pipe stopped and continued the same
 * way goes on waiting and returns the data written afterwards. */
#include "abi.h"

int main(void)
{
	int res[2], st;

	set_disposition(SIGCONT, SIG_DFL);
	pipe(res);
	pid_t pid = abi_fork();
	if (pid == 0) {
		struct timespec ts = { 0, 300000000 };
		long start = mono_ms();
		int ret = nanosleep(&ts, NULL);
		long took = mono_ms() - start;
		char line[128];
		snprintf(line, sizeof(line),
			 "child: nanosleep(300 ms) = %d, slept at least 300 ms %s\n", ret,
			 yes(took >= 300));
		write_str(res[1], line);
		_exit(0);
	}
	msleep(50);
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	printf("child %s\n", status_text(st));
	msleep(100);
	kill(pid, SIGCONT);
	printf("child: %s\n", status_text(wait_for(pid)));
	char buf[128] = "";
	read(res[0], buf, sizeof(buf) - 1);
	printf("%s", buf);

	int data[2];
	pipe(data);
	pid = abi_fork();
	if (pid == 0) {
		char c = 0;
		close(data[1]);
		ssize_t n = read(data[0], &c, 1);
		char line[128];
		snprintf(line, sizeof(line), "child: read = %zd %s\n", n,
			 n == 1 ? (c == 'd' ? "'d'" : "?") : errno_name(errno));
		write_str(res[1], line);
		_exit(0);
	}
	close(data[0]);
	msleep(50);
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	printf("reader %s\n", status_text(st));
	kill(pid, SIGCONT);
	msleep(50);
	write(data[1], "d", 1);
	printf("reader: %s\n", status_text(wait_for(pid)));
	memset(buf, 0, sizeof(buf));
	read(res[0], buf, sizeof(buf) - 1);
	printf("%s", buf);
	return 0;
}
