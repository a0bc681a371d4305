/*
 * Address spaces and the page-fault handler.
 *
 * A process's memory is a list of regions (VMAs) saying what may be there,
 * and a page table saying what is there now. Pages arrive on first touch:
 *   - demand zero: anonymous memory (heap, stack, bss, mmap) gets a zeroed frame;
 *   - private file mappings get a copy of the file's page;
 *   - copy-on-write: after fork both processes map the same frames read-only;
 *     the first write to a shared frame copies it (or, if it is the last
 *     user, just makes it writable again);
 *   - stack growth: a fault just below a VM_GROWSDOWN region extends it,
 *     up to STACK_MAX, keeping a guard page from the region below.
 * A fault that fits none of these is a SIGSEGV: SEGV_MAPERR if nothing is
 * mapped there, SEGV_ACCERR if the access is not allowed.
 * Fault: the handler fixes the page table and the CPU runs the same
 * instruction again.
 */
#include "arch.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "paging.h"
#include "string.h"
#include "vm.h"


struct mm *mm_create(void)
{
	struct mm *mm = kzalloc(sizeof(*mm));
	if (!mm)
		return NULL;
	mm->pml4_phys = frame_alloc();
	if (!mm->pml4_phys) {
		kfree(mm);
		return NULL;
	}
	mm->pml4 = phys_to_virt(mm->pml4_phys);
	memset(mm->pml4, 0, PAGE_SIZE / 2);
	memcpy(&mm->pml4[256], &kernel_pml4[256], PAGE_SIZE / 2);	/* the shared kernel half */
	list_init(&mm->vmas);
	spin_init(&mm->lock, "mm");
	mm->users = 1;
	return mm;
}

void mm_activate(struct mm *mm)
{
	paddr_t cr3 = mm ? mm->pml4_phys : kernel_pml4_phys;
	if (read_cr3() != cr3)
		write_cr3(cr3);
}

struct vma *vm_find(struct mm *mm, uint64_t addr)
{
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link)
		if (addr < v->end)
			return addr >= v->start ? v : NULL;
	return NULL;
}

uint64_t vm_pte_flags(uint32_t flags)
{
	if (!(flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return PTE_PROTNONE;		/* PROT_NONE: any access faults */
	uint64_t f = PTE_P | PTE_U;
	if (flags & VM_WRITE)
		f |= PTE_W;
	if (!(flags & VM_EXEC))
		f |= pt_flags_nx();
	return f;
}

static void shm_put(struct shm_obj *s)
{
	if (--s->refcount)
		return;
	for (uint64_t i = 0; i < s->npages; i++)
		if (s->pages[i])
			frame_unref(s->pages[i]);
	kfree(s);
}

void vma_free(struct vma *v)
{
	if (v->shm)
		shm_put(v->shm);
	if (v->file)
		inode_put(v->file);
	kfree(v);
}

static void unmap_pte(uint64_t *pte, uintptr_t va, void *arg)
{
	(void)va, (void)arg;
	frame_unref(*pte & PTE_ADDR);
	*pte = 0;
}

/* mm runs ino's code, sharing its frames: while it does, the file may not be
 * opened for writing or truncated (ETXTBSY), as on Linux, so that no
 * running program's code changes under it. */
void mm_set_exe(struct mm *mm, struct inode *ino)
{
	inode_exec_get(ino);
	mm->exe = ino;
}

void mm_put(struct mm *mm)
{
	if (--mm->users)
		return;
	if (mm->exe)
		inode_exec_put(mm->exe);
	KASSERT(read_cr3() != mm->pml4_phys);
	struct vma *v, *t;
	list_for_each_entry_safe(v, t, &mm->vmas, link) {
		pt_range(mm->pml4, v->start, v->end, unmap_pte, NULL);	/* pages only where mapped */
		vma_free(v);
	}
	pt_free_user_tables(mm->pml4);
	frame_unref(mm->pml4_phys);
	kfree(mm);
}

/* ---- fork: copy-on-write ---- */

struct fork_ctx { struct mm *child; struct vma *vma; int err; };

static void share_pte(uint64_t *pte, uintptr_t va, void *arg)
{
	struct fork_ctx *f = arg;
	if (f->err)
		return;
	if (!(f->vma->flags & VM_SHARED))
		*pte &= ~PTE_W;		/* both sides now copy on write */
	uint64_t *cpte = pt_pte(f->child->pml4, va, true);
	if (!cpte) {
		f->err = -ENOMEM;
		return;
	}
	frame_ref(*pte & PTE_ADDR);
	*cpte = *pte;
}

static struct vma *vma_dup(const struct vma *v)
{
	struct vma *n = kmalloc(sizeof(*n));
	if (!n)
		return NULL;
	*n = *v;
	if (n->shm)
		n->shm->refcount++;
	if (n->file)
		inode_get(n->file);
	return n;
}

/* A copy of parent for a forked child. No page is copied: the frames are
 * shared read-only and copied on the first write (see vm_fault). */
struct mm *mm_fork(struct mm *parent)
{
	struct mm *child = mm_create();
	if (!child)
		return NULL;
	struct fork_ctx f = { child, NULL, 0 };
	if (parent->exe)		/* set at exec, never changed: no lock */
		mm_set_exe(child, parent->exe);
	spin_lock(&parent->lock);
	child->brk_start = parent->brk_start;
	child->brk = parent->brk;
	struct vma *v;
	list_for_each_entry(v, &parent->vmas, link) {
		struct vma *n = vma_dup(v);
		if (!n) {
			f.err = -ENOMEM;
			break;
		}
		list_add_tail(&n->link, &child->vmas);
		f.vma = v;
		pt_range(parent->pml4, v->start, v->end, share_pte, &f);
		if (f.err)
			break;
	}
	spin_unlock(&parent->lock);
	write_cr3(read_cr3());	/* the parent's writable entries just became read-only */
	if (f.err) {
		mm_put(child);
		return NULL;
	}
	return child;
}

/* ---- the page-fault handler ---- */

static int fill_new_page(struct mm *mm, struct vma *v, uint64_t va, uint64_t *pte)
{
	uint64_t page = ALIGN_DOWN(va, PAGE_SIZE);
	paddr_t pa;
	if (v->shm) {		/* one frame per page of the shared object */
		paddr_t *slot = &v->shm->pages[v->shm_pgoff + (page - v->start) / PAGE_SIZE];
		if (!*slot) {
			if (!(*slot = frame_alloc()))
				return -ENOMEM;
			page_zero(phys_to_virt(*slot));
		}
		pa = *slot;
		frame_ref(pa);
	} else if (v->file && (v->flags & VM_SHARED)) {	/* the file's own page */
		spin_lock(&vfs_lock);
		pa = inode_page_locked(v->file, v->file_off + (page - v->start), true);
		spin_unlock(&vfs_lock);
		if (!pa)
			return -ENOMEM;
	} else {
		if (!(pa = frame_alloc()))
			return -ENOMEM;
		page_zero(phys_to_virt(pa));
		if (v->file)
			inode_read_page(v->file, v->file_off + (page - v->start), phys_to_virt(pa));
	}
	(void)mm;
	*pte = pa | vm_pte_flags(v->flags);
	return 0;
}

/* Copy-on-write: the first write to a frame fork left shared. */
static int break_cow(uint64_t *pte)
{
	paddr_t old = *pte & PTE_ADDR;
	if (frame_refcount(old) == 1) {	/* the other side is gone: it is ours */
		*pte |= PTE_W;
		return 0;
	}
	paddr_t pa = frame_alloc();
	if (!pa)
		return -ENOMEM;
	page_copy(phys_to_virt(pa), phys_to_virt(old));
	*pte = (*pte & ~PTE_ADDR) | pa | PTE_W;
	frame_unref(old);
	return 0;
}

/* A PROT_NONE page whose region allows access again. */
static int restore_access(struct vma *v, uint64_t *pte)
{
	paddr_t pa = *pte & PTE_ADDR;
	uint64_t f = vm_pte_flags(v->flags);
	if (!(v->flags & VM_SHARED) && frame_refcount(pa) > 1)
		f &= ~PTE_W;		/* still copy-on-write */
	*pte = pa | f;
	return 0;
}

/* A fault just below the stack: grow it, keeping a guard page. */
static struct vma *grow_stack(struct mm *mm, uint64_t addr)
{
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link) {
		if (addr >= v->start)
			continue;
		if (!(v->flags & VM_GROWSDOWN) || v->end - ALIGN_DOWN(addr, PAGE_SIZE) > STACK_MAX)
			return NULL;
		struct vma *below = v->link.prev == &mm->vmas ? NULL :
				    list_entry(v->link.prev, struct vma, link);
		if (below && ALIGN_DOWN(addr, PAGE_SIZE) < below->end + PAGE_SIZE)
			return NULL;
		v->start = ALIGN_DOWN(addr, PAGE_SIZE);
		return v;
	}
	return NULL;
}

/*
 * Handles a page fault at addr in mm. Returns 0 when the page is now there
 * (the instruction runs again), -EFAULT with *si_code set when it is a
 * SIGSEGV, -ENOMEM when memory ran out. Takes mm->lock; does not sleep.
 */
int vm_fault(struct mm *mm, uint64_t addr, bool write, bool exec, int *si_code)
{
	int err = -EFAULT;
	*si_code = SEGV_MAPERR;
	if (!mm || addr >= USER_TOP)
		return -EFAULT;
	spin_lock(&mm->lock);
	struct vma *v = vm_find(mm, addr);
	if (!v)
		v = grow_stack(mm, addr);
	if (!v)
		goto out;
	*si_code = SEGV_ACCERR;
	if ((write && !(v->flags & VM_WRITE)) || (exec && !(v->flags & VM_EXEC)) ||
	    !(v->flags & (VM_READ | VM_WRITE | VM_EXEC)))
		goto out;
	uint64_t *pte = pt_pte(mm->pml4, addr, true);
	if (!pte) {
		err = -ENOMEM;
		goto out;
	}
	if (*pte & PTE_PROTNONE)	/* access came back (mprotect) after PROT_NONE */
		err = restore_access(v, pte);
	else if (!(*pte & PTE_P))
		err = fill_new_page(mm, v, addr, pte);
	else if (write && !(*pte & PTE_W))
		err = break_cow(pte);
	else
		err = 0;	/* another path got here first (or a stale TLB entry) */
	invlpg(addr);
out:
	spin_unlock(&mm->lock);
	return err;
}

/* ---- regions ---- */

/* Inserts v in address order. [m] held. */
void vma_insert(struct mm *mm, struct vma *v)
{
	struct vma *pos;
	list_for_each_entry(pos, &mm->vmas, link)
		if (pos->start >= v->end)
			break;
	list_insert(&v->link, pos->link.prev, &pos->link);
}

/* Maps anonymous private memory at [start, start+len) (exec, brk). */
int vm_map_fixed(struct mm *mm, uint64_t start, uint64_t len, uint32_t flags)
{
	struct vma *v = kzalloc(sizeof(*v));
	if (!v)
		return -ENOMEM;
	v->start = ALIGN_DOWN(start, PAGE_SIZE);
	v->end = ALIGN_UP(start + len, PAGE_SIZE);
	v->flags = flags;
	spin_lock(&mm->lock);
	vma_insert(mm, v);
	spin_unlock(&mm->lock);
	return 0;
}

/*
 * Maps the file's own frames, read-only, at va (page-aligned) for len bytes
 * from file offset off (page-aligned): execve's code and read-only data.
 * Every run of a program then shares the frames the file already has
 * instead of copying them; a write (after mprotect) finds the frame shared
 * and copies it, copy-on-write, and the file never changes. Stops at the
 * first page the file does not have (a hole, or past its end). Returns the
 * bytes mapped, whole pages from va. As vm_fill: mm is not in use yet.
 */
long vm_share_file(struct mm *mm, uint64_t va, struct inode *ino, uint64_t off, uint64_t len)
{
	struct vma *v = vm_find(mm, va);
	uint64_t done = 0;
	for (; v && done < len; done += PAGE_SIZE) {
		uint64_t *pte = pt_pte(mm->pml4, va + done, true);
		if (!pte)
			return -ENOMEM;
		spin_lock(&vfs_lock);
		paddr_t pa = off + done < ino->size ? inode_page_locked(ino, off + done, false) : 0;
		spin_unlock(&vfs_lock);
		if (!pa)
			break;
		*pte = pa | (vm_pte_flags(v->flags) & ~PTE_W);	/* the reference is the mapping's */
	}
	return done;
}

/* Writes len bytes at va in mm, whatever the protection and whether mm is
 * active: pages are made present and written through the direct map. */
int vm_fill(struct mm *mm, uint64_t va, const void *src, uint64_t len)
{
	const char *s = src;
	while (len) {
		struct vma *v = vm_find(mm, va);
		uint64_t *pte = v ? pt_pte(mm->pml4, va, true) : NULL;
		if (!pte)
			return -ENOMEM;
		if (!(*pte & PTE_P) && fill_new_page(mm, v, va, pte))
			return -ENOMEM;
		uint64_t off = va & (PAGE_SIZE - 1), n = MIN(len, PAGE_SIZE - off);
		memcpy((char *)phys_to_virt(*pte & PTE_ADDR) + off, s, n);
		va += n, s += n, len -= n;
	}
	return 0;
}
