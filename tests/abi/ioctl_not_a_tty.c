/* ioctl TCGETS and TIOCGWINSZ on a regular file and on a pipe are ENOTTY
 * (isatty() is false); an unknown request on a file is ENOTTY too. */
#include "abi.h"
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
	struct termios t;
	struct winsize w;
	int p[2];

	write_file("abi_ioctl_not_a_tty_file", "", 0, 0644);
	int fd = open("abi_ioctl_not_a_tty_file", O_RDWR);
	pipe(p);
	show("TCGETS on a file", ioctl(fd, TCGETS, &t));
	show("TIOCGWINSZ on a file", ioctl(fd, TIOCGWINSZ, &w));
	show("TCGETS on a pipe", ioctl(p[0], TCGETS, &t));
	show("TIOCGWINSZ on a pipe", ioctl(p[1], TIOCGWINSZ, &w));
	show("unknown request on a file", ioctl(fd, 0x12345678, 0));
	show("isatty(file)", isatty(fd));
	close(fd);
	unlink("abi_ioctl_not_a_tty_file");
	return 0;
}
