/* poll()/ppoll() readiness on pipes: POLLOUT on an empty pipe's write end,
 * POLLIN once data arrive, POLLHUP when the writers are gone, POLLERR on a
 * write end without readers, POLLNVAL for a closed fd; timeout 0 returns 0. */
#include "abi.h"
#include <poll.h>

static void events(const char *what, int ret, short revents)
{
	printf("%s: %d [%s%s%s%s%s ]\n", what, ret, revents & POLLIN ? " POLLIN" : "",
	       revents & POLLOUT ? " POLLOUT" : "", revents & POLLHUP ? " POLLHUP" : "",
	       revents & POLLERR ? " POLLERR" : "", revents & POLLNVAL ? " POLLNVAL" : "");
}

int main(void)
{
	int fds[2];
	struct pollfd p[2];

	pipe(fds);
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	int r = poll(p, 1, 0);
	events("empty pipe, read end, timeout 0", r, p[0].revents);
	r = poll(p + 1, 1, 0);
	events("empty pipe, write end", r, p[1].revents);
	write(fds[1], "x", 1);
	r = poll(p, 2, -1);
	events("with data, read end", r, p[0].revents);
	events("with data, write end", r, p[1].revents);

	struct timespec ts = { 0, 0 };
	r = ppoll(p, 1, &ts, NULL);
	events("ppoll with data", r, p[0].revents);

	close(fds[1]);
	r = poll(p, 1, 0);
	events("data and no writer", r, p[0].revents);
	char c;
	read(fds[0], &c, 1);
	r = poll(p, 1, 0);
	events("drained, no writer", r, p[0].revents);
	close(fds[0]);

	pipe(fds);
	close(fds[0]);
	p[1].fd = fds[1];
	r = poll(p + 1, 1, 0);
	events("write end, no reader", r, p[1].revents);
	close(fds[1]);
	r = poll(p + 1, 1, 0);
	events("closed fd", r, p[1].revents);
	p[1].fd = -1;
	r = poll(p + 1, 1, 0);
	events("negative fd is ignored", r, p[1].revents);
	return 0;
}
