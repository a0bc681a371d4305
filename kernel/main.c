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
#include "context.h"
#include "exceptions.h"
#include "fs.h"
#include "proc.h"
#include "time.h"
#include "trap.h"
#include "interrupts.h"
#include "kernel.h"
#include "mm.h"
#include "selftest.h"
#include "smp.h"
#include "string.h"
#include "trace.h"

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

static void resched_ipi(struct trap_frame *tf) { (void)tf; }	/* waking from hlt is the point */

static void interrupts_init(void)
{
	irq_register(VEC_RESCHED, resched_ipi);
	pic_disable();
	lapic_init_this();
	cpus_from_madt();
	ioapic_init();
	timer_calibrate();
	clock_init();
	time_init();
	timer_start_this();
	console_enable_rx_irq();
	cpus[0].online = true;
	ncpus_online = 1;
	sti();
}

/* The root file system: the initramfs unpacked into tmpfs, and /dev. */
static void files_init(void)
{
	if (!boot_info.initrd_phys)
		panic("no initramfs: sysret runs its programs from one; boot with -initrd FILE.cpio");
	vfs_init();
	initramfs_unpack(phys_to_virt(boot_info.initrd_phys), boot_info.initrd_size);
	devices_init();
	procfs_init();
	tty_init();
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
	fpu_capture_initial();
	sched_init_this_cpu();
	nmi_init();
	fault_init();
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
	files_init();
	if (cmdline.trace[0])
		trace_boot(cmdline.trace);
	proc_start_init();
	sched_idle_loop();	/* the boot CPU's work is done: it becomes its idle process */
}
