#ifndef SYSRET_SPINLOCK_H
#define SYSRET_SPINLOCK_H
#include "types.h"

/*
 * A spinlock. Holding one keeps interrupts off on this CPU (so an interrupt
 * handler can never spin on a lock its own CPU holds), and taking one this
 * CPU already holds is caught: recursion panics instead of hanging.
 */
struct spinlock {
	volatile uint32_t locked;
	int owner_cpu;		/* -1 when free; for the recursion check */
	const char *name;
};

#define SPINLOCK_INIT(n)	{ .locked = 0, .owner_cpu = -1, .name = (n) }

void spin_init(struct spinlock *l, const char *name);
void spin_lock(struct spinlock *l);
void spin_unlock(struct spinlock *l);
bool spin_trylock(struct spinlock *l);
bool spin_held(struct spinlock *l);	/* by this CPU */

/* Nestable interrupt disabling (xv6's push_off/pop_off). */
void irq_push_off(void);
void irq_pop_off(void);

#endif
