/*
 * Power off and reset, for reboot(2) and panic=. Power-off is ACPI S5:
 * write SLP_TYPa|SLP_EN to PM1a control. Reset tries the FADT reset
 * register, then the keyboard controller, then a triple fault.
 */
#include "acpi.h"
#include "arch.h"
#include "interrupts.h"
#include "kernel.h"

#define SLP_EN		(1 << 13)
#define SCI_EN		1

void arch_halt_forever(void)
{
	for (;;) {
		cli();
		hlt();
	}
}

/* Firmware may leave ACPI in legacy mode; the SMI command port switches it. */
static void acpi_enable_mode(void)
{
	if (!acpi.smi_cmd || !acpi.acpi_enable || (inw(acpi.pm1a_cnt) & SCI_EN))
		return;
	outb(acpi.smi_cmd, acpi.acpi_enable);
	for (int i = 0; i < 1000 && !(inw(acpi.pm1a_cnt) & SCI_EN); i++)
		udelay(1000);
}

void arch_power_off(void)
{
	cli();
	if (acpi.pm1a_cnt && acpi.have_s5) {
		acpi_enable_mode();
		outw(acpi.pm1a_cnt, (acpi.slp_typ_a << 10) | SLP_EN);
		if (acpi.pm1b_cnt)
			outw(acpi.pm1b_cnt, (acpi.slp_typ_b << 10) | SLP_EN);
		udelay(1000000);	/* the machine may take a moment to go */
	}
	printk(KERN_EMERG "power: ACPI power-off (PM1a 0x%x, SLP_TYP %u) did not work; halting\n", acpi.pm1a_cnt, acpi.slp_typ_a);
	arch_halt_forever();
}

void arch_reset(void)
{
	cli();
	if (acpi.reset_supported) {
		if (acpi.reset_space == 1)
			outb(acpi.reset_addr, acpi.reset_value);
		else if (acpi.reset_space == 0)
			*(volatile uint8_t *)phys_to_virt(acpi.reset_addr) = acpi.reset_value;
		udelay(100000);
	}
	for (int i = 0; i < 100000 && (inb(0x64) & 2); i++)
		cpu_relax();
	outb(0x64, 0xFE);	/* keyboard controller: pulse the reset line */
	udelay(100000);
	/* Last resort: an empty IDT makes the next exception a triple fault. */
	struct { uint16_t limit; uint64_t base; } __attribute__((packed)) null_idt = { 0, 0 };
	__asm__ volatile("lidt %0; int3" : : "m"(null_idt));
	arch_halt_forever();
}
