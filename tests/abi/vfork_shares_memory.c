/* vfork(): the parent is suspended until the child exits or execs, and the
 * child runs in the parent's memory, so its stores are seen by the parent. */
#include "abi.h"

static volatile int shared = 1;
static volatile int child_ran_first;

int main(int argc, char **argv)
{
	if (argc > 1) /* the exec'd image */
		_exit(atoi(argv[1]));

	pid_t pid = vfork();
	if (pid == 0) {
		shared = 2;
		child_ran_first = 1;
		_exit(5);
	}
	printf("parent resumed after the child: %s\n", yes(child_ran_first));
	printf("parent sees the child's store: %s\n", yes(shared == 2));
	printf("child: %s\n", status_text(wait_for(pid)));

	/* vfork + execve: the parent resumes once the exec has happened. */
	char *args[] = { argv[0], "33", NULL };
	pid = vfork();
	if (pid == 0) {
		execve(argv[0], args, (char *[]){ NULL });
		_exit(127);
	}
	printf("exec'd child: %s\n", status_text(wait_for(pid)));
	return 0;
}
