/*
 * execve: replace the calling process's program.
 *
 * The steps, as the lectures give them: find the file; if it starts with
 * "#!", run its interpreter instead; check the ELF header; copy argv and
 * envp out of the old address space; from here on we are committed: make a
 * fresh address space, map the program's segments, build the stack the
 * System V ABI describes (argc, argv, envp, the auxiliary vector), close
 * close-on-exec descriptors, and point the user registers at the entry.
 * A failure before the commit returns an error to the old program; after
 * it, there is no old program to return to, so the process is killed.
 */
#include "arch.h"
#include "context.h"
#include "errno.h"
#include "exec.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "signum.h"
#include "string.h"
#include "trace.h"
#include "time.h"
#include "uaccess.h"
#include "vm.h"

#define ARG_MAX		(2UL << 20)	/* argv + envp bytes: a quarter of the 8 MiB stack */
#define MAX_ARG_STRLEN	(32 * PAGE_SIZE)
#define MAX_ARG_STRINGS	0x7FFFFFFF
#define DYN_BASE	0x555555554000UL	/* where a static-PIE goes (Linux, unrandomized) */
#define STACK_INITIAL	(128 * 1024)
#define MAX_INTERP_DEPTH 4

struct elf64_ehdr {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

#define PT_LOAD		1
#define PT_INTERP	3
#define PT_PHDR		6
#define PF_X		1
#define PF_W		2
#define PF_R		4
#define ET_EXEC		2
#define ET_DYN		3
#define EM_X86_64	62

enum { AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7,
       AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14,
       AT_PLATFORM = 15, AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25,
       AT_HWCAP2 = 26, AT_EXECFN = 31 };

/* The strings execve carries into the new program, in one kernel buffer
 * that starts at a page and doubles as needed, up to ARG_MAX. NOTE: not
 * ARG_MAX at once: allocating and mapping 2 MiB cost more than the rest of
 * execve together. */
struct args {
	char *buf;		/* argv strings, then envp strings, each NUL-terminated */
	size_t used, cap;
	int argc, envc;
};

#define ARGS_FIRST	PAGE_SIZE

static long args_init(struct args *a)
{
	*a = (struct args){ .buf = kmalloc(ARGS_FIRST), .cap = ARGS_FIRST };
	return a->buf ? 0 : -ENOMEM;
}

/* Room for n more bytes: -E2BIG past ARG_MAX. */
static long args_room(struct args *a, size_t n)
{
	while (a->used + n > a->cap) {
		if (a->cap >= ARG_MAX)
			return -E2BIG;
		char *b = kmalloc(a->cap * 2);
		if (!b)
			return -ENOMEM;
		memcpy(b, a->buf, a->used);
		kfree(a->buf);
		a->buf = b;
		a->cap *= 2;
	}
	return 0;
}

static long copy_strings(struct args *a, const char *const *uvec, int *count)
{
	for (*count = 0; uvec; (*count)++) {
		const char *us;
		if (get_user(us, uvec + *count))
			return -EFAULT;
		if (!us)
			break;
		size_t room = MIN(a->cap - a->used, MAX_ARG_STRLEN);
		long n = strncpy_from_user(a->buf + a->used, us, room);
		if (n == -ENAMETOOLONG && room < MAX_ARG_STRLEN) {
			long err = args_room(a, room + 1);	/* a bigger buffer, then again */
			if (err)
				return err;
			(*count)--;
			continue;
		}
		if (n == -ENAMETOOLONG)
			return -E2BIG;
		if (n < 0)
			return n;
		a->used += n + 1;
	}
	return 0;
}

/* Appends s, a kernel string (init's argv and envp). */
static long args_push(struct args *a, const char *s)
{
	size_t n = strlen(s) + 1;
	long err = args_room(a, n);
	if (!err) {
		memcpy(a->buf + a->used, s, n);
		a->used += n;
	}
	return err;
}

/* Puts s (a kernel string) in front of the argv strings (for "#!"). */
static long prepend_arg(struct args *a, const char *s)
{
	size_t n = strlen(s) + 1;
	long err = args_room(a, n);
	if (err)
		return err;
	memmove(a->buf + n, a->buf, a->used);
	memcpy(a->buf, s, n);
	a->used += n;
	a->argc++;
	return 0;
}

/* Drops the first argv string (the "#!" case replaces argv[0]). */
static void drop_first_arg(struct args *a)
{
	if (!a->argc)
		return;
	size_t n = strlen(a->buf) + 1;
	memmove(a->buf, a->buf + n, a->used - n);
	a->used -= n;
	a->argc--;
}

static int exec_permission(struct inode *ino)
{
	if (!S_ISREG(ino->mode) || !(ino->mode & 0111))
		return -EACCES;
	return 0;
}

/* "#!interpreter [one argument]": returns 1 and fills interp/arg, 0 if not a script. */
static int parse_shebang(struct inode *ino, char *interp, char *arg)
{
	char line[256];
	long n = vfs_read_kernel(ino, 0, line, sizeof(line) - 1);
	if (n < 2 || line[0] != '#' || line[1] != '!')
		return 0;
	line[n] = 0;
	char *end = strchr(line, '\n');
	if (!end && n == sizeof(line) - 1)
		return -ENOEXEC;
	if (end)
		*end = 0;
	char *p = line + 2;
	while (*p == ' ' || *p == '\t')
		p++;
	char *q = p;
	while (*q && *q != ' ' && *q != '\t')
		q++;
	if (q == p)
		return -ENOEXEC;
	memcpy(interp, p, q - p);
	interp[q - p] = 0;
	while (*q == ' ' || *q == '\t')
		q++;
	char *e = q + strlen(q);
	while (e > q && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = 0;
	strlcpy(arg, q, 128);
	return 1;
}

struct loaded {
	uint64_t entry, phdr, phnum, base, brk;
};

static int check_elf(const struct elf64_ehdr *eh, long n)
{
	if (n < (long)sizeof(*eh) || memcmp(eh->ident, "\177ELF", 4) || eh->ident[4] != 2 ||
	    eh->ident[5] != 1 || eh->machine != EM_X86_64 ||
	    (eh->type != ET_EXEC && eh->type != ET_DYN) || eh->phentsize != sizeof(struct elf64_phdr) ||
	    eh->phnum == 0 || eh->phnum > 64)
		return -ENOEXEC;
	return 0;
}

/* Reads and checks the program headers; PT_INTERP makes it ENOENT if absent. */
static int read_phdrs(struct inode *ino, const struct elf64_ehdr *eh, struct elf64_phdr *ph)
{
	size_t size = eh->phnum * sizeof(*ph);
	if (vfs_read_kernel(ino, eh->phoff, ph, size) != (long)size)
		return -ENOEXEC;
	for (int i = 0; i < eh->phnum; i++) {
		if (ph[i].type == PT_LOAD && (ph[i].filesz > ph[i].memsz ||
		    (ph[i].offset & (PAGE_SIZE - 1)) != (ph[i].vaddr & (PAGE_SIZE - 1)) ||
		    ph[i].vaddr + ph[i].memsz < ph[i].vaddr || ph[i].vaddr + ph[i].memsz > USER_TOP))
			return -ENOEXEC;
		if (ph[i].type == PT_INTERP) {
			char path[256];
			if (ph[i].filesz == 0 || ph[i].filesz >= sizeof(path) ||
			    vfs_read_kernel(ino, ph[i].offset, path, ph[i].filesz) != (long)ph[i].filesz)
				return -ENOEXEC;
			path[ph[i].filesz] = 0;
			struct inode *interp;
			int err = kernel_lookup(path, &interp);
			if (err)
				return err;
			inode_put(interp);
			/* FIXME: dynamic linking: the interpreter exists but is not loaded */
			return -ENOEXEC;
		}
	}
	return 0;
}

/* A segment no one writes (code, read-only data) shares the file's frames:
 * no copy, and QEMU or a CPU cache that has seen this code before still
 * knows it. Whole pages from the segment's first one; when the segment has
 * no zero-filled tail, its last page too (the bytes past it are the file's,
 * as Linux maps them). Returns how far into the file part it got: the
 * caller copies the rest. */
static uint64_t share_segment(struct mm *mm, struct inode *ino, const struct elf64_phdr *p, uint64_t va)
{
	uint64_t lead = va % PAGE_SIZE;
	if ((p->flags & PF_W) || p->offset % PAGE_SIZE != lead)
		return 0;
	uint64_t end = p->memsz == p->filesz ? ALIGN_UP(lead + p->filesz, PAGE_SIZE)
					     : ALIGN_DOWN(lead + p->filesz, PAGE_SIZE);
	long done = vm_share_file(mm, va - lead, ino, p->offset - lead, end);
	if (done <= (long)lead)
		return 0;
	return MIN((uint64_t)done - lead, p->filesz);
}

/* Maps the PT_LOAD segments into mm (after the commit). */
static int load_segments(struct mm *mm, struct inode *ino, const struct elf64_ehdr *eh,
			 const struct elf64_phdr *ph, struct loaded *out)
{
	uint64_t base = eh->type == ET_DYN ? DYN_BASE : 0, end = 0;
	char *page = kmalloc(PAGE_SIZE);
	if (!page)
		return -ENOMEM;
	out->phdr = 0;
	for (int i = 0; i < eh->phnum; i++) {
		const struct elf64_phdr *p = &ph[i];
		if (p->type == PT_PHDR)
			out->phdr = base + p->vaddr;
		if (p->type != PT_LOAD || !p->memsz)
			continue;
		uint32_t fl = (p->flags & PF_R ? VM_READ : 0) | (p->flags & PF_W ? VM_WRITE : 0) |
			      (p->flags & PF_X ? VM_EXEC : 0);
		uint64_t va = base + p->vaddr;
		int err = vm_map_fixed(mm, va, p->memsz, fl);
		uint64_t off = err ? 0 : share_segment(mm, ino, p, va);
		for (; !err && off < p->filesz; off += PAGE_SIZE) {
			uint64_t k = MIN(PAGE_SIZE, p->filesz - off);
			vfs_read_kernel(ino, p->offset + off, page, k);
			err = vm_fill(mm, va + off, page, k);
		}
		if (err) {
			kfree(page);
			return err;
		}
		if (!out->phdr && eh->phoff >= p->offset && eh->phoff < p->offset + p->filesz)
			out->phdr = va + (eh->phoff - p->offset);
		end = MAX(end, va + p->memsz);
	}
	kfree(page);
	out->entry = base + eh->entry;
	out->phnum = eh->phnum;
	out->base = 0;
	out->brk = ALIGN_UP(end, PAGE_SIZE);
	return 0;
}

static uint64_t push(uint64_t *sp, const void *data, size_t n)
{
	*sp -= n;
	return copy_to_user((void *)*sp, data, n) ? 0 : *sp;
}

/* The initial stack: strings at the top, then (16-byte aligned) argc, argv[], NULL,
 * envp[], NULL, auxv pairs, AT_NULL. Returns the stack pointer, 0 on a fault. */
static uint64_t build_stack(struct args *a, const char *execfn, const struct loaded *ld)
{
	uint64_t sp = STACK_TOP;
	uint64_t fn = push(&sp, execfn, strlen(execfn) + 1);
	uint64_t strings = push(&sp, a->buf, a->used);
	uint64_t platform = push(&sp, "x86_64", 7);
	uint8_t rnd[16];
	random_fill(rnd, sizeof(rnd));
	uint64_t random = push(&sp, rnd, sizeof(rnd));
	if (!fn || !strings || !platform || !random)
		return 0;
	uint32_t ea, eb, ec, ed;
	cpuid(1, 0, &ea, &eb, &ec, &ed);
	uint64_t auxv[] = {
		AT_PHDR, ld->phdr, AT_PHENT, sizeof(struct elf64_phdr), AT_PHNUM, ld->phnum,
		AT_PAGESZ, PAGE_SIZE, AT_BASE, ld->base, AT_FLAGS, 0, AT_ENTRY, ld->entry,
		AT_UID, 0, AT_EUID, 0, AT_GID, 0, AT_EGID, 0, AT_SECURE, 0, AT_HWCAP, ed,
		AT_HWCAP2, 0, AT_CLKTCK, 100, AT_RANDOM, random, AT_PLATFORM, platform,
		AT_EXECFN, fn, AT_NULL, 0,
	};
	size_t words = 1 + a->argc + 1 + a->envc + 1 + ARRAY_SIZE(auxv);
	sp = ALIGN_DOWN(sp - words * 8, 16);
	uint64_t *v = kmalloc(words * 8);
	if (!v)
		return 0;
	size_t w = 0;
	v[w++] = a->argc;
	uint64_t s = strings;
	const char *k = a->buf;
	for (int i = 0; i < a->argc + a->envc; i++) {
		v[w++] = s;
		size_t n = strlen(k) + 1;
		s += n, k += n;
		if (i == a->argc - 1)
			v[w++] = 0;	/* argv's terminator */
	}
	if (a->argc == 0)
		v[w++] = 0;
	v[w++] = 0;		/* envp's terminator */
	memcpy(&v[w], auxv, sizeof(auxv));
	long err = copy_to_user((void *)sp, v, words * 8);
	kfree(v);
	return err ? 0 : sp;
}

/* What /proc shows of the new program: its argv and its path. */
static void set_proc_names(struct proc *p, const char *path, const struct args *a)
{
	size_t len = 0;
	for (int i = 0; i < a->argc; i++)
		len += strlen(a->buf + len) + 1;
	len = MIN(len, (size_t)PAGE_SIZE);
	char *cmd = kmalloc(len + 1), *exe = kmalloc(strlen(path) + 1);
	if (cmd)
		memcpy(cmd, a->buf, len);
	if (exe)
		memcpy(exe, path, strlen(path) + 1);
	spin_lock(&proc_lock);
	char *old_cmd = p->cmdline, *old_exe = p->exe;
	p->cmdline = cmd;
	p->cmdline_len = cmd ? len : 0;
	p->exe = exe;
	spin_unlock(&proc_lock);
	kfree(old_cmd);
	kfree(old_exe);
}

/* Everything of the old program that must go, once the new one is certain. */
static void drop_old_program(struct proc *p, struct mm *mm)
{
	struct mm *old = p->mm;
	p->mm = mm;
	mm_activate(mm);
	if (old)
		mm_put(old);
	proc_vfork_release(p);
	files_close_on_exec(p->files);
	signal_exec(p);
	p->did_exec = true;
	p->fs_base = 0;
	wrmsr(MSR_FS_BASE, 0);
	fpu_load_initial();
}

static long exec_inode(struct inode *ino, const char *path, struct args *a, int depth)
{
	char interp[256], arg[128];
	int err = exec_permission(ino);
	if (err)
		return err;
	int script = parse_shebang(ino, interp, arg);
	if (script < 0)
		return script;
	if (script) {
		if (depth >= MAX_INTERP_DEPTH)
			return -ELOOP;
		drop_first_arg(a);
		if ((err = prepend_arg(a, path)) || (arg[0] && (err = prepend_arg(a, arg))) ||
		    (err = prepend_arg(a, interp)))
			return err;
		struct inode *next;
		if ((err = kernel_lookup(interp, &next)))
			return err;
		err = exec_inode(next, interp, a, depth + 1);
		inode_put(next);
		return err;
	}
	struct elf64_ehdr eh;
	struct elf64_phdr ph[64];
	if ((err = check_elf(&eh, vfs_read_kernel(ino, 0, &eh, sizeof(eh)))) ||
	    (err = read_phdrs(ino, &eh, ph)))
		return err;
	struct mm *mm = mm_create();
	if (!mm)
		return -ENOMEM;
	mm_set_exe(mm, ino);
	/* From now on we are committed to the new program. */
	struct proc *p = current;
	drop_old_program(p, mm);
	struct loaded ld;
	uint64_t sp = 0;
	if (!load_segments(mm, ino, &eh, ph, &ld) &&
	    !vm_map_fixed(mm, STACK_TOP - STACK_INITIAL, STACK_INITIAL, VM_READ | VM_WRITE | VM_GROWSDOWN))
		sp = build_stack(a, path, &ld);
	if (!sp) {
		force_signal(p, SIGSEGV, SI_KERNEL, 0);
		return 0;
	}
	mm->brk_start = mm->brk = ld.brk;
	proc_set_comm(p, path);
	set_proc_names(p, path, a);
	if (trace_on(TK_PROC))
		trace_exec(path);
	arch_user_frame(p->tf, ld.entry, sp);
	return 0;
}

/* execve with kernel strings (for init): argv and envp are NULL-terminated. */
long kernel_execve(const char *path, const char *const *argv, const char *const *envp)
{
	struct args a;
	long err = args_init(&a);
	for (; !err && argv[a.argc]; a.argc++)
		err = args_push(&a, argv[a.argc]);
	for (; !err && envp[a.envc]; a.envc++)
		err = args_push(&a, envp[a.envc]);
	struct inode *ino;
	if (!err)
		err = kernel_lookup(path, &ino);
	if (!err) {
		err = exec_inode(ino, path, &a, 0);
		inode_put(ino);
	}
	kfree(a.buf);
	return err;
}

long sys_execve(const char *upath, const char *const *uargv, const char *const *uenvp)
{
	struct args a;
	char *path = kmalloc(PATH_MAX);
	long err = args_init(&a);
	if (!err && !path)
		err = -ENOMEM;
	if (err)
		goto out;
	if ((err = strncpy_from_user(path, upath, PATH_MAX)) < 0)
		goto out;
	if ((err = copy_strings(&a, uargv, &a.argc)) || (err = copy_strings(&a, uenvp, &a.envc)))
		goto out;
	struct nameidata nd;
	if ((err = vfs_lookup_at(AT_FDCWD, upath, LOOKUP_FOLLOW, &nd)))
		goto out;
	err = exec_inode(nd.inode, path, &a, 0);
	inode_put(nd.inode);
out:
	kfree(path);
	kfree(a.buf);
	return err;
}
