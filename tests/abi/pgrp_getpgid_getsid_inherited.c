/* A forked child is in its parent's process group and session: getpgid and
 * getsid agree from either side (pid 0 meaning the caller); for a pid that
 * does not exist both fail with ESRCH. */
#include "abi.h"

int main(void)
{
	int hold[2], ready[2];

	printf("getpgid(0) == getpgrp() %s, getpgid(getpid()) == getpgrp() %s\n",
	       yes(getpgid(0) == getpgrp()), yes(getpgid(getpid()) == getpgrp()));
	printf("getsid(0) == getsid(getpid()) %s\n", yes(getsid(0) == getsid(getpid())));

	pipe(hold);
	pipe(ready);
	pid_t pid = abi_fork();
	if (pid == 0) {
		close(hold[1]);
		close(ready[0]);
		printf("child: getpgid(0) == getpgid(parent) %s, getsid(0) == getsid(parent) %s\n",
		       yes(getpgid(0) == getpgid(getppid())), yes(getsid(0) == getsid(getppid())));
		printf("child: leads no group %s, leads no session %s\n",
		       yes(getpgrp() != getpid()), yes(getsid(0) != getpid()));
		write_byte(ready[1], 'r');
		read_byte(hold[0]);
		_exit(0);
	}
	close(hold[0]);
	close(ready[1]);
	read_byte(ready[0]);
	printf("parent: getpgid(child) == getpgrp() %s, getsid(child) == getsid(0) %s\n",
	       yes(getpgid(pid) == getpgrp()), yes(getsid(pid) == getsid(0)));
	close(hold[1]);
	printf("child: %s\n", status_text(wait_for(pid)));
	show("getpgid(reaped child)", getpgid(pid));
	show("getsid(reaped child)", getsid(pid));
	show("getpgid(-1)", getpgid(-1));
	show("getsid(-1)", getsid(-1));
	return 0;
}
