#ifndef SYSRET_VM_H
#define SYSRET_VM_H
/* Address spaces: a page table and the regions (VMAs) that say what may be mapped. */
#include "list.h"
#include "spinlock.h"
#include "types.h"

#define VM_READ		0x1
#define VM_WRITE	0x2
#define VM_EXEC		0x4
#define VM_SHARED	0x8	/* writes are seen by every mapping (MAP_SHARED) */
#define VM_GROWSDOWN	0x10	/* the stack: grows down on a fault below it */

#define STACK_TOP	0x7ffffffff000UL	/* as Linux without randomization */
#define STACK_MAX	(8UL << 20)		/* RLIMIT_STACK's default */
#define MMAP_TOP	(STACK_TOP - STACK_MAX - (1UL << 30))
#define MMAP_BOTTOM	0x10000UL

struct inode;

/* The pages of a MAP_SHARED|MAP_ANONYMOUS region, shared across fork. */
struct shm_obj {
	int refcount;
	uint64_t npages;
	paddr_t pages[];	/* 0 until first touched */
};

struct vma {
	uint64_t start, end;		/* [start, end), page aligned */
	uint32_t flags;			/* VM_* */
	struct shm_obj *shm;		/* VM_SHARED anonymous: the pages */
	uint64_t shm_pgoff;		/* this vma's first page in shm */
	struct inode *file;		/* private file mapping: the contents to copy */
	uint64_t file_off;
	struct list_head link;		/* in mm->vmas, sorted by start */
};

/* Lock legend: [m] mm->lock. */
struct mm {
	uint64_t *pml4;
	paddr_t pml4_phys;
	struct list_head vmas;		/* [m] */
	uint64_t brk_start, brk;	/* [m] the heap: [brk_start, brk) */
	int users;			/* processes using it (a vfork child shares) */
	struct inode *exe;		/* the program it runs, whose code frames it shares */
	struct spinlock lock;
};

struct mm *mm_create(void);
struct mm *mm_fork(struct mm *parent);	/* copy-on-write: copies no page */
void mm_put(struct mm *mm);
void mm_activate(struct mm *mm);
int vm_fault(struct mm *mm, uint64_t addr, bool write, bool exec, int *si_code);
int vm_map_fixed(struct mm *mm, uint64_t start, uint64_t len, uint32_t flags);
int vm_fill(struct mm *mm, uint64_t va, const void *src, uint64_t len);
struct inode;
long vm_share_file(struct mm *mm, uint64_t va, struct inode *ino, uint64_t off, uint64_t len);
void mm_set_exe(struct mm *mm, struct inode *ino);
struct vma *vm_find(struct mm *mm, uint64_t addr);
uint64_t vm_pte_flags(uint32_t flags);
void vma_free(struct vma *v);
void vma_insert(struct mm *mm, struct vma *v);

#define SEGV_MAPERR	1
#define SEGV_ACCERR	2

#endif
