/* A tiny host unit-test harness: CHECK records a result; finish() prints the tally. */
#ifndef UNIT_H
#define UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int unit_passed, unit_failed;

#define CHECK(cond, ...) do { \
	if (cond) { unit_passed++; } else { \
		unit_failed++; \
		printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
		printf(__VA_ARGS__); \
		printf("\n"); \
	} \
} while (0)

static inline int unit_finish(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, unit_passed, unit_failed);
	return unit_failed != 0;
}

/* The kernel's panic(), for code under test: jumps back to the test if it
 * expects one, else the test fails loudly. */
static jmp_buf *unit_panic_jump;
static char unit_panic_msg[256];

__attribute__((noreturn)) void panic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(unit_panic_msg, sizeof(unit_panic_msg), fmt, ap);
	va_end(ap);
	if (unit_panic_jump)
		longjmp(*unit_panic_jump, 1);
	printf("FAIL unexpected panic: %s\n", unit_panic_msg);
	exit(2);
}

/* Runs stmt and reports whether it panicked. */
#define PANICS(stmt) ({ \
	jmp_buf jb; int p = 0; unit_panic_jump = &jb; \
	if (setjmp(jb) == 0) { stmt; } else { p = 1; } \
	unit_panic_jump = NULL; p; })

#endif
