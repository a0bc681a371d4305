/* setpgid(0, 0) makes the caller the leader of a new process group
 * (getpgrp() == getpid()); its children inherit the group; the parent sees it
 * with getpgid() and may move the child (before it execs) into another group
 * of the same session, such as its own. */
#include "abi.h"

int main(void)
{
	int go[2], done[2];
	pid_t mine = getpgrp();

	pipe(go);
	pipe(done);
	pid_t pid = abi_fork();
	if (pid == 0) {
		close(go[1]);
		close(done[0]);
		printf("child: starts in the parent's group %s\n", yes(getpgrp() == mine));
		printf("child: setpgid(0, 0) = %d\n", setpgid(0, 0));
		printf("child: getpgrp() == getpid() %s, getpgid(0) == getpid() %s\n",
		       yes(getpgrp() == getpid()), yes(getpgid(0) == getpid()));
		printf("child: setpgid(0, 0) again = %d\n", setpgid(0, 0));
		pid_t gc = abi_fork();
		if (gc == 0)
			_exit(getpgrp() == getppid() ? 0 : 1);
		printf("child: grandchild inherits the group (exit 0): %s\n",
		       status_text(wait_for(gc)));
		write_byte(done[1], 'd');
		read_byte(go[0]);
		printf("child: back in the parent's group %s\n", yes(getpgrp() == mine));
		_exit(0);
	}
	close(go[0]);
	close(done[1]);
	read_byte(done[0]);
	printf("parent: getpgid(child) == child %s\n", yes(getpgid(pid) == pid));
	printf("parent: setpgid(child, child) = %d\n", setpgid(pid, pid));
	printf("parent: setpgid(child, own group) = %d\n", setpgid(pid, mine));
	printf("parent: getpgid(child) == own group %s\n", yes(getpgid(pid) == mine));
	printf("parent: own group unchanged %s\n", yes(getpgrp() == mine));
	close(go[1]);
	printf("child: %s\n", status_text(wait_for(pid)));
	return 0;
}
