/* Process ids: gettid() equals getpid() in a single-threaded process; a
 * child's getppid() is its parent's getpid(); set_tid_address returns the tid. */
#include "abi.h"

int main(void)
{
	static int tid_word;
	pid_t self = getpid();

	printf("getpid() > 0: %s\n", yes(self > 0));
	printf("gettid() == getpid(): %s\n", yes(syscall(SYS_gettid) == self));
	printf("getpid() stable: %s\n", yes(getpid() == self));
	printf("set_tid_address() returns the tid: %s\n",
	       yes(syscall(SYS_set_tid_address, &tid_word) == self));
	int fds[2];
	pipe(fds);
	pid_t pid = abi_fork();
	if (pid == 0) {
		pid_t ids[3] = { getpid(), getppid(), (pid_t)syscall(SYS_gettid) };
		write(fds[1], ids, sizeof(ids));
		_exit(0);
	}
	pid_t ids[3];
	read(fds[0], ids, sizeof(ids));
	wait_for(pid);
	printf("child getpid() == fork's return: %s\n", yes(ids[0] == pid));
	printf("child getppid() == parent's getpid(): %s\n", yes(ids[1] == self));
	printf("child gettid() == its getpid(): %s\n", yes(ids[2] == ids[0]));
	return 0;
}
