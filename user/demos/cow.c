/*
 * cow: demand paging and copy-on-write (CSAPP 9.3 "page faults", 9.8.2
 * "the fork function revisited", 9.8.1 "private copy-on-write objects").
 *
 *   cow
 *
 * What happens, and what the trace shows:
 *   1. mmap gives 4 pages of address space and no memory. Each first store
 *      to one of them is a page fault (err=0x6: a write, from user mode, to
 *      a page not present); the kernel maps a zeroed frame and the store
 *      runs again (outcome=same): demand-zero paging.
 *   2. fork copies no page: parent and child share every frame, read-only,
 *      copy-on-write.
 *   3. The child writes to one of the pages: a page fault again (err=0x7:
 *      a write to a present, read-only page); the kernel copies that one
 *      frame for the child and the store runs again. The parent still reads
 *      its own value.
 */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGES 4

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	char *p = mmap(NULL, PAGES * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 1;
	for (int i = 0; i < PAGES; i++)
		p[i * 4096] = 'a';	/* demand-zero faults, one per page */
	pid_t pid = fork();
	if (pid == 0) {
		p[4096] = 'b';		/* copy-on-write fault: the child gets its own copy */
		printf("child: page 1 holds %c\n", p[4096]);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("parent: page 1 holds %c\n", p[4096]);
	return 0;
}
