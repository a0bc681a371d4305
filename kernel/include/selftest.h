#ifndef SYSRET_SELFTEST_H
#define SYSRET_SELFTEST_H

/* Boot option "selftest": the in-kernel tests; prints "selftest: N passed, M failed". */
void selftest_run(void);
/* Boot option "crash=KIND": a deliberate kernel fault (pf, ud, de, gp, df, lock). */
void selftest_crash(const char *kind);

#endif
