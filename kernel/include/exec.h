#ifndef SYSRET_EXEC_H
#define SYSRET_EXEC_H
#include "types.h"

long kernel_execve(const char *path, const char *const *argv, const char *const *envp);
void random_fill(void *buf, size_t n);
long random_fill_user(char *ubuf, size_t n);

#endif
