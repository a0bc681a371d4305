/*
 * cow_fault: the cost of a copy-on-write page fault.
 *
 *   cow_fault [N]          default 2000 (pages)
 *
 * Maps N pages of anonymous memory and writes to each, so that they all
 * exist; then forks. After fork, parent and child share every page
 * read-only. The child just waits (blocked reading a pipe), keeping its
 * share; the parent writes one byte to each page, and each write faults:
 * the kernel copies the page (4 KiB) and maps the copy writable. The result
 * is the time per page. Then the parent closes the pipe, the child sees end
 * of file and exits, and the parent reaps it.
 *
 * madvise(MADV_NOHUGEPAGE) keeps Linux from using 2 MiB pages, as in
 * page_fault; EINVAL (no huge pages) is fine.
 */
#include "bench.h"
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void touch(char *pages, unsigned long n, long page)
{
	for (unsigned long i = 0; i < n; i++)
		pages[i * page] = 2;
}

/* The child: hold the shared pages until the parent closes the pipe. */
static pid_t fork_holder(int *release)
{
	int fds[2];
	if (pipe(fds) < 0)
		die("pipe");
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		char byte;
		close(fds[1]);
		while (read(fds[0], &byte, 1) > 0)
			;
		_exit(0);
	}
	close(fds[0]);
	*release = fds[1];
	return pid;
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 2000);
	long page = sysconf(_SC_PAGESIZE);
	/* The warm-up pages come first in the same mapping. */
	size_t len = (n + WARMUP) * page;
	char *pages = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED)
		die("mmap");
	if (madvise(pages, len, MADV_NOHUGEPAGE) < 0 && errno != EINVAL)
		die("madvise");
	memset(pages, 1, len);

	int release;
	pid_t pid = fork_holder(&release);
	touch(pages, WARMUP, page);
	unsigned long long start = now_ns();
	touch(pages + WARMUP * page, n, page);
	unsigned long long total = now_ns() - start;

	close(release);
	int status;
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	if (status != 0)
		fail("the child failed");
	report("cow_fault", total / n, "ns");
	return 0;
}
