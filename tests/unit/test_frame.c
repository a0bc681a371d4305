/* The frame allocator's bookkeeping: ranges, reservations, refcounts, exhaustion. */
#include <stdbool.h>
#include <string.h>
#include "mm.h"
#include "spinlock.h"
#include "unit.h"

/* The kernel's lock, without a CPU: the tests are single-threaded. */
void spin_lock(struct spinlock *l) { l->locked = 1; }
void spin_unlock(struct spinlock *l) { l->locked = 0; }

#define N 256
static struct frame table[N];

static void setup(void)
{
	frame_setup(table, N);
	frame_add_free_range(0xFF000, 0x200000);	/* past the table: only frame 255 */
	frame_add_free_range(0x40800, 0x44400);		/* partial pages trimmed: 65..67 */
	frame_add_free_range(0x10000, 0x20000);		/* frames 16..31 */
}

static void test_ranges(void)
{
	setup();
	CHECK(frame_free_count() == 16 + 3 + 1, "free %lu", frame_free_count());
	CHECK(frame_total_count() == 20, "total %lu", frame_total_count());
	bool seen[N] = { 0 };
	paddr_t pa, first = frame_alloc();
	CHECK(first == 0x10000, "the last range added comes first, lowest frame first: %#lx", first);
	seen[first >> 12] = true;
	int n = 1;
	uint64_t prev = 0;
	while ((pa = frame_alloc())) {
		uint64_t fn = pa >> 12;
		CHECK(fn > prev, "within and across ranges frames come lowest first: %lu after %lu", fn, prev);
		prev = fn;
		CHECK(!(pa & 0xFFF), "aligned %#lx", pa);
		CHECK((fn >= 16 && fn < 32) || (fn >= 65 && fn < 68) || fn == 255, "frame %lu outside", fn);
		CHECK(!seen[fn], "frame %lu handed out twice", fn);
		seen[fn] = true;
		n++;
	}
	CHECK(n == 20, "allocated %d", n);
	CHECK(frame_free_count() == 0, "free %lu", frame_free_count());
	CHECK(frame_alloc() == 0, "exhausted: 0");
	frame_add_free_range(0x10000, 0x11000);
	CHECK(frame_free_count() == 0, "adding an allocated frame again does not free it");
}

static void test_refcounts(void)
{
	setup();
	uint64_t start = frame_free_count();
	paddr_t a = frame_alloc();
	CHECK(frame_refcount(a) == 1, "new frame refcount %u", frame_refcount(a));
	frame_ref(a);
	frame_ref(a);
	CHECK(frame_refcount(a) == 3, "refcount %u", frame_refcount(a));
	frame_unref(a);
	frame_unref(a);
	CHECK(frame_free_count() == start - 1, "still held by one");
	frame_unref(a);
	CHECK(frame_refcount(a) == 0 && frame_free_count() == start, "freed at zero");
	CHECK(frame_alloc() == a, "LIFO: the freed frame comes back first");
	frame_unref(a);
}

static void test_misuse_panics(void)
{
	setup();
	paddr_t a = frame_alloc();
	frame_unref(a);
	CHECK(PANICS(frame_unref(a)), "double free caught");
	CHECK(PANICS(frame_ref(a)), "ref of a free frame caught");
	CHECK(PANICS(frame_unref(0x1000)), "unref of a reserved frame caught");
	CHECK(PANICS(frame_unref((paddr_t)N << 12)), "unref past the table caught");
	CHECK(frame_refcount(0x1000) == FRAME_RESERVED, "reserved reads as reserved");
}

static void test_churn_returns(void)
{
	setup();
	uint64_t start = frame_free_count();
	paddr_t held[20];
	for (int round = 0; round < 100; round++) {
		int k = 0;
		while (k < 20 && (held[k] = frame_alloc()))
			k++;
		for (int i = 0; i < k; i++) {
			int j = (i * 7 + round) % k;
			if (held[j]) {
				frame_unref(held[j]);
				held[j] = 0;
			}
		}
		for (int i = 0; i < k; i++)
			if (held[i])
				frame_unref(held[i]);
	}
	CHECK(frame_free_count() == start, "after churn %lu, want %lu", frame_free_count(), start);
}

int main(void)
{
	test_ranges();
	test_refcounts();
	test_misuse_panics();
	test_churn_returns();
	return unit_finish("frame");
}
