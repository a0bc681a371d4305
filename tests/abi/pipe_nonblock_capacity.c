/* O_NONBLOCK pipes: a read of an empty pipe is EAGAIN; writes fill the pipe
 * (64 KiB on Linux) and then fail with EAGAIN; a write larger than the room
 * left is partial; reading frees room; the data arrive in order. */
#include "abi.h"

static unsigned char chunk[8192];

int main(void)
{
	int fds[2];
	long total = 0, n;
	unsigned char buf[4096];

	pipe2(fds, O_NONBLOCK);
	show("read of an empty pipe", read(fds[0], buf, 1));
	for (int i = 0; i < (int)sizeof(chunk); i++)
		chunk[i] = i % 251;
	int writes = 0;
	while ((n = write(fds[1], chunk, 4096)) > 0)
		total += n, writes++;
	printf("filled: %ld bytes in %d page writes, then %s\n", total, writes, errno_name(errno));
	show("1-byte write when full", write(fds[1], "x", 1));
	printf("read one page: %d\n", (int)read(fds[0], buf, 4096));
	printf("write of two pages into one page of room: %d\n",
	       (int)write(fds[1], chunk, 8192));
	show("then", write(fds[1], chunk, 1));

	/* Drain and check every byte: 15 pages of pattern, then the partial one. */
	long drained = 0, bad = 0;
	while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
		for (int i = 0; i < n; i++)
			bad += buf[i] != (drained + i) % 4096 % 251;
		drained += n;
	}
	printf("drained %ld bytes, %ld out of place, then %s\n", drained, bad, errno_name(errno));
	close(fds[1]);
	printf("read with no writer: %d\n", (int)read(fds[0], buf, 1));
	return 0;
}
