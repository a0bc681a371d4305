/*
 * Spinlocks with interrupts off, and the nestable interrupt switch they use.
 * An interrupt handler that takes a lock its CPU already holds would spin
 * forever; with interrupts off while a lock is held that cannot happen, and
 * taking the same lock twice on one CPU is caught as the bug it is.
 */
#include "arch.h"
#include "kernel.h"
#include "spinlock.h"

void irq_push_off(void)
{
	bool on = arch_irqs_enabled();
	arch_irq_disable();
	struct cpu *c = this_cpu();
	if (c->irq_depth++ == 0)
		c->irq_were_on = on;
}

void irq_pop_off(void)
{
	struct cpu *c = this_cpu();
	KASSERT(!arch_irqs_enabled());
	KASSERT(c->irq_depth > 0);
	if (--c->irq_depth == 0 && c->irq_were_on)
		arch_irq_enable();
}

void spin_init(struct spinlock *l, const char *name)
{
	l->locked = 0;
	l->owner_cpu = -1;
	l->name = name;
}

bool spin_held(struct spinlock *l)
{
	return l->locked && l->owner_cpu == arch_cpu_id();
}

void spin_lock(struct spinlock *l)
{
	irq_push_off();
	if (unlikely(spin_held(l)))
		panic("spinlock %s: recursive acquire on CPU %d", l->name, arch_cpu_id());
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (READ_ONCE(l->locked))
			arch_relax();
	l->owner_cpu = arch_cpu_id();
}

bool spin_trylock(struct spinlock *l)
{
	irq_push_off();
	if (!spin_held(l) && !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE)) {
		l->owner_cpu = arch_cpu_id();
		return true;
	}
	irq_pop_off();
	return false;
}

void spin_unlock(struct spinlock *l)
{
	if (unlikely(!spin_held(l)))
		panic("spinlock %s: released by CPU %d, which does not hold it", l->name, arch_cpu_id());
	l->owner_cpu = -1;
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
	irq_pop_off();
}
