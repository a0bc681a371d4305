/* MAP_SHARED|MAP_ANONYMOUS memory is the same memory in parent and child
 * after fork: each sees the other's stores. */
#include "abi.h"

int main(void)
{
	size_t len = 4 * ABI_PAGE;
	volatile int *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			       -1, 0);
	int to_child[2], to_parent[2];
	char c;

	printf("mmap ok: %s\n", yes(m != MAP_FAILED));
	m[0] = 1;
	pipe(to_child);
	pipe(to_parent);
	pid_t pid = abi_fork();
	if (pid == 0) {
		int saw_parent = m[0] == 1;
		m[0] = 2;
		m[len / sizeof(int) - 1] = 22;
		write(to_parent[1], "c", 1);
		read(to_child[0], &c, 1);
		_exit(saw_parent && m[1] == 3 ? 0 : 1);
	}
	read(to_parent[0], &c, 1);
	printf("parent sees the child's stores: %s\n",
	       yes(m[0] == 2 && m[len / sizeof(int) - 1] == 22));
	m[1] = 3;
	write(to_child[1], "p", 1);
	printf("child saw the parent's stores: %s\n", status_text(wait_for(pid)));
	printf("still shared after the child exits: %s\n", yes(m[1] == 3 && m[0] == 2));
	return 0;
}
