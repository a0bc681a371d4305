#ifndef SYSRET_KSYMS_H
#define SYSRET_KSYMS_H
#include "types.h"

/* Writes "function+0xoff/0xsize" for a kernel address, or "?" if unknown. */
void ksyms_format(uint64_t addr, char *buf, size_t size);
const char *ksyms_lookup(uint64_t addr, uint64_t *offset);

#endif
