/* setpgid errors: ESRCH for a process that is neither the caller nor its
 * child; EINVAL for a negative pgid; EPERM for a session leader (itself or
 * as a child), for a group in another session and for a group that does not
 * exist; EACCES for a child that has already called execve. */
#include "abi.h"

/* The re-executed image: says it is running, then waits for EOF. */
static int exec_child(char **argv)
{
	int ready = atoi(argv[2]), hold = atoi(argv[3]);
	write_byte(ready, 'e');
	read_byte(hold);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 3)
		return exec_child(argv);

	pid_t gone = abi_fork();
	if (gone == 0)
		_exit(0);
	wait_for(gone);

	show("setpgid(parent, parent)", setpgid(getppid(), getppid()));
	show("setpgid(reaped child, 0)", setpgid(gone, 0));
	show("setpgid(0, -1)", setpgid(0, -1));
	show("setpgid(-1, 0)", setpgid(-1, 0));

	/* A child that makes its own session and stays there. */
	int ready[2], hold[2];
	pipe(ready);
	pipe(hold);
	pid_t leader = abi_fork();
	if (leader == 0) {
		close(hold[1]);
		setsid();
		show("session leader: setpgid(0, 0)", setpgid(0, 0));
		show("session leader: setpgid(0, its parent's group)", setpgid(0, getpgid(getppid())));
		write_byte(ready[1], 'r');
		read_byte(hold[0]);
		_exit(0);
	}
	read_byte(ready[0]);
	show("setpgid(child session leader, itself)", setpgid(leader, leader));

	pid_t other = abi_fork();
	if (other == 0) {
		show("child: setpgid(0, group in another session)", setpgid(0, leader));
		show("child: setpgid(0, group that does not exist)", setpgid(0, gone));
		show("child: setpgid(0, own pid)", setpgid(0, getpid()));
		_exit(0);
	}
	printf("child: %s\n", status_text(wait_for(other)));

	/* A child that has executed a new image. */
	pid_t execd = abi_fork();
	if (execd == 0) {
		char r[12], h[12];
		close(hold[1]);
		snprintf(r, sizeof(r), "%d", ready[1]);
		snprintf(h, sizeof(h), "%d", hold[0]);
		char *args[] = { argv[0], "exec", r, h, NULL };
		execve(argv[0], args, (char *[]){ NULL });
		_exit(127);
	}
	read_byte(ready[0]);
	show("setpgid(child after execve, itself)", setpgid(execd, execd));
	show("setpgid(child after execve, 0)", setpgid(execd, 0));

	close(hold[1]);
	printf("session leader: %s\n", status_text(wait_for(leader)));
	printf("exec child: %s\n", status_text(wait_for(execd)));
	return 0;
}
