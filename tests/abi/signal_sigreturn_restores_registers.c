/* A handler interrupting user code after a system call sees the interrupted
 * registers in uc_mcontext (rax holding the call's result); when it returns,
 * rt_sigreturn restores every general register, except those the handler
 * changed in uc_mcontext, which take the new values. */
#include "abi.h"

/* regs_probe(in, out, tid, sig): loads rbx rbp r8 r9 r10 r12 r13 r14 r15 rdx
 * from in[0..9], calls tkill(tid, sig) with the syscall instruction, then
 * stores those registers and rax rdi rsi into out[0..12]. */
void regs_probe(const unsigned long *in, unsigned long *out, long tid, long sig);
__asm__(".text\n"
    ".globl regs_probe\n"
    ".type regs_probe, @function\n"
    "regs_probe:\n"
    "\tpush %rbx\n\tpush %rbp\n\tpush %r12\n\tpush %r13\n\tpush %r14\n\tpush %r15\n"
    "\tpush %rsi\n"
    "\tmov %rdx, %rax\n\tmov %rcx, %r11\n"
    "\tmov 0(%rdi), %rbx\n\tmov 8(%rdi), %rbp\n\tmov 16(%rdi), %r8\n\tmov 24(%rdi), %r9\n"
    "\tmov 32(%rdi), %r10\n\tmov 40(%rdi), %r12\n\tmov 48(%rdi), %r13\n"
    "\tmov 56(%rdi), %r14\n\tmov 64(%rdi), %r15\n\tmov 72(%rdi), %rdx\n"
    "\tmov %rax, %rdi\n\tmov %r11, %rsi\n"
    "\tmov $200, %eax\n"
    "\tsyscall\n"
    "\tmov (%rsp), %rcx\n"
    "\tmov %rbx, 0(%rcx)\n\tmov %rbp, 8(%rcx)\n\tmov %r8, 16(%rcx)\n\tmov %r9, 24(%rcx)\n"
    "\tmov %r10, 32(%rcx)\n\tmov %r12, 40(%rcx)\n\tmov %r13, 48(%rcx)\n"
    "\tmov %r14, 56(%rcx)\n\tmov %r15, 64(%rcx)\n\tmov %rdx, 72(%rcx)\n"
    "\tmov %rax, 80(%rcx)\n\tmov %rdi, 88(%rcx)\n\tmov %rsi, 96(%rcx)\n"
    "\tpop %rsi\n\tpop %r15\n\tpop %r14\n\tpop %r13\n\tpop %r12\n\tpop %rbp\n\tpop %rbx\n"
    "\tret\n"
    ".size regs_probe, .-regs_probe\n");

static const unsigned long in[10] = {
	0x1111111111111111, 0x2222222222222222, 0x8888888888888888, 0x9999999999999999,
	0xaaaaaaaaaaaaaaaa, 0xcccccccccccccccc, 0xdddddddddddddddd, 0xeeeeeeeeeeeeeeee,
	0xffffffffffffffff, 0x0d0d0d0d0d0d0d0d,
};
static const int in_reg[10] = {
	REG_RBX, REG_RBP, REG_R8, REG_R9, REG_R10, REG_R12, REG_R13, REG_R14, REG_R15, REG_RDX,
};
static int seen_ok, rax_zero, args_ok, runs;
static long tid;

static void handler(int sig, siginfo_t *si, void *ctx)
{
	(void)si;
	greg_t *r = ((ucontext_t *)ctx)->uc_mcontext.gregs;
	seen_ok = 1;
	for (int i = 0; i < 10; i++)
		if ((unsigned long)r[in_reg[i]] != in[i])
			seen_ok = 0;
	rax_zero = r[REG_RAX] == 0;
	args_ok = r[REG_RDI] == tid && r[REG_RSI] == sig;
	r[REG_R13] = 0x1313;
	r[REG_RDX] = 0x0dd0;
	runs++;
	/* Scribble on registers the compiler would otherwise keep intact. */
	__asm__ __volatile__("mov $1, %%r8\n\tmov $2, %%r9\n\tmov $3, %%r10\n\tmov $4, %%r11\n"
		     "\tmov $5, %%rdx\n\tmov $6, %%rsi\n\tmov $7, %%rdi\n\tmov $8, %%rbx\n"
		     "\tmov $9, %%r12\n\tmov $10, %%r14\n\tmov $11, %%r15\n"
		     ::: "r8", "r9", "r10", "r11", "rdx", "rsi", "rdi", "rbx", "r12", "r14",
		     "r15");
}

int main(void)
{
	unsigned long out[13];

	on_signal(SIGUSR1, handler, 0);
	tid = gettid();
	regs_probe(in, out, tid, SIGUSR1);

	int kept = 1;
	for (int i = 0; i < 10; i++)
		if (in_reg[i] != REG_R13 && in_reg[i] != REG_RDX && out[i] != in[i])
			kept = 0;
	printf("handler runs: %d\n", runs);
	printf("uc_mcontext holds the interrupted registers: %s\n", yes(seen_ok));
	printf("uc_mcontext rax is tkill's result 0: %s, rdi/rsi its arguments: %s\n",
	       yes(rax_zero), yes(args_ok));
	printf("registers restored after the handler: %s\n", yes(kept));
	printf("r13 and rdx as the handler set them: %s\n",
	       yes(out[6] == 0x1313 && out[9] == 0x0dd0));
	printf("rax after the call: %lu, rdi/rsi kept: %s\n", out[10],
	       yes(out[11] == (unsigned long)tid && out[12] == SIGUSR1));
	return 0;
}
