#ifndef SYSRET_MM_H
#define SYSRET_MM_H
/* Memory: physical frames, the kernel heap, and the vmalloc area. */
#include "types.h"

/* Physical frames (mm/frame.c). Each has a reference count: copy-on-write
 * shares a frame between address spaces and frees it with its last user. */
struct frame {
	uint32_t refcount;	/* FRAME_RESERVED: not RAM, or never handed out */
	uint32_t next_free;	/* free-list link, a frame number */
};
#define FRAME_RESERVED	UINT32_MAX

void frame_setup(struct frame *table, uint64_t nframes);
void frame_add_free_range(paddr_t start, paddr_t end);
paddr_t frame_alloc(void);		/* refcount 1; 0 when memory is out */
void frame_ref(paddr_t pa);
void frame_unref(paddr_t pa);		/* frees the frame when the count reaches 0 */
uint32_t frame_refcount(paddr_t pa);
uint64_t frame_free_count(void);
uint64_t frame_total_count(void);	/* frames ever made free: usable RAM */

/* The kernel heap (mm/kheap.c): small objects from slabs, large ones from vmalloc. */
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(void *p);
uint64_t kheap_bytes_in_use(void);
void *page_alloc(void);			/* one zeroed page, direct-mapped */
void page_free(void *p);

/* The vmalloc area (mm/vmalloc.c): page-granular, each allocation with a
 * guard page below it, so a stack overflow faults instead of corrupting. */
void vmalloc_init(void);
void *vmalloc(size_t size);
void vfree(void *p);
void vfree_counted(void *p, size_t *pages);
void *vmalloc_stack(size_t size);
void *ioremap(paddr_t pa, size_t size);	/* uncached MMIO */
bool vmalloc_contains(const void *p);

#endif
