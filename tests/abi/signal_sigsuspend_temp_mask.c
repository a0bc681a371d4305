/* sigsuspend replaces the mask while it waits, returns -1 EINTR after a
 * handler has run, and puts the old mask back. The handler sees the temporary
 * mask plus its own signal. A signal already pending ends it at once. */
#include "abi.h"

static volatile sig_atomic_t runs;
static char inside[128];

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	(void)uc;
	snprintf(inside, sizeof(inside), "%s", blocked_text());
	runs++;
}

int main(void)
{
	sigset_t wait_mask;

	on_signal(SIGUSR1, handler, 0);
	mask_signal(SIG_BLOCK, SIGUSR1);
	mask_signal(SIG_BLOCK, SIGUSR2);
	printf("blocked: %s\n", blocked_text());

	/* The child sends SIGUSR1 after 50 ms; being blocked, it cannot be lost. */
	pid_t pid = abi_fork();
	if (pid == 0) {
		msleep(50);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	sigemptyset(&wait_mask);
	sigaddset(&wait_mask, SIGUSR2);
	int ret = sigsuspend(&wait_mask);
	printf("sigsuspend({SIGUSR2}): %d %s, handler runs %d\n", ret, errno_name(errno),
	       (int)runs);
	printf("blocked in the handler: %s\n", inside);
	printf("blocked after: %s\n", blocked_text());
	printf("child: %s\n", status_text(wait_for(pid)));

	runs = 0;
	kill(getpid(), SIGUSR1);
	printf("pending before: %s\n", pending_text());
	sigemptyset(&wait_mask);
	ret = sigsuspend(&wait_mask);
	printf("sigsuspend({}) with SIGUSR1 pending: %d %s, handler runs %d\n", ret,
	       errno_name(errno), (int)runs);
	printf("blocked in the handler: %s\n", inside);
	printf("blocked after: %s, pending: %s\n", blocked_text(), pending_text());
	return 0;
}
