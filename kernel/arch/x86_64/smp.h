#ifndef SYSRET_SMP_H
#define SYSRET_SMP_H
#include "types.h"

void smp_boot_aps(void);		/* start every CPU the MADT lists */
/* Runs fn(arg) on every online CPU (this one too) and waits for all.
 * The caller must hold no spinlock. */
void smp_call_all(void (*fn)(void *), void *arg);
void smp_tlb_flush_all(void);

#endif
