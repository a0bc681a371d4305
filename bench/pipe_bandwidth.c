/*
 * pipe_bandwidth: how fast data goes through a pipe.
 *
 *   pipe_bandwidth [N]     default 256 (chunks of 64 KiB: 16 MiB)
 *
 * A child writes N chunks of 64 KiB into a pipe and exits; the parent reads
 * until end of file, 64 KiB at a time, and checks it got every byte. The
 * result is in MiB/s: each byte is copied twice (into the kernel's pipe
 * buffer and out of it), and the two processes take turns as the buffer
 * fills and empties.
 *
 * The clock starts when fork returns in the parent, so the fork itself is
 * not counted; the child may have written at most one pipe buffer by then.
 */
#include "bench.h"
#include <sys/wait.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

static char buffer[CHUNK];

static void writer(int out, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		for (size_t done = 0; done < CHUNK;) {
			ssize_t put = write(out, buffer + done, CHUNK - done);
			if (put < 0)
				die("write");
			done += put;
		}
	}
	_exit(0);
}

/* Moves n chunks through a pipe; returns the time in ns. */
static unsigned long long transfer(unsigned long n)
{
	int fds[2];
	if (pipe(fds) < 0)
		die("pipe");
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		close(fds[0]);
		writer(fds[1], n);
	}
	unsigned long long start = now_ns(), bytes = 0;
	close(fds[1]);
	ssize_t got;
	while ((got = read(fds[0], buffer, CHUNK)) > 0)
		bytes += got;
	unsigned long long ns = now_ns() - start;
	if (got < 0)
		die("read");
	close(fds[0]);
	int status;
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	if (status != 0 || bytes != n * CHUNK)
		fail("the data did not all arrive");
	return ns;
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 256);
	transfer(WARMUP);
	unsigned long long ns = transfer(n) + 1;	/* + 1: never divide by 0 */
	double bytes = (double)n * CHUNK;
	report("pipe_bandwidth", (unsigned long long)(bytes * 1e9 / ns / 1048576), "MiB/s");
	return 0;
}
