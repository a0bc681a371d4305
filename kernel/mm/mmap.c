/*
 * The memory system calls: brk, mmap, munmap, mprotect, mremap, with
 * Linux's argument checks and errors. Regions are split and merged here;
 * pages come and go through vm.c.
 */
#include "arch.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "paging.h"
#include "proc.h"
#include "string.h"
#include "vm.h"

#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE	0x0f
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_GROWSDOWN	0x100
#define MAP_FIXED_NOREPLACE 0x100000
#define MREMAP_MAYMOVE	1
#define MREMAP_FIXED	2

static uint32_t prot_to_flags(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/* Splits v at addr (inside it); v keeps the lower part. [m] held. */
static int vma_split(struct vma *v, uint64_t addr)
{
	struct vma *n = kmalloc(sizeof(*n));
	if (!n)
		return -ENOMEM;
	*n = *v;
	n->start = addr;
	if (n->shm) {
		n->shm->refcount++;
		n->shm_pgoff += (addr - v->start) / PAGE_SIZE;
	}
	if (n->file) {
		inode_get(n->file);
		n->file_off += addr - v->start;
	}
	v->end = addr;
	list_add(&n->link, &v->link);
	return 0;
}

static void unmap_pte(uint64_t *pte, uintptr_t va, void *arg)
{
	(void)arg;
	frame_unref(*pte & PTE_ADDR);
	*pte = 0;
	invlpg(va);
}

/* The regions overlapping [start, end), split so that each lies inside it,
 * are passed to fn in turn (fn may remove them). [m] held. */
static int for_each_inside(struct mm *mm, uint64_t start, uint64_t end,
			   void (*fn)(struct mm *, struct vma *, void *), void *arg)
{
	struct list_head *pos = mm->vmas.next;
	while (pos != &mm->vmas) {
		struct vma *v = list_entry(pos, struct vma, link);
		if (v->end <= start || v->start >= end) {
			pos = pos->next;
			continue;
		}
		if (v->start < start) {		/* keep the part below; go on with the rest */
			if (vma_split(v, start))
				return -ENOMEM;
			pos = pos->next;
			continue;
		}
		if (v->end > end && vma_split(v, end))
			return -ENOMEM;
		pos = pos->next;		/* before fn, which may free v */
		fn(mm, v, arg);
	}
	return 0;
}

static void remove_vma(struct mm *mm, struct vma *v, void *arg)
{
	(void)arg;
	pt_range(mm->pml4, v->start, v->end, unmap_pte, NULL);
	list_del(&v->link);
	vma_free(v);
}

/* Removes every mapping in [start, end). [m] held. */
static int unmap_range_locked(struct mm *mm, uint64_t start, uint64_t end)
{
	return for_each_inside(mm, start, end, remove_vma, NULL);
}

static bool range_free_locked(struct mm *mm, uint64_t start, uint64_t end)
{
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link)
		if (v->start < end && start < v->end)
			return false;
	return start >= MMAP_BOTTOM && end <= USER_TOP && start < end;
}

/* The highest free range of len bytes below MMAP_TOP (top-down, as Linux); 0 if none. */
static uint64_t find_free_locked(struct mm *mm, uint64_t len)
{
	uint64_t top = MMAP_TOP;
	struct vma *v;
	for (v = list_entry(mm->vmas.prev, struct vma, link); &v->link != &mm->vmas;
	     v = list_entry(v->link.prev, struct vma, link)) {
		if (v->start >= top)
			continue;	/* wholly above: the stack */
		if (top > v->end && top - v->end >= len)
			return top - len;
		top = v->start;
	}
	return top >= MMAP_BOTTOM + len ? top - len : 0;
}

long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned int flags,
	      int fd, unsigned long off)
{
	struct mm *mm = current->mm;
	unsigned long type = flags & MAP_TYPE;
	if (!len || (off & (PAGE_SIZE - 1)) || (type != MAP_SHARED && type != MAP_PRIVATE &&
						type != MAP_SHARED_VALIDATE))
		return -EINVAL;
	if (addr & (PAGE_SIZE - 1) && (flags & MAP_FIXED))
		return -EINVAL;
	if (len > USER_TOP)
		return -ENOMEM;
	len = ALIGN_UP(len, PAGE_SIZE);
	struct inode *file = NULL;
	if (!(flags & MAP_ANONYMOUS)) {
		long err = mmap_file_inode(fd, prot, type != MAP_PRIVATE, &file);
		if (err < 0)
			return err;
	}
	struct vma *v = kzalloc(sizeof(*v));
	if (!v)
		goto out_nomem;
	v->flags = prot_to_flags(prot) | (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0);
	v->file = file;
	v->file_off = off;
	if (type != MAP_PRIVATE && file)
		v->flags |= VM_SHARED;		/* the file's own pages are mapped */
	if (type != MAP_PRIVATE && !file) {
		v->flags |= VM_SHARED;
		v->shm = kzalloc(sizeof(struct shm_obj) + len / PAGE_SIZE * sizeof(paddr_t));
		if (!v->shm)
			goto out_nomem;
		v->shm->refcount = 1;
		v->shm->npages = len / PAGE_SIZE;
	}
	spin_lock(&mm->lock);
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (!range_free_locked(mm, addr, addr + len)) {
			if (flags & MAP_FIXED_NOREPLACE) {
				spin_unlock(&mm->lock);
				vma_free(v);
				return -EEXIST;
			}
			unmap_range_locked(mm, addr, addr + len);
		}
	} else if (!addr || !range_free_locked(mm, ALIGN_DOWN(addr, PAGE_SIZE),
					       ALIGN_DOWN(addr, PAGE_SIZE) + len)) {
		addr = find_free_locked(mm, len);
	}
	addr = ALIGN_DOWN(addr, PAGE_SIZE);
	if (!addr) {
		spin_unlock(&mm->lock);
		vma_free(v);
		return -ENOMEM;
	}
	v->start = addr;
	v->end = addr + len;
	vma_insert(mm, v);
	spin_unlock(&mm->lock);
	return addr;
out_nomem:
	if (v)
		vma_free(v);
	else if (file)
		inode_put(file);
	return -ENOMEM;
}

long sys_munmap(unsigned long addr, unsigned long len)
{
	if ((addr & (PAGE_SIZE - 1)) || !len || len > USER_TOP || addr >= USER_TOP)
		return -EINVAL;
	struct mm *mm = current->mm;
	spin_lock(&mm->lock);
	int err = unmap_range_locked(mm, addr, addr + ALIGN_UP(len, PAGE_SIZE));
	spin_unlock(&mm->lock);
	return err;
}

struct prot_ctx { uint32_t flags; };

static void protect_pte(uint64_t *pte, uintptr_t va, void *arg)
{
	struct prot_ctx *p = arg;
	uint64_t f = vm_pte_flags(p->flags);
	/* A frame still shared copy-on-write stays read-only until written. */
	if ((f & PTE_W) && !(p->flags & VM_SHARED) && frame_refcount(*pte & PTE_ADDR) > 1)
		f &= ~PTE_W;
	*pte = (*pte & PTE_ADDR) | f;
	invlpg(va);
}

static void protect_vma(struct mm *mm, struct vma *v, void *arg)
{
	v->flags = (v->flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | *(uint32_t *)arg;
	struct prot_ctx p = { v->flags };
	pt_range(mm->pml4, v->start, v->end, protect_pte, &p);
}

long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot)
{
	if ((addr & (PAGE_SIZE - 1)) || prot & ~7UL)
		return -EINVAL;
	uint64_t end = addr + ALIGN_UP(len, PAGE_SIZE);
	if (end < addr || end > USER_TOP)
		return -ENOMEM;
	struct mm *mm = current->mm;
	spin_lock(&mm->lock);
	for (uint64_t a = addr; a < end;) {	/* every page must be mapped */
		struct vma *v = vm_find(mm, a);
		if (!v) {
			spin_unlock(&mm->lock);
			return -ENOMEM;
		}
		a = v->end;
	}
	uint32_t flags = prot_to_flags(prot);
	int err = for_each_inside(mm, addr, end, protect_vma, &flags);
	spin_unlock(&mm->lock);
	return err;
}

/* brk: the heap is [brk_start, brk); it moves only if the range is free. */
long sys_brk(unsigned long want)
{
	struct mm *mm = current->mm;
	spin_lock(&mm->lock);
	uint64_t old_end = ALIGN_UP(mm->brk, PAGE_SIZE), new_end = ALIGN_UP(want, PAGE_SIZE);
	if (want < mm->brk_start || want >= MMAP_TOP)
		goto out;
	if (new_end < old_end) {
		unmap_range_locked(mm, new_end, old_end);
	} else if (new_end > old_end) {
		if (!range_free_locked(mm, old_end, new_end))
			goto out;
		struct vma *heap = old_end > mm->brk_start ? vm_find(mm, old_end - 1) : NULL;
		if (heap && heap->end == old_end && heap->flags == (VM_READ | VM_WRITE) &&
		    !heap->file && !heap->shm) {
			heap->end = new_end;	/* the heap grows: one region, not one per call */
			goto done;
		}
		struct vma *v = kzalloc(sizeof(*v));
		if (!v)
			goto out;
		*v = (struct vma){ .start = old_end, .end = new_end, .flags = VM_READ | VM_WRITE };
		vma_insert(mm, v);
	}
done:
	mm->brk = want;
out:
	want = mm->brk;
	spin_unlock(&mm->lock);
	return want;
}

static void move_pte(uint64_t *pte, uintptr_t va, void *arg)
{
	int64_t delta = *(int64_t *)arg;
	struct mm *mm = current->mm;
	uint64_t *n = pt_pte(mm->pml4, va + delta, true);
	if (n) {
		*n = *pte;
	} else {
		frame_unref(*pte & PTE_ADDR);	/* out of memory: the page is lost, not leaked */
	}
	*pte = 0;
	invlpg(va);
}

long sys_mremap(unsigned long old, unsigned long old_len, unsigned long new_len,
		unsigned int flags, unsigned long new_addr)
{
	(void)new_addr;
	if ((old & (PAGE_SIZE - 1)) || !new_len || (flags & ~3UL) || (flags & MREMAP_FIXED))
		return -EINVAL;
	old_len = ALIGN_UP(old_len, PAGE_SIZE);
	new_len = ALIGN_UP(new_len, PAGE_SIZE);
	struct mm *mm = current->mm;
	spin_lock(&mm->lock);
	struct vma *v = vm_find(mm, old);
	long ret = -EFAULT;
	if (!v || old + old_len > v->end)
		goto out;
	if (new_len <= old_len) {
		unmap_range_locked(mm, old + new_len, old + old_len);
		ret = old;
	} else if (old + old_len == v->end && range_free_locked(mm, v->end, old + new_len)) {
		v->end = old + new_len;	/* grow in place */
		ret = old;
	} else if (!(flags & MREMAP_MAYMOVE) || v->shm || v->start != old || v->end != old + old_len) {
		ret = -ENOMEM;
	} else {
		uint64_t to = find_free_locked(mm, new_len);
		ret = -ENOMEM;
		if (!to)
			goto out;
		int64_t delta = to - old;
		pt_range(mm->pml4, v->start, v->end, move_pte, &delta);
		list_del(&v->link);
		v->start = to;
		v->end = to + new_len;
		vma_insert(mm, v);
		ret = to;
	}
out:
	spin_unlock(&mm->lock);
	return ret;
}

#define MADV_DONTNEED	4

/* madvise: advice is taken and, but for MADV_DONTNEED, needs nothing done
 * (no huge pages, no swap, no read-ahead here). MADV_DONTNEED drops the
 * pages: the next touch brings zeroes (or the file's contents) back. */
long sys_madvise(unsigned long addr, unsigned long len, int advice)
{
	static const uint32_t known = 1 << 0 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << MADV_DONTNEED |
				      1 << 8 | 1 << 9 | 1 << 10 | 1 << 11 | 1 << 12 | 1 << 13 |
				      1 << 14 | 1 << 15 | 1 << 16 | 1 << 17;
	if ((addr & (PAGE_SIZE - 1)) || advice < 0 || advice > 17 || !(known >> advice & 1))
		return -EINVAL;
	uint64_t end = addr + ALIGN_UP(len, PAGE_SIZE);
	if (end < addr)
		return -EINVAL;
	struct mm *mm = current->mm;
	long err = 0;
	spin_lock(&mm->lock);
	uint64_t a = addr;
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link) {
		if (v->end <= a)
			continue;
		if (v->start >= end)
			break;
		if (v->start > a)
			err = -ENOMEM;	/* a hole: Linux still advises the rest, and says so */
		uint64_t from = MAX(a, v->start), to = MIN(v->end, end);
		if (advice == MADV_DONTNEED)
			pt_range(mm->pml4, from, to, unmap_pte, NULL);
		a = to;
	}
	if (a < end)
		err = -ENOMEM;
	spin_unlock(&mm->lock);
	return err;
}
