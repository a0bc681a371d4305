/* kill(-pgid, sig) signals every process of the group and nothing else:
 * three children put in one group (setpgid) die of SIGTERM while a fourth,
 * outside it, lives on. kill(-pgid, 0) checks the group exists. */
#include "abi.h"

static int hold[2];

static pid_t child_in(pid_t pgid)
{
	pid_t pid = abi_fork();
	if (pid == 0) {
		setpgid(0, pgid);
		close(hold[1]);
		read_byte(hold[0]);
		_exit(0);
	}
	setpgid(pid, pgid ? pgid : pid);
	return pid;
}

int main(void)
{
	pid_t kids[3];

	set_disposition(SIGTERM, SIG_DFL);
	pipe(hold);
	kids[0] = child_in(0);
	kids[1] = child_in(kids[0]);
	kids[2] = child_in(kids[0]);
	pid_t outsider = abi_fork();
	if (outsider == 0) {
		close(hold[1]);
		read_byte(hold[0]);
		_exit(0);
	}
	close(hold[0]);

	for (int i = 0; i < 3; i++)
		printf("child %d in the group: %s\n", i, yes(getpgid(kids[i]) == kids[0]));
	printf("outsider in the group: %s\n", yes(getpgid(outsider) == kids[0]));
	show("kill(-pgid, 0)", kill(-kids[0], 0));
	show("kill(-pgid, SIGTERM)", kill(-kids[0], SIGTERM));
	for (int i = 0; i < 3; i++)
		printf("child %d: %s\n", i, status_text(wait_for(kids[i])));
	show("kill(-pgid, 0) with the group gone", kill(-kids[0], 0));
	close(hold[1]);
	printf("outsider: %s\n", status_text(wait_for(outsider)));
	return 0;
}
