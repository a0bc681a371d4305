#ifndef SYSRET_TRAP_H
#define SYSRET_TRAP_H
#include "trapframe.h"
#include "types.h"

/* An exception handler returns true when it has dealt with the exception. */
typedef bool (*exc_handler_t)(struct trap_frame *tf);
void trap_set_handler(int vector, exc_handler_t fn);
exc_handler_t trap_get_handler(int vector);
void trap_print_frame(const struct trap_frame *tf);
void trap_user_fault(struct trap_frame *tf, int sig, uint64_t addr, int code);
void fault_init(void);

/* For self-tests only: the next unhandled kernel exception on `cpu` still
 * prints its oops, then resumes at resume_rip instead of panicking. */
struct oops_catch {
	int cpu;
	uint64_t resume_rip;
	volatile uint64_t vector;	/* set when caught */
};
void trap_catch_oops(struct oops_catch *c);

#endif
