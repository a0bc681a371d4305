/* A SIGSEGV handler reads the fault from siginfo and uc_mcontext: si_code
 * SEGV_MAPERR or SEGV_ACCERR, si_addr the address touched, REG_RIP the
 * faulting instruction, the registers it used. It then sets REG_RAX and moves
 * REG_RIP past the instruction, and the program goes on from there. */
#include "abi.h"

extern char abi_load_insn[], abi_load_next[], abi_store_insn[], abi_store_next[];

/* rax = *rbx, or 7 if the handler skips the load without setting rax. */
__attribute__((noinline, noclone)) long abi_load(const long *p)
{
	long v;
	__asm__ __volatile__("mov $7, %%rax\n"
		     ".globl abi_load_insn\nabi_load_insn:\n\tmovq (%%rbx), %%rax\n"
		     ".globl abi_load_next\nabi_load_next:\n"
		     : "=&a"(v) : "b"(p) : "memory");
	return v;
}

__attribute__((noinline, noclone)) void abi_store(long *p, long v)
{
	__asm__ __volatile__(".globl abi_store_insn\nabi_store_insn:\n\tmovq %%rax, (%%rbx)\n"
		     ".globl abi_store_next\nabi_store_next:\n"
		     : : "a"(v), "b"(p) : "memory");
}

static volatile sig_atomic_t runs;
static int code, addr_ok, rip_ok, rbx_ok, signo;
static const void *want_addr;

static void handler(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	greg_t *r = uc->uc_mcontext.gregs;
	signo = sig;
	code = si->si_code;
	addr_ok = si->si_addr == want_addr;
	rbx_ok = r[REG_RBX] == (greg_t)want_addr;
	if (r[REG_RIP] == (greg_t)abi_load_insn) {
		rip_ok = 1;
		r[REG_RAX] = 42;
		r[REG_RIP] = (greg_t)abi_load_next;
	} else if (r[REG_RIP] == (greg_t)abi_store_insn) {
		rip_ok = 1;
		r[REG_RIP] = (greg_t)abi_store_next;
	} else {
		rip_ok = 0;
		_exit(3);
	}
	runs++;
}

static void report(const char *what)
{
	printf("%s: handler runs %d, %s, si_code %s, si_addr is the address %s, "
	       "REG_RIP is the instruction %s, REG_RBX the pointer %s\n", what, (int)runs,
	       sig_name(signo), code == SEGV_MAPERR ? "SEGV_MAPERR" :
	       code == SEGV_ACCERR ? "SEGV_ACCERR" : "other", yes(addr_ok), yes(rip_ok),
	       yes(rbx_ok));
	runs = 0;
}

int main(void)
{
	long ok = 5;

	on_signal(SIGSEGV, handler, 0);
	printf("load from a good pointer: %ld, handler runs %d\n", abi_load(&ok), (int)runs);

	want_addr = (void *)16;
	long v = abi_load(want_addr);
	printf("load from address 16 gave %ld (rax set by the handler)\n", v);
	report("unmapped load");
	v = abi_load(want_addr);
	printf("again: %ld\n", v);
	report("second unmapped load");

	long *ro = mmap(NULL, ABI_PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	want_addr = ro + 3;
	abi_store(ro + 3, 99);
	printf("store to a read-only page skipped, the page still reads %ld\n", ro[3]);
	report("read-only store");
	return 0;
}
