/*
 * kmain: the boot CPU's way from boot.S to a running system.
 * The order matters: the console first (so anything can be said), then what
 * the boot protocol passed, this CPU's tables (so faults oops instead of
 * resetting the machine), ACPI (where things are), memory, interrupts and
 * time, then the other CPUs.
 */
#include "acpi.h"
#include "arch.h"
#include "boot.h"
#include "console.h"
#include "cpio.h"
#include "interrupts.h"
#include "kernel.h"
#include "mm.h"
#include "selftest.h"
#include "smp.h"
#include "string.h"

void nmi_init(void);

static void cpus_from_madt(void)
{
	cpus[0].apic_id = lapic_id();
	ncpus = 1;
	for (int i = 0; i < acpi.ncpus && ncpus < MAX_CPUS; i++)
		if (acpi.cpu_apic_ids[i] != cpus[0].apic_id)
			cpus[ncpus++].apic_id = acpi.cpu_apic_ids[i];
}

static void print_features(void)
{
	const struct cpu_features *f = &cpu_features;
	printk(KERN_INFO "cpu: NX %s, SMEP %s, SMAP %s, XSAVE %s, FPU state %u bytes per task\n",
	       f->nx ? "on" : "absent", f->smep ? "on" : "absent", f->smap ? "on" : "absent",
	       f->xsave ? "on" : "absent", f->fpu_state_size);
}

static void interrupts_init(void)
{
	pic_disable();
	lapic_init_this();
	cpus_from_madt();
	ioapic_init();
	timer_calibrate();
	clock_init();
	timer_start_this();
	console_enable_rx_irq();
	cpus[0].online = true;
	ncpus_online = 1;
	sti();
}

/* Looks for the init program in the initramfs. */
static const char *initramfs_check(void)
{
	if (!boot_info.initrd_phys)
		panic("no initramfs: sysret runs its programs from one; boot with -initrd FILE.cpio");
	const void *a = phys_to_virt(boot_info.initrd_phys);
	size_t off = 0, n = 0;
	const char *want = cmdline.init[0] == '/' ? cmdline.init + 1 : cmdline.init;
	struct cpio_entry e;
	bool found = false;
	int r;
	while ((r = cpio_next(a, boot_info.initrd_size, &off, &e)) > 0) {
		n++;
		if (e.namelen == strlen(want) && !memcmp(e.name, want, e.namelen))
			found = true;
	}
	if (r < 0)
		panic("initramfs: malformed cpio archive at offset %zu", off);
	printk(KERN_INFO "initramfs: %zu entries, %zu bytes; %s %s\n", n, boot_info.initrd_size,
	       cmdline.init, found ? "present" : "MISSING");
	return found ? cmdline.init : NULL;
}

void kmain(uint32_t start_info_phys)
{
	cpu_early_init_bsp();
	console_init();
	printk(KERN_WARNING "sysret x86-64 kernel, built " __DATE__ " " __TIME__ "\n");
	pvh_parse(start_info_phys);
	cmdline_parse(boot_info.cmdline, &cmdline);
	if (cmdline.quiet)
		printk_set_console_level(5);	/* warnings and worse */
	printk(KERN_INFO "cmdline: %s\n", boot_info.cmdline);
	cpu_detect_features();
	idt_init();
	cpus[0].id = 0;
	cpu_init_this(&cpus[0]);
	nmi_init();
	print_features();
	acpi_init(boot_info.rsdp_phys);
	mem_init();
	vmalloc_init();
	interrupts_init();
	smp_boot_aps();
	printk(KERN_WARNING "smp: %d of %d CPUs online\n", ncpus_online, ncpus);
	if (cmdline.crash[0])
		selftest_crash(cmdline.crash);
	if (cmdline.selftest) {
		selftest_run();
		arch_power_off();
	}
	const char *init = initramfs_check();
	if (!init)
		panic("No working init found. Try passing init= option to kernel.");
	/* FIXME: processes and user mode come next; until then there is nothing to run. */
	panic("cannot run %s: this kernel has no user mode yet", init);
}
