/*
 * fork_shared_vs_separate: what a child shares with its parent after fork
 * and what it only gets a copy of (CSAPP 8.4.2 "duplicate but separate
 * address spaces", 10.8 "sharing files"; CMU 15-213 fork examples).
 *
 *   fork_shared_vs_separate
 *
 * The child changes a global, a stack variable, a heap variable and a
 * MAP_SHARED page, and reads one byte from a file opened before the fork.
 * Then the parent looks. Watch:
 *   - global, stack, heap: the parent still sees its own values - the child
 *     wrote to its private copies (copy-on-write pages);
 *   - the MAP_SHARED page: the parent sees the child's write - one page in
 *     two address spaces;
 *   - the file: the parent reads "b", not "a" - fork copies the descriptor,
 *     but both copies point to one open file, and so to one file offset.
 * The file is a temporary one in $TMPDIR, /tmp, or else the current directory.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static int global = 1;

/* Makes a file holding "abcdef", open for reading at offset 0. */
static int open_temp_file(char *path, size_t size)
{
	const char *dirs[] = { getenv("TMPDIR"), "/tmp", "." };
	for (size_t i = 0; i < 3; i++) {
		if (!dirs[i])
			continue;
		snprintf(path, size, "%s/fork_shared.XXXXXX", dirs[i]);
		int fd = mkstemp(path);
		if (fd < 0)
			continue;
		if (write(fd, "abcdef", 6) == 6 && lseek(fd, 0, SEEK_SET) == 0)
			return fd;
		close(fd);
		unlink(path);
	}
	return -1;
}

static void show(const char *who, int stack, const int *heap, const int *shared, int fd)
{
	char c = '?';
	if (read(fd, &c, 1) != 1)
		c = '?';
	printf("%-6s %d: global=%d stack=%d heap=%d shared=%d, read '%c' from the file\n",
	       who, getpid(), global, stack, *heap, *shared, c);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);	/* no unwritten buffer copied by fork */
	char path[4096];
	int fd = open_temp_file(path, sizeof(path));
	int stack = 1, *heap = malloc(sizeof(int));
	int *shared = mmap(NULL, sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (fd < 0 || !heap || shared == MAP_FAILED) {
		perror("fork_shared_vs_separate: setup");
		return 1;
	}
	*heap = *shared = 1;
	printf("before fork: global=%d stack=%d heap=%d shared=%d, file holds \"abcdef\"\n",
	       global, stack, *heap, *shared);
	pid_t pid = fork();
	if (pid == 0) {
		global = stack = *heap = *shared = 2;
		show("child", stack, heap, shared, fd);
		exit(0);
	}
	waitpid(pid, NULL, 0);	/* the parent looks only after the child is done */
	show("parent", stack, heap, shared, fd);
	close(fd);
	unlink(path);
	return 0;
}
