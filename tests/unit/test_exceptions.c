/* The exception table: every CPU exception named and classified as the SDM
 * and the lectures say, and consistent with itself. */
#include <string.h>
#include "exceptions.h"
#include "signum.h"
#include "unit.h"

static void test_rows_are_indexed_and_named(void)
{
	for (int v = 0; v < NUM_EXCEPTIONS; v++) {
		const struct exception_info *e = &exception_table[v];
		CHECK(e->vector == v, "row %d has vector %d", v, e->vector);
		CHECK(e->name && e->name[0] && e->mnemonic && e->mnemonic[0], "vector %d unnamed", v);
	}
}

static void test_known_rows(void)
{
	static const struct { int v; const char *mn; enum exc_class c; int sig; } want[] = {
		{ 0, "#DE", EXC_FAULT, SIGFPE },  { 1, "#DB", EXC_TRAP, SIGTRAP },
		{ 2, "NMI", EXC_INTERRUPT, 0 },   { 3, "#BP", EXC_TRAP, SIGTRAP },
		{ 4, "#OF", EXC_TRAP, SIGSEGV },  { 5, "#BR", EXC_FAULT, SIGSEGV },
		{ 6, "#UD", EXC_FAULT, SIGILL },  { 7, "#NM", EXC_FAULT, SIGFPE },
		{ 8, "#DF", EXC_ABORT, SIGSEGV }, { 10, "#TS", EXC_FAULT, SIGSEGV },
		{ 11, "#NP", EXC_FAULT, SIGBUS }, { 12, "#SS", EXC_FAULT, SIGBUS },
		{ 13, "#GP", EXC_FAULT, SIGSEGV }, { 14, "#PF", EXC_FAULT, SIGSEGV },
		{ 16, "#MF", EXC_FAULT, SIGFPE }, { 17, "#AC", EXC_FAULT, SIGBUS },
		{ 18, "#MC", EXC_ABORT, SIGBUS }, { 19, "#XM", EXC_FAULT, SIGFPE },
		{ 20, "#VE", EXC_FAULT, SIGSEGV }, { 21, "#CP", EXC_FAULT, SIGSEGV },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct exception_info *e = &exception_table[want[i].v];
		CHECK(!strcmp(e->mnemonic, want[i].mn), "vector %d is %s", want[i].v, e->mnemonic);
		CHECK(e->class == want[i].c, "vector %d class %s", want[i].v, exc_class_name(e->class));
		CHECK(e->signal == want[i].sig, "vector %d signal %d", want[i].v, e->signal);
	}
	CHECK(!strcmp(exception_table[14].name, "Page Fault"), "14 is %s", exception_table[14].name);
	CHECK(!strcmp(exception_table[13].name, "General Protection"), "13");
}

/* The CPU pushes an error code for exactly these vectors (SDM vol. 3, 6.13). */
static void test_error_codes(void)
{
	unsigned long mask = 0;
	for (int v = 0; v < NUM_EXCEPTIONS; v++)
		if (exception_table[v].has_errcode)
			mask |= 1UL << v;
	unsigned long want = 1UL << 8 | 1UL << 10 | 1UL << 11 | 1UL << 12 | 1UL << 13 |
			     1UL << 14 | 1UL << 17 | 1UL << 21 | 1UL << 29 | 1UL << 30;
	CHECK(mask == want, "error-code mask %#lx, want %#lx", mask, want);
}

/* Faults resume at the faulting instruction, traps and interrupts at the next, aborts nowhere. */
static void test_resume_follows_class(void)
{
	for (int v = 0; v < NUM_EXCEPTIONS; v++) {
		const struct exception_info *e = &exception_table[v];
		enum exc_resume want = e->class == EXC_FAULT ? RESUME_SAME :
				       e->class == EXC_ABORT || e->class == EXC_RESERVED ? RESUME_NOWHERE :
				       RESUME_NEXT;
		CHECK(e->resumes == want, "vector %d (%s) resumes at %s", v,
		      exc_class_name(e->class), exc_resume_name(e->resumes));
	}
	int reserved = 0;
	for (int v = 0; v < NUM_EXCEPTIONS; v++)
		reserved += exception_table[v].class == EXC_RESERVED;
	CHECK(reserved == 8, "%d reserved vectors (15, 22-27, 31)", reserved);
}

int main(void)
{
	test_rows_are_indexed_and_named();
	test_known_rows();
	test_error_codes();
	test_resume_follows_class();
	return unit_finish("exceptions");
}
