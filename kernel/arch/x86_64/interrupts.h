#ifndef SYSRET_INTERRUPTS_H
#define SYSRET_INTERRUPTS_H
/* Interrupt controllers (LAPIC, IOAPIC), their handlers, and the timer. */
#include "trapframe.h"
#include "types.h"

typedef void (*irq_handler_t)(struct trap_frame *tf);
void irq_register(int vector, irq_handler_t fn);
void irq_dispatch(struct trap_frame *tf);	/* vectors 32..255 */

void pic_disable(void);
void lapic_init_this(void);
uint32_t lapic_id(void);
void lapic_eoi(void);
void lapic_send_ipi(uint32_t apic_id, uint32_t icr_low);
void lapic_send_init_sipi(uint32_t apic_id, uint8_t page);
void lapic_nmi_others(void);
void ioapic_init(void);
void ioapic_route_isa_irq(int isa_irq, int vector);

#define TIMER_HZ	100	/* LAPIC timer interrupts per second on every CPU */
void timer_calibrate(void);	/* BSP, once */
void timer_start_this(void);	/* every CPU */
void clock_init(void);
void udelay(uint64_t us);

#endif
