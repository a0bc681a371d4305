/*
 * Time. The LAPIC timer of every CPU interrupts TIMER_HZ (100) times a
 * second, the heartbeat that will drive preemption. Its rate and the TSC's
 * are measured once against the PIT, whose 1.193182 MHz is fixed by the PC.
 * The monotonic clock reads the TSC when the CPU says it is invariant, else
 * the HPET when there is one, else the TSC all the same.
 */
#include "acpi.h"
#include "arch.h"
#include "exceptions.h"
#include "interrupts.h"
#include "kernel.h"
#include "mm.h"

#define LAPIC_TIMER_INIT	0x380
#define LAPIC_TIMER_CUR		0x390
#define LAPIC_TIMER_DIV		0x3E0
#define LVT_PERIODIC		(1 << 17)
#define PIT_HZ			1193182
#define CALIBRATE_MS		10

uint32_t lapic_read(uint32_t reg);
void lapic_write(uint32_t reg, uint32_t v);

static uint64_t tsc_hz;
static uint32_t lapic_ticks_per_interrupt;
static uint64_t clock_mult;		/* ns = (count * clock_mult) >> 32 */
static uint64_t clock_base;
static volatile uint64_t *hpet_counter;	/* NULL: the clock reads the TSC */

/* Busy-waits on PIT channel 2 for ms milliseconds (ms <= 50). */
static void pit_wait_ms(unsigned ms)
{
	uint32_t count = PIT_HZ * ms / 1000;
	outb(0x61, (inb(0x61) & ~0x02) | 0x01);	/* gate on, speaker off */
	outb(0x43, 0xB0);			/* channel 2, lo/hi, mode 0 */
	outb(0x42, count & 0xFF);
	outb(0x42, count >> 8);
	uint8_t v = inb(0x61) & ~0x01;
	outb(0x61, v);				/* restart the count */
	outb(0x61, v | 0x01);
	while (!(inb(0x61) & 0x20))
		cpu_relax();
}

void timer_calibrate(void)
{
	lapic_write(LAPIC_TIMER_DIV, 0x3);	/* divide by 16 */
	lapic_write(LAPIC_TIMER_INIT, 0xFFFFFFFF);
	uint64_t t0 = rdtsc();
	pit_wait_ms(CALIBRATE_MS);
	uint64_t t1 = rdtsc();
	uint32_t elapsed = 0xFFFFFFFF - lapic_read(LAPIC_TIMER_CUR);
	lapic_write(LAPIC_TIMER_INIT, 0);
	tsc_hz = (t1 - t0) * (1000 / CALIBRATE_MS);
	lapic_ticks_per_interrupt = (uint64_t)elapsed * (1000 / CALIBRATE_MS) / TIMER_HZ;
	printk(KERN_INFO "timer: TSC %lu.%03lu MHz, LAPIC timer %lu kHz, %d Hz on every CPU\n",
	       tsc_hz / 1000000, tsc_hz / 1000 % 1000,
	       (uint64_t)elapsed * (1000 / CALIBRATE_MS) / 1000, TIMER_HZ);
}

static void timer_interrupt(struct trap_frame *tf)
{
	(void)tf;
	this_cpu()->ticks++;
}

void timer_start_this(void)
{
	irq_register(VEC_TIMER, timer_interrupt);
	lapic_write(LAPIC_TIMER_DIV, 0x3);
	lapic_write(0x320, VEC_TIMER | LVT_PERIODIC);
	lapic_write(LAPIC_TIMER_INIT, lapic_ticks_per_interrupt);
}

static uint64_t clock_count(void)
{
	return hpet_counter ? *hpet_counter : rdtsc();
}

void clock_init(void)
{
	const char *source = "TSC";
	uint64_t hz = tsc_hz;
	if (!cpu_features.invariant_tsc && acpi.hpet_phys) {
		volatile uint64_t *hpet = ioremap(acpi.hpet_phys, 1024);
		uint64_t period_fs = hpet[0] >> 32;	/* capabilities: tick length */
		hpet[2] |= 1;				/* configuration: counter on */
		hpet_counter = &hpet[0xF0 / 8];
		hz = 1000000000000000ULL / period_fs;
		source = "HPET";
	}
	clock_mult = (1000000000ULL << 32) / hz;
	clock_base = clock_count();
	printk(KERN_INFO "clock: monotonic clock from the %s (%lu Hz)%s\n", source, hz,
	       cpu_features.invariant_tsc ? ", TSC invariant" : "");
}

uint64_t arch_clock_ns(void)
{
	uint64_t d = clock_count() - clock_base;
	return (uint64_t)(((unsigned __int128)d * clock_mult) >> 32);
}

void udelay(uint64_t us)
{
	if (!tsc_hz) {		/* not calibrated yet: roughly */
		for (uint64_t i = 0; i < us * 1000; i++)
			cpu_relax();
		return;
	}
	uint64_t end = rdtsc() + tsc_hz / 1000000 * us;
	while (rdtsc() < end)
		cpu_relax();
}
