/*
 * Time. The LAPIC timer of every CPU interrupts TIMER_HZ (100) times a
 * second, the heartbeat that will drive preemption. Its rate and the TSC's
 * are measured once against the PIT, whose 1.193182 MHz is fixed by the PC.
 * The monotonic clock counts TSC cycles since boot: one instruction to read,
 * which matters on hot paths. A TSC the CPU does not call invariant may
 * change rate with power states on old hardware; QEMU's never does, and the
 * boot log says which kind this is.
 */
#include "arch.h"
#include "exceptions.h"
#include "interrupts.h"
#include "kernel.h"
#include "proc.h"

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

/* Asynchronous: the interrupted code resumes at its next instruction. */
static void timer_interrupt(struct trap_frame *tf)
{
	this_cpu()->ticks++;
	sched_tick(tf_from_user(tf));
}

void timer_start_this(void)
{
	irq_register(VEC_TIMER, timer_interrupt);
	lapic_write(LAPIC_TIMER_DIV, 0x3);
	lapic_write(0x320, VEC_TIMER | LVT_PERIODIC);
	lapic_write(LAPIC_TIMER_INIT, lapic_ticks_per_interrupt);
}

void clock_init(void)
{
	clock_mult = (1000000000ULL << 32) / tsc_hz;
	clock_base = rdtsc();
	printk(KERN_INFO "clock: monotonic clock from the TSC (%s)\n",
	       cpu_features.invariant_tsc ? "invariant" : "not marked invariant; constant under QEMU");
}

uint64_t arch_clock_ns(void)
{
	uint64_t d = rdtsc() - clock_base;
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
