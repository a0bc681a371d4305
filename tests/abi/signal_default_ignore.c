/* Signals whose default action is to ignore (SIGCHLD, SIGURG, SIGWINCH, and
 * SIGCONT for a running process) leave a child waiting on a pipe untouched:
 * it still answers afterwards, and ends normally. */
#include "abi.h"

int main(void)
{
	static const int sigs[] = { SIGCHLD, SIGURG, SIGWINCH, SIGCONT };
	int to_child[2], from_child[2];

	pipe(to_child);
	pipe(from_child);
	pid_t pid = abi_fork();
	if (pid == 0) {
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
			set_disposition(sigs[i], SIG_DFL);
		close(to_child[1]);
		close(from_child[0]);
		write_byte(from_child[1], 'r');
		int c;
		while ((c = read_byte(to_child[0])) >= 0)
			write_byte(from_child[1], c);
		_exit(0);
	}
	close(to_child[0]);
	close(from_child[1]);
	read_byte(from_child[0]);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		int ret = kill(pid, sigs[i]);
		write_byte(to_child[1], 'a' + (int)i);
		int c = read_byte(from_child[0]);
		printf("%s: kill %d, child still answers %s\n", sig_name(sigs[i]), ret,
		       yes(c == 'a' + (int)i));
	}
	close(to_child[1]);
	printf("child: %s\n", status_text(wait_for(pid)));
	return 0;
}
