/* mmap of a file: MAP_PRIVATE reads the file's bytes (zero past its end
 * within the last page) and stores stay private; MAP_SHARED stores reach the
 * file; offsets must be page aligned. */
#include "abi.h"

int main(void)
{
	const char *path = "abi_mmap_file_private_file";
	char buf[16] = "";
	static char data[5000];

	for (int i = 0; i < (int)sizeof(data); i++)
		data[i] = 'a' + i % 26;
	write_file(path, data, sizeof(data), 0644);
	int fd = open(path, O_RDWR);

	char *p = mmap(NULL, 2 * ABI_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	printf("MAP_PRIVATE: bytes match %s, past EOF zero %s\n",
	       yes(memcmp(p, data, sizeof(data)) == 0), yes(p[5000] == 0 && p[8191] == 0));
	p[0] = 'X';
	pread(fd, buf, 4, 0);
	printf("private store not in the file: \"%.4s\"\n", buf);
	munmap(p, 2 * ABI_PAGE);

	p = mmap(NULL, ABI_PAGE, PROT_READ, MAP_PRIVATE, fd, ABI_PAGE);
	printf("offset one page: \"%.4s\"\n", p);
	munmap(p, ABI_PAGE);

	p = mmap(NULL, ABI_PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	memcpy(p, "SHARED", 6);
	pread(fd, buf, 8, 0);
	printf("shared store in the file: \"%.8s\"\n", buf);
	munmap(p, ABI_PAGE);

	show_map("misaligned offset", (void *)syscall(SYS_mmap, NULL, ABI_PAGE, PROT_READ, MAP_PRIVATE, fd, 100));
	close(fd);
	fd = open(path, O_RDONLY);
	show_map("MAP_SHARED writable on a read-only fd",
		 mmap(NULL, ABI_PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
	close(fd);
	unlink(path);
	return 0;
}
