/*
 * Per-CPU set-up: the GDT with kernel and user segments and the TSS (whose
 * RSP0 is the kernel stack for entries from user mode and whose IST stacks
 * carry NMI, double fault and machine check), the IDT, GS, control-register
 * features and the FPU.
 */
#include "arch.h"
#include "context.h"
#include "exceptions.h"
#include "kernel.h"
#include "mm.h"
#include "string.h"

struct cpu cpus[MAX_CPUS];
int ncpus = 1;
volatile int ncpus_online;
struct cpu_features cpu_features;

#define IST_STACK_SIZE	8192
/* The boot CPU's IST stacks exist before the allocator does. */
static uint8_t bsp_ist_stacks[3][IST_STACK_SIZE] __attribute__((aligned(16)));

struct idt_gate {
	uint16_t offset_low, selector;
	uint8_t ist, type_attr;
	uint16_t offset_mid;
	uint32_t offset_high, zero;
} __attribute__((packed));

static struct idt_gate idt[256];
extern const uint64_t vector_stubs[256];

static char vendor[13], model[49];

const char *cpu_vendor(void) { return vendor; }
const char *cpu_model_name(void) { return model[0] ? model : "unknown"; }

static void read_names(void)
{
	uint32_t r[12], max;
	cpuid(0, 0, &max, &r[0], &r[2], &r[1]);
	memcpy(vendor, r, 12);
	cpuid(0x80000000, 0, &max, &r[0], &r[1], &r[2]);
	if (max < 0x80000004)
		return;
	for (uint32_t i = 0; i < 3; i++)
		cpuid(0x80000002 + i, 0, &r[4 * i], &r[4 * i + 1], &r[4 * i + 2], &r[4 * i + 3]);
	memcpy(model, r, 48);
}

void cpu_detect_features(void)
{
	uint32_t a, b, c, d, max;
	struct cpu_features *f = &cpu_features;
	read_names();
	cpuid(0, 0, &max, &b, &c, &d);
	cpuid(1, 0, &a, &b, &c, &d);
	f->pge = d & (1 << 13);
	f->xsave = c & (1 << 26);
	f->x2apic = c & (1 << 21);
	if (max >= 7) {
		cpuid(7, 0, &a, &b, &c, &d);
		f->smep = b & (1 << 7);
		f->smap = b & (1 << 20);
		f->fsgsbase = b & 1;
	}
	cpuid(0x80000000, 0, &max, &b, &c, &d);
	if (max >= 0x80000001) {
		cpuid(0x80000001, 0, &a, &b, &c, &d);
		f->nx = d & (1 << 20);
	}
	if (max >= 0x80000007) {
		cpuid(0x80000007, 0, &a, &b, &c, &d);
		f->invariant_tsc = d & (1 << 8);
	}
	f->fpu_state_size = 512;	/* FXSAVE's area */
	if (f->xsave) {
		cpuid(0xD, 0, &a, &b, &c, &d);
		f->xcr0 = a & 0x7;	/* x87, SSE, AVX: what user programs use */
	}
}

static void tss_descriptor(uint64_t *slot, struct tss *t)
{
	uint64_t base = (uint64_t)t, limit = sizeof(*t) - 1;
	slot[0] = (limit & 0xFFFF) | ((base & 0xFFFFFF) << 16) | (0x89UL << 40) |
		  ((limit >> 16 & 0xF) << 48) | ((base >> 24 & 0xFF) << 56);
	slot[1] = base >> 32;
}

/* Selectors: 0x08 kernel code, 0x10 kernel data, 0x1b user data, 0x23 user code, 0x28 TSS.
 * The user pair is in the order sysret wants (data at STAR.base+8, code at +16). */
void gdt_load(struct cpu *c)
{
	c->gdt[0] = 0;
	c->gdt[1] = 0x00af9a000000ffff;	/* kernel code, 64-bit */
	c->gdt[2] = 0x00cf92000000ffff;	/* kernel data */
	c->gdt[3] = 0x00cff2000000ffff;	/* user data, DPL 3 */
	c->gdt[4] = 0x00affa000000ffff;	/* user code, 64-bit, DPL 3 */
	tss_descriptor(&c->gdt[5], &c->tss);
	c->tss.iomap_base = sizeof(struct tss);		/* no I/O bitmap: user has no ports */
	struct { uint16_t limit; uint64_t base; } __attribute__((packed)) p = {
		sizeof(c->gdt) - 1, (uint64_t)c->gdt };
	__asm__ volatile(
		"lgdt %0\n\t"
		"pushq $0x08\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\tmovl $0x10, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"movw $0x28, %%ax\n\t"
		"ltr %%ax"
		: : "m"(p) : "rax", "memory");
}

void idt_init(void)
{
	for (int v = 0; v < 256; v++) {
		uint64_t addr = vector_stubs[v];
		struct idt_gate *g = &idt[v];
		g->offset_low = addr & 0xFFFF;
		g->offset_mid = addr >> 16 & 0xFFFF;
		g->offset_high = addr >> 32;
		g->selector = 0x08;
		/* Interrupt gates (IF cleared on entry); int3 and into may come from user code. */
		g->type_attr = (v == 3 || v == 4) ? 0xEE : 0x8E;
		g->ist = v == 2 ? IST_NMI : v == 8 ? IST_DOUBLE_FAULT : v == 18 ? IST_MACHINE_CHECK : 0;
	}
}

void idt_load(void)
{
	struct { uint16_t limit; uint64_t base; } __attribute__((packed)) p = {
		sizeof(idt) - 1, (uint64_t)idt };
	__asm__ volatile("lidt %0" : : "m"(p));
}

static void ist_stacks_init(struct cpu *c)
{
	for (int i = 0; i < 3; i++) {
		uint8_t *stack = c->id == 0 ? bsp_ist_stacks[i] : vmalloc_stack(IST_STACK_SIZE);
		KASSERT(stack);
		c->tss.ist[i] = (uint64_t)stack + IST_STACK_SIZE;
	}
}

/* x87/SSE/AVX on, for user programs; the kernel itself never uses them. */
void fpu_init_this(void)
{
	write_cr0((read_cr0() & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE);
	uint64_t cr4 = read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT;
	if (cpu_features.xsave)
		cr4 |= CR4_OSXSAVE;
	write_cr4(cr4);
	if (cpu_features.xsave) {
		uint64_t x = cpu_features.xcr0;
		__asm__ volatile("xsetbv" : : "c"(0), "a"((uint32_t)x), "d"((uint32_t)(x >> 32)));
		uint32_t a, b, c, d;
		cpuid(0xD, 0, &a, &b, &c, &d);
		cpu_features.fpu_state_size = b;	/* for the components just enabled */
	}
	__asm__ volatile("fninit");
}

/* Everything a CPU sets up for itself; c->id and c->apic_id are already set. */
void cpu_init_this(struct cpu *c)
{
	c->self = c;
	wrmsr(MSR_GS_BASE, (uint64_t)c);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	ist_stacks_init(c);
	gdt_load(c);
	idt_load();
	uint64_t cr4 = read_cr4();
	if (cpu_features.pge)
		cr4 |= CR4_PGE;
	if (cpu_features.smep)
		cr4 |= CR4_SMEP;
	if (cpu_features.smap)
		cr4 |= CR4_SMAP;
	write_cr4(cr4);
	write_cr0(read_cr0() | CR0_WP);
	if (cpu_features.nx)
		wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
	write_cr0(read_cr0() | CR0_AM);	/* user code may ask for alignment checks (#AC) */
	fpu_init_this();
	arch_syscall_init_this();
}

/* The boot CPU's GS area, before anything (printk's lock) reads it. */
void cpu_early_init_bsp(void)
{
	cpus[0].self = &cpus[0];
	wrmsr(MSR_GS_BASE, (uint64_t)&cpus[0]);
}
