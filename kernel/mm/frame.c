/*
 * The physical frame allocator. One struct frame per 4 KiB frame of physical
 * memory, indexed by frame number; free frames form a LIFO list through
 * next_free, so allocation and freeing are O(1). Frames that are not RAM, or
 * that hold the kernel, the initramfs or this table, stay FRAME_RESERVED.
 * The bookkeeping never touches the frames themselves, so it is unit-tested
 * on the host.
 */
#include "kernel.h"
#include "mm.h"
#include "spinlock.h"

#define NO_FRAME	UINT32_MAX

static struct spinlock frame_lock = SPINLOCK_INIT("frames");
static struct frame *frames;	/* guarded by frame_lock */
static uint64_t nframes;
static uint32_t free_head = NO_FRAME;
static uint64_t nfree, ntotal;

/* Takes the table (nframes entries) and marks every frame reserved. */
void frame_setup(struct frame *table, uint64_t n)
{
	KASSERT(n < NO_FRAME);
	frames = table;
	nframes = n;
	for (uint64_t i = 0; i < n; i++)
		frames[i] = (struct frame){ FRAME_RESERVED, NO_FRAME };
	free_head = NO_FRAME;
	nfree = ntotal = 0;
}

static void push_free_locked(uint64_t fn)
{
	frames[fn].refcount = 0;
	frames[fn].next_free = free_head;
	free_head = fn;
	nfree++;
}

/* Makes the whole frames inside [start, end) allocatable. */
void frame_add_free_range(paddr_t start, paddr_t end)
{
	uint64_t first = ALIGN_UP(start, PAGE_SIZE) >> PAGE_SHIFT;
	uint64_t last = ALIGN_DOWN(end, PAGE_SIZE) >> PAGE_SHIFT;
	spin_lock(&frame_lock);
	for (uint64_t fn = last; fn-- > first;) {	/* low frames end up first */
		if (fn < nframes && frames[fn].refcount == FRAME_RESERVED) {
			push_free_locked(fn);
			ntotal++;
		}
	}
	spin_unlock(&frame_lock);
}

paddr_t frame_alloc(void)
{
	paddr_t pa = 0;
	spin_lock(&frame_lock);
	if (free_head != NO_FRAME) {
		uint64_t fn = free_head;
		free_head = frames[fn].next_free;
		frames[fn].refcount = 1;
		nfree--;
		pa = fn << PAGE_SHIFT;
	}
	spin_unlock(&frame_lock);
	return pa;
}

static struct frame *frame_of(paddr_t pa)
{
	uint64_t fn = pa >> PAGE_SHIFT;
	KASSERT(fn < nframes);
	KASSERT(frames[fn].refcount != FRAME_RESERVED);
	return &frames[fn];
}

void frame_ref(paddr_t pa)
{
	spin_lock(&frame_lock);
	struct frame *f = frame_of(pa);
	KASSERT(f->refcount > 0);
	f->refcount++;
	spin_unlock(&frame_lock);
}

void frame_unref(paddr_t pa)
{
	spin_lock(&frame_lock);
	struct frame *f = frame_of(pa);
	KASSERT(f->refcount > 0);
	if (--f->refcount == 0)
		push_free_locked(pa >> PAGE_SHIFT);
	spin_unlock(&frame_lock);
}

uint32_t frame_refcount(paddr_t pa)
{
	uint64_t fn = pa >> PAGE_SHIFT;
	return fn < nframes ? READ_ONCE(frames[fn].refcount) : FRAME_RESERVED;
}

uint64_t frame_free_count(void) { return READ_ONCE(nfree); }
uint64_t frame_total_count(void) { return ntotal; }
