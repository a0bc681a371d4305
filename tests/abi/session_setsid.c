/* setsid() in a child makes a new session and a new process group, both
 * named by the child's pid (sid == pgid == pid); the parent's getsid and
 * getpgid see them; the child's children inherit the session. A process that
 * already leads a group (a session leader included) gets EPERM. */
#include "abi.h"

int main(void)
{
	int ready[2], hold[2];
	pid_t my_sid = getsid(0);

	pipe(ready);
	pipe(hold);
	pid_t pid = abi_fork();
	if (pid == 0) {
		close(hold[1]);
		close(ready[0]);
		pid_t sid = setsid();
		printf("child: setsid returns its pid %s\n", yes(sid == getpid()));
		printf("child: getsid(0) == getpid() %s, getpgrp() == getpid() %s\n",
		       yes(getsid(0) == getpid()), yes(getpgrp() == getpid()));
		show("child: setsid again", setsid());
		pid_t gc = abi_fork();
		if (gc == 0)
			_exit(getsid(0) == getppid() && getpgrp() == getppid() ? 0 : 1);
		printf("child: grandchild in its session and group (exit 0): %s\n",
		       status_text(wait_for(gc)));
		write_byte(ready[1], 'r');
		read_byte(hold[0]);
		_exit(0);
	}
	close(ready[1]);
	read_byte(ready[0]);
	printf("parent: getsid(child) == child %s, getpgid(child) == child %s\n",
	       yes(getsid(pid) == pid), yes(getpgid(pid) == pid));
	printf("parent: own session unchanged %s\n", yes(getsid(0) == my_sid));
	close(hold[1]);
	printf("child: %s\n", status_text(wait_for(pid)));
	show("getsid(reaped child)", getsid(pid));

	pid = abi_fork();
	if (pid == 0) {
		setpgid(0, 0);
		show("group leader: setsid", setsid());
		printf("group leader: session unchanged %s\n", yes(getsid(0) == my_sid));
		_exit(0);
	}
	printf("child: %s\n", status_text(wait_for(pid)));
	return 0;
}
