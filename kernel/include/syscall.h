#ifndef SYSRET_SYSCALL_H
#define SYSRET_SYSCALL_H
/* Every system call handler, declared from the table (arguments as longs). */
#define SYSCALL(nr, name) long sys_##name();
#include "syscall_table.h"
#undef SYSCALL
#define NR_SYSCALLS	512
extern const char *const syscall_names[NR_SYSCALLS];
#endif
