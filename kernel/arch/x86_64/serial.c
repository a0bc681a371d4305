/*
 * The 16550 UART on COM1: the kernel console. Output polls the transmitter;
 * input raises IRQ 4 (routed through the IOAPIC) and lands in a ring that
 * the terminal reads.
 */
#include "arch.h"
#include "console.h"
#include "exceptions.h"
#include "interrupts.h"
#include "kernel.h"
#include "spinlock.h"

#define COM1		0x3F8
#define REG_DATA	0
#define REG_IER		1	/* interrupt enable */
#define REG_FCR		2	/* FIFO control */
#define REG_LCR		3	/* line control */
#define REG_MCR		4	/* modem control */
#define REG_LSR		5	/* line status */
#define LSR_DATA_READY	0x01
#define LSR_THR_EMPTY	0x20
#define RX_SIZE		1024

static struct spinlock rx_lock = SPINLOCK_INIT("serial rx");
static char rx_ring[RX_SIZE];
static uint32_t rx_head, rx_tail;	/* guarded by rx_lock */
static uint64_t rx_total;
static void (*rx_hook)(char c);

void console_set_rx_hook(void (*fn)(char c)) { rx_hook = fn; }

void console_init(void)
{
	outb(COM1 + REG_IER, 0);
	outb(COM1 + REG_LCR, 0x80);	/* divisor latch */
	outb(COM1 + REG_DATA, 1);	/* 115200 baud */
	outb(COM1 + REG_IER, 0);
	outb(COM1 + REG_LCR, 0x03);	/* 8N1 */
	outb(COM1 + REG_FCR, 0xC7);	/* FIFOs on, cleared, 14-byte threshold */
	outb(COM1 + REG_MCR, 0x0B);	/* DTR, RTS, OUT2 (gates the IRQ line) */
}

static void put_raw(char c)
{
	while (!(inb(COM1 + REG_LSR) & LSR_THR_EMPTY))
		cpu_relax();
	outb(COM1 + REG_DATA, c);
}

void console_write_raw(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put_raw(s[i]);
}

void console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			put_raw('\r');
		put_raw(s[i]);
	}
}

static void serial_irq(struct trap_frame *tf)
{
	(void)tf;
	while (inb(COM1 + REG_LSR) & LSR_DATA_READY) {
		char c = inb(COM1 + REG_DATA);
		spin_lock(&rx_lock);
		rx_total++;
		void (*hook)(char) = rx_hook;
		if (!hook && rx_head - rx_tail < RX_SIZE)
			rx_ring[rx_head++ % RX_SIZE] = c;
		spin_unlock(&rx_lock);
		if (hook)
			hook(c);
	}
}

void console_enable_rx_irq(void)
{
	irq_register(VEC_SERIAL, serial_irq);
	ioapic_route_isa_irq(4, VEC_SERIAL);
	outb(COM1 + REG_IER, 0x01);	/* interrupt when data arrives */
}

int console_getc_nonblock(void)
{
	int c = -1;
	spin_lock(&rx_lock);
	if (rx_tail != rx_head)
		c = (unsigned char)rx_ring[rx_tail++ % RX_SIZE];
	spin_unlock(&rx_lock);
	return c;
}

uint64_t console_rx_count(void) { return READ_ONCE(rx_total); }
