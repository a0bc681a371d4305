/*
 * The exception table (Intel SDM vol. 3, table 6-1), as the lectures classify it:
 *
 *   class      cause                           returns to
 *   interrupt  signal from an I/O device       next instruction
 *   trap       intentional exception           next instruction
 *   fault      potentially recoverable error   the same instruction (maybe)
 *   abort      unrecoverable error             never
 *
 * Signals are the ones Linux sends a user process for each vector.
 * This file is plain data: the host build reads it too, to generate the
 * error-code mask the assembly stubs use and to unit-test the rows.
 */
#include "exceptions.h"
#include "signum.h"

#define ROW(v, m, n, c, e, r, s) [v] = { v, m, n, c, e, r, s }
#define RSVD(v) ROW(v, "#RES", "Reserved", EXC_RESERVED, false, RESUME_NOWHERE, 0)

const struct exception_info exception_table[NUM_EXCEPTIONS] = {
	ROW(0,  "#DE", "Divide Error",		EXC_FAULT, false, RESUME_SAME, SIGFPE),
	/* #DB is a trap for single-step and data breakpoints (the usual
	 * case), a fault for instruction breakpoints; DR6 tells which. */
	ROW(1,  "#DB", "Debug",			EXC_TRAP,  false, RESUME_NEXT, SIGTRAP),
	ROW(2,  "NMI", "Non-Maskable Interrupt", EXC_INTERRUPT, false, RESUME_NEXT, 0),
	ROW(3,  "#BP", "Breakpoint",		EXC_TRAP,  false, RESUME_NEXT, SIGTRAP),
	ROW(4,  "#OF", "Overflow",		EXC_TRAP,  false, RESUME_NEXT, SIGSEGV),
	ROW(5,  "#BR", "BOUND Range Exceeded",	EXC_FAULT, false, RESUME_SAME, SIGSEGV),
	ROW(6,  "#UD", "Invalid Opcode",	EXC_FAULT, false, RESUME_SAME, SIGILL),
	ROW(7,  "#NM", "Device Not Available",	EXC_FAULT, false, RESUME_SAME, SIGFPE),
	ROW(8,  "#DF", "Double Fault",		EXC_ABORT, true,  RESUME_NOWHERE, SIGSEGV),
	ROW(9,  "#CSO", "Coprocessor Segment Overrun", EXC_FAULT, false, RESUME_SAME, SIGFPE),
	ROW(10, "#TS", "Invalid TSS",		EXC_FAULT, true,  RESUME_SAME, SIGSEGV),
	ROW(11, "#NP", "Segment Not Present",	EXC_FAULT, true,  RESUME_SAME, SIGBUS),
	ROW(12, "#SS", "Stack-Segment Fault",	EXC_FAULT, true,  RESUME_SAME, SIGBUS),
	ROW(13, "#GP", "General Protection",	EXC_FAULT, true,  RESUME_SAME, SIGSEGV),
	ROW(14, "#PF", "Page Fault",		EXC_FAULT, true,  RESUME_SAME, SIGSEGV),
	RSVD(15),
	ROW(16, "#MF", "x87 Floating-Point Error", EXC_FAULT, false, RESUME_SAME, SIGFPE),
	ROW(17, "#AC", "Alignment Check",	EXC_FAULT, true,  RESUME_SAME, SIGBUS),
	ROW(18, "#MC", "Machine Check",		EXC_ABORT, false, RESUME_NOWHERE, SIGBUS),
	ROW(19, "#XM", "SIMD Floating-Point Exception", EXC_FAULT, false, RESUME_SAME, SIGFPE),
	ROW(20, "#VE", "Virtualization Exception", EXC_FAULT, false, RESUME_SAME, SIGSEGV),
	ROW(21, "#CP", "Control Protection",	EXC_FAULT, true,  RESUME_SAME, SIGSEGV),
	RSVD(22), RSVD(23), RSVD(24), RSVD(25), RSVD(26), RSVD(27),
	ROW(28, "#HV", "Hypervisor Injection",	EXC_FAULT, false, RESUME_SAME, SIGSEGV),
	ROW(29, "#VC", "VMM Communication",	EXC_FAULT, true,  RESUME_SAME, SIGSEGV),
	ROW(30, "#SX", "Security Exception",	EXC_FAULT, true,  RESUME_SAME, SIGSEGV),
	RSVD(31),
};

const char *exc_class_name(enum exc_class c)
{
	static const char *const names[] = {
		[EXC_FAULT] = "fault", [EXC_TRAP] = "trap", [EXC_ABORT] = "abort",
		[EXC_INTERRUPT] = "interrupt", [EXC_RESERVED] = "reserved",
	};
	return (unsigned)c < ARRAY_SIZE(names) ? names[c] : "?";
}

const char *exc_resume_name(enum exc_resume r)
{
	static const char *const names[] = {
		[RESUME_SAME] = "the faulting instruction",
		[RESUME_NEXT] = "the next instruction",
		[RESUME_NOWHERE] = "nowhere",
	};
	return (unsigned)r < ARRAY_SIZE(names) ? names[r] : "?";
}
