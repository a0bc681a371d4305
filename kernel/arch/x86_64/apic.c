/*
 * The interrupt controllers. The legacy 8259 PICs are remapped out of the
 * exception range and masked; each CPU's local APIC takes timer interrupts
 * and IPIs; the IOAPIC routes device interrupts (here: the serial port).
 * Addresses come from the ACPI MADT.
 */
#include "acpi.h"
#include "arch.h"
#include "exceptions.h"
#include "interrupts.h"
#include "kernel.h"
#include "mm.h"
#include "spinlock.h"

#define LAPIC_ID	0x020
#define LAPIC_EOI	0x0B0
#define LAPIC_SVR	0x0F0
#define LAPIC_ICR_LOW	0x300
#define LAPIC_ICR_HIGH	0x310
#define LAPIC_LVT_TIMER	0x320
#define LAPIC_LVT_LINT0	0x350
#define LAPIC_LVT_LINT1	0x360
#define LAPIC_LVT_ERROR	0x370
#define LVT_MASKED	(1 << 16)
#define ICR_PENDING	(1 << 12)

static volatile uint32_t *lapic;
static volatile uint32_t *ioapic;	/* the first IOAPIC: ISA interrupts are on it */

uint32_t lapic_read(uint32_t reg) { return lapic[reg / 4]; }
void lapic_write(uint32_t reg, uint32_t v) { lapic[reg / 4] = v; }

void pic_disable(void)
{
	/* Remap to 0x20-0x2F first: a spurious PIC interrupt must not look like an exception. */
	outb(0x20, 0x11); outb(0xA0, 0x11);
	outb(0x21, 0x20); outb(0xA1, 0x28);
	outb(0x21, 0x04); outb(0xA1, 0x02);
	outb(0x21, 0x01); outb(0xA1, 0x01);
	outb(0x21, 0xFF); outb(0xA1, 0xFF);
}

void lapic_init_this(void)
{
	if (!lapic)
		lapic = ioremap(acpi.lapic_phys, PAGE_SIZE);
	wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) | (1 << 11));	/* globally enabled */
	lapic_write(LAPIC_SVR, 0x100 | VEC_SPURIOUS);		/* software enable */
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
	lapic_write(LAPIC_LVT_LINT0, LVT_MASKED);
	lapic_write(LAPIC_LVT_LINT1, 0x400);			/* NMI */
	lapic_write(LAPIC_LVT_ERROR, LVT_MASKED);
	lapic_write(LAPIC_EOI, 0);
}

uint32_t lapic_id(void) { return lapic_read(LAPIC_ID) >> 24; }
void lapic_eoi(void) { lapic_write(LAPIC_EOI, 0); }

static void icr_wait(void)
{
	while (lapic_read(LAPIC_ICR_LOW) & ICR_PENDING)
		cpu_relax();
}

void lapic_send_ipi(uint32_t apic_id, uint32_t icr_low)
{
	irq_push_off();
	icr_wait();
	lapic_write(LAPIC_ICR_HIGH, apic_id << 24);
	lapic_write(LAPIC_ICR_LOW, icr_low);
	icr_wait();
	irq_pop_off();
}

/* INIT, wait 10 ms, then SIPI twice: the MP start-up sequence. */
void lapic_send_init_sipi(uint32_t apic_id, uint8_t page)
{
	lapic_send_ipi(apic_id, 0x4500);		/* INIT, assert, level */
	udelay(10000);
	for (int i = 0; i < 2; i++) {
		lapic_send_ipi(apic_id, 0x4600 | page);	/* start-up */
		udelay(200);
	}
}

void lapic_nmi_others(void)
{
	if (!lapic)
		return;
	icr_wait();
	lapic_write(LAPIC_ICR_HIGH, 0);
	lapic_write(LAPIC_ICR_LOW, 0xC0000 | 0x400);	/* all but self, NMI */
}

static uint32_t ioapic_read(uint32_t reg)
{
	ioapic[0] = reg;
	return ioapic[4];
}

static void ioapic_write(uint32_t reg, uint32_t v)
{
	ioapic[0] = reg;
	ioapic[4] = v;
}

void ioapic_init(void)
{
	ioapic = ioremap(acpi.ioapics[0].phys, PAGE_SIZE);
	int n = (ioapic_read(1) >> 16 & 0xFF) + 1;
	for (int i = 0; i < n; i++)
		ioapic_write(0x10 + 2 * i, LVT_MASKED);
}

/*
 * Routes an ISA IRQ to vector on the boot CPU. ISA IRQs are edge-triggered,
 * active high, on the same GSI, unless the MADT overrides that.
 */
void ioapic_route_isa_irq(int irq, int vector)
{
	uint32_t gsi = irq, flags = 0;
	for (int i = 0; i < acpi.niso; i++)
		if (acpi.iso[i].irq == irq) {
			gsi = acpi.iso[i].gsi;
			flags = acpi.iso[i].flags;
		}
	gsi -= acpi.ioapics[0].gsi_base;
	uint32_t low = vector;
	if ((flags & 3) == 3)
		low |= 1 << 13;		/* active low */
	if ((flags >> 2 & 3) == 3)
		low |= 1 << 15;		/* level triggered */
	ioapic_write(0x10 + 2 * gsi + 1, cpus[0].apic_id << 24);
	ioapic_write(0x10 + 2 * gsi, low);
}
