/* mmap argument errors: length 0, misaligned MAP_FIXED address, neither
 * MAP_PRIVATE nor MAP_SHARED, a bad fd for a file mapping. Raw calls: musl
 * checks some arguments itself. */
#include "abi.h"

#define MMAP(a, l, p, f, fd, o) ((void *)syscall(SYS_mmap, a, l, p, f, fd, o))

int main(void)
{
	int anon = MAP_PRIVATE | MAP_ANONYMOUS;
	char *base = mmap(NULL, ABI_PAGE, PROT_READ, anon, -1, 0);

	show_map("length 0", MMAP(NULL, 0, PROT_READ, anon, -1, 0));
	show_map("MAP_FIXED misaligned",
		 MMAP(base + 1, ABI_PAGE, PROT_READ, anon | MAP_FIXED, -1, 0));
	show_map("no MAP_PRIVATE or MAP_SHARED", MMAP(NULL, ABI_PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0));
	show_map("file mapping, fd -1", MMAP(NULL, ABI_PAGE, PROT_READ, MAP_PRIVATE, -1, 0));
	show_map("file mapping, fd 1024", MMAP(NULL, ABI_PAGE, PROT_READ, MAP_PRIVATE, 1024, 0));
	show_map("huge length", MMAP(NULL, (size_t)1 << 62, PROT_READ, anon, -1, 0));
	show_map("odd length is rounded up", MMAP(NULL, 1, PROT_READ | PROT_WRITE, anon, -1, 0));
	show_map("MAP_FIXED over an existing page",
		 MMAP(base, ABI_PAGE, PROT_READ, anon | MAP_FIXED, -1, 0));
	return 0;
}
