/* MAP_PRIVATE|MAP_ANONYMOUS memory is zero-filled and copied at fork: stores
 * in the child are not seen by the parent, and the reverse. */
#include "abi.h"

int main(void)
{
	size_t len = 16 * ABI_PAGE;
	int *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int to_child[2], to_parent[2];

	printf("mmap ok: %s, page aligned: %s\n", yes(m != MAP_FAILED),
	       yes(((uintptr_t)m & (ABI_PAGE - 1)) == 0));
	long zero = 1;
	for (size_t i = 0; i < len / sizeof(int); i++)
		zero &= m[i] == 0;
	printf("zero filled: %s\n", yes(zero));
	m[0] = 1;
	pipe(to_child);
	pipe(to_parent);
	pid_t pid = abi_fork();
	if (pid == 0) {
		char c;
		m[0] = 2;
		m[len / sizeof(int) - 1] = 2;
		write(to_parent[1], "w", 1);
		read(to_child[0], &c, 1); /* wait for the parent's store */
		_exit(m[0] == 2 && m[1] == 0 ? 0 : 1);
	}
	char c;
	read(to_parent[0], &c, 1); /* the child has stored */
	printf("parent sees its own values after the child's store: %s\n",
	       yes(m[0] == 1 && m[len / sizeof(int) - 1] == 0));
	m[1] = 3;
	write(to_child[1], "p", 1);
	printf("child did not see the parent's later store: %s\n", status_text(wait_for(pid)));
	munmap(m, len);
	return 0;
}
