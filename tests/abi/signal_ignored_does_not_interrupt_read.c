/* Only a signal that runs a handler interrupts a blocking read: ignored
 * ones (SIG_IGN, or a default action of ignore such as SIGWINCH), a blocked
 * one and a SIGCONT without a handler leave read() waiting for the data that
 * the sending child writes afterwards. The blocked one is delivered later. */
#include "abi.h"

static volatile sig_atomic_t runs;

static void handler(int sig) { (void)sig; runs++; }

int main(void)
{
	static const int sigs[] = { SIGUSR2, SIGWINCH, SIGCONT, SIGUSR1 };
	int data[2];

	set_disposition(SIGUSR1, handler);
	set_disposition(SIGUSR2, SIG_IGN);
	set_disposition(SIGWINCH, SIG_DFL);
	set_disposition(SIGCONT, SIG_DFL);
	mask_signal(SIG_BLOCK, SIGUSR1);
	pipe(data);
	pid_t pid = abi_fork();
	if (pid == 0) {
		for (int i = 0; i < 4; i++) {
			msleep(50);
			kill(getppid(), sigs[i]);
		}
		msleep(50);
		write(data[1], "d", 1);
		_exit(0);
	}
	char c = 0;
	ssize_t n = read(data[0], &c, 1);
	printf("read = %zd %s, handler runs %d\n", n, n == 1 ? "'d'" : errno_name(errno),
	       (int)runs);
	printf("child: %s\n", status_text(wait_for(pid)));
	printf("pending: %s\n", pending_text());
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	printf("after unblocking SIGUSR1: handler runs %d\n", (int)runs);
	return 0;
}
