/* getrandom fills the whole buffer (for sizes up to 256 bytes it is never
 * short), two calls differ, GRND_NONBLOCK works, unknown flags are EINVAL. */
#include "abi.h"
#include <sys/random.h>

int main(void)
{
	unsigned char a[256], b[256];
	int zero_bytes = 0;

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	show("getrandom 256", syscall(SYS_getrandom, a, sizeof(a), 0));
	show("getrandom 256 GRND_NONBLOCK", syscall(SYS_getrandom, b, sizeof(b), GRND_NONBLOCK));
	for (size_t i = 0; i < sizeof(a); i++)
		zero_bytes += a[i] == 0;
	printf("not all zeros: %s\n", yes(zero_bytes < 32));
	printf("the two buffers differ: %s\n", yes(memcmp(a, b, sizeof(a)) != 0));
	show("getrandom 1", syscall(SYS_getrandom, a, 1, 0));
	show("getrandom 0", syscall(SYS_getrandom, a, 0, 0));
	show("getrandom 4096", syscall(SYS_getrandom, (unsigned char[4096]){ 0 }, 4096, 0));
	show("unknown flags", syscall(SYS_getrandom, a, 16, 0x100));
	return 0;
}
