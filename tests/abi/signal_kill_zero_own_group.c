/* kill(0, sig) signals every process in the caller's process group, the
 * caller included: a child leading its own group signals itself and its two
 * children; the test process, in another group, gets nothing. */
#include "abi.h"

static volatile sig_atomic_t runs;

static void handler(int sig) { (void)sig; runs++; }

int main(void)
{
	set_disposition(SIGUSR1, handler);
	mask_signal(SIG_BLOCK, SIGUSR1);

	pid_t leader = abi_fork();
	if (leader == 0) {
		sigset_t none;
		pid_t kids[2];
		sigemptyset(&none);
		setpgid(0, 0);
		for (int i = 0; i < 2; i++) {
			kids[i] = abi_fork();
			if (kids[i] == 0) {
				for (int n = 0; !runs && n < 100; n++)
					sigsuspend(&none);
				_exit(10 + i);
			}
		}
		printf("leader: kill(0, SIGUSR1) = %d\n", kill(0, SIGUSR1));
		mask_signal(SIG_UNBLOCK, SIGUSR1);
		printf("leader: own handler ran %s\n", yes(runs == 1));
		for (int i = 0; i < 2; i++)
			printf("leader: child %d (woken by the signal) %s\n", i,
			       status_text(wait_for(kids[i])));
		_exit(0);
	}
	printf("leader: %s\n", status_text(wait_for(leader)));
	printf("test process: pending %s\n", pending_text());
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	printf("test process: handler runs %d\n", (int)runs);
	return 0;
}
