/*
 * The kernel heap. Small objects (up to 2 KiB) come from slabs: a page per
 * slab, its header at the start, equal-sized objects after it on a free
 * list. A slab whose objects are all free goes straight back to the frame
 * allocator, so after any churn the heap returns to its starting frame
 * count. Bigger requests go to vmalloc. kheap_bytes_in_use() counts the
 * bytes handed out (rounded to the object or page size), for leak tests.
 */
#include "arch.h"
#include "kernel.h"
#include "mm.h"
#include "spinlock.h"
#include "string.h"

#define SLAB_MAGIC	0x51AB51AB
#define NCLASSES	8		/* 16, 32, ... 2048 bytes */
#define MAX_SMALL	2048
#define SLAB_HEADER	64	/* objects of 64 bytes and up are 64-byte aligned (XSAVE wants it) */

struct slab {
	uint32_t magic;
	uint16_t class_idx;
	uint16_t nfree;
	void *free;			/* first free object */
	struct slab *next, *prev;	/* in its class's list of slabs with free objects */
};

static struct spinlock heap_lock = SPINLOCK_INIT("kheap");
static struct slab *partial[NCLASSES];	/* guarded by heap_lock */
static uint64_t bytes_in_use;

static size_t class_size(int idx) { return 16UL << idx; }

static int class_of(size_t size)
{
	int idx = 0;
	while (class_size(idx) < size)
		idx++;
	return idx;
}

static size_t slab_capacity(int idx)
{
	return (PAGE_SIZE - SLAB_HEADER) / class_size(idx);
}

void *page_alloc(void)
{
	paddr_t pa = frame_alloc();
	if (!pa)
		return NULL;
	void *p = phys_to_virt(pa);
	memset(p, 0, PAGE_SIZE);
	return p;
}

void page_free(void *p) { frame_unref(virt_to_phys(p)); }

static struct slab *slab_new_locked(int idx)
{
	struct slab *s = page_alloc();
	if (!s)
		return NULL;
	size_t size = class_size(idx), n = slab_capacity(idx);
	char *obj = (char *)s + SLAB_HEADER;
	*s = (struct slab){ SLAB_MAGIC, idx, n, obj, NULL, NULL };
	for (size_t i = 0; i + 1 < n; i++, obj += size)
		*(void **)obj = obj + size;
	*(void **)obj = NULL;
	return s;
}

static void list_remove_locked(struct slab *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		partial[s->class_idx] = s->next;
	if (s->next)
		s->next->prev = s->prev;
	s->next = s->prev = NULL;
}

static void list_push_locked(struct slab *s)
{
	s->prev = NULL;
	s->next = partial[s->class_idx];
	if (s->next)
		s->next->prev = s;
	partial[s->class_idx] = s;
}

static void *slab_alloc(int idx)
{
	void *obj = NULL;
	spin_lock(&heap_lock);
	struct slab *s = partial[idx];
	if (!s && (s = slab_new_locked(idx)))
		list_push_locked(s);
	if (s) {
		obj = s->free;
		s->free = *(void **)obj;
		if (--s->nfree == 0)
			list_remove_locked(s);
		bytes_in_use += class_size(idx);
	}
	spin_unlock(&heap_lock);
	return obj;
}

static void slab_free(void *obj)
{
	struct slab *s = (struct slab *)ALIGN_DOWN((uintptr_t)obj, PAGE_SIZE);
	KASSERT(s->magic == SLAB_MAGIC);
	spin_lock(&heap_lock);
	if (s->nfree == 0)
		list_push_locked(s);
	*(void **)obj = s->free;
	s->free = obj;
	s->nfree++;
	bytes_in_use -= class_size(s->class_idx);
	if (s->nfree == slab_capacity(s->class_idx)) {
		list_remove_locked(s);
		s->magic = 0;
		page_free(s);
	}
	spin_unlock(&heap_lock);
}

/* Allocates size bytes (16-byte aligned); NULL when memory is out. May not sleep. */
void *kmalloc(size_t size)
{
	if (size == 0)
		size = 1;
	if (size <= MAX_SMALL)
		return slab_alloc(class_of(size));
	void *p = vmalloc(size);
	if (p)
		__atomic_add_fetch(&bytes_in_use, ALIGN_UP(size, PAGE_SIZE), __ATOMIC_RELAXED);
	return p;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);
	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(void *p)
{
	if (!p)
		return;
	if (vmalloc_contains(p)) {
		size_t pages = 0;
		vfree_counted(p, &pages);
		__atomic_sub_fetch(&bytes_in_use, pages * PAGE_SIZE, __ATOMIC_RELAXED);
		return;
	}
	slab_free(p);
}

uint64_t kheap_bytes_in_use(void) { return READ_ONCE(bytes_in_use); }
