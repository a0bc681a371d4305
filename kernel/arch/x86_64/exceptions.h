#ifndef SYSRET_EXCEPTIONS_H
#define SYSRET_EXCEPTIONS_H
/*
 * The exception table: one row per vector 0-31, the lecture's classification
 * made into data. The IDT stubs, the dispatcher and the oops all read it.
 */
#include "types.h"

enum exc_class {
	EXC_FAULT,	/* a possibly fixable error: returns to the faulting instruction */
	EXC_TRAP,	/* intentional: returns to the next instruction */
	EXC_ABORT,	/* unrecoverable: never returns */
	EXC_INTERRUPT,	/* asynchronous, from outside the instruction stream */
	EXC_RESERVED,	/* Intel reserves the vector; the CPU never raises it */
};

enum exc_resume {
	RESUME_SAME,	/* re-execute the instruction that faulted */
	RESUME_NEXT,	/* go on with the following instruction */
	RESUME_NOWHERE,	/* there is no way back */
};

struct exception_info {
	uint8_t vector;
	const char *mnemonic;	/* "#PF" */
	const char *name;	/* "Page Fault" */
	enum exc_class class;
	bool has_errcode;	/* the CPU pushes an error code */
	enum exc_resume resumes;
	int signal;		/* sent to a user process that takes it unhandled (0: none) */
};

#define NUM_EXCEPTIONS	32
extern const struct exception_info exception_table[NUM_EXCEPTIONS];

const char *exc_class_name(enum exc_class c);
const char *exc_resume_name(enum exc_resume r);

/* Interrupt vectors the kernel uses above the exceptions. */
#define VEC_TIMER	0x20
#define VEC_SERIAL	0x24
#define VEC_IPI_CALL	0xF0
#define VEC_RESCHED	0xF1
#define VEC_SPURIOUS	0xFF

#endif
