/*
 * The kernel's own symbol table, for backtraces. The build links the kernel
 * once, lists its functions with nm (tools/ksyms.sh), and links again with
 * that list in .ksyms: addresses sorted, names after them.
 */
#include "kernel.h"
#include "ksyms.h"

extern const uint64_t ksyms_count;
extern const uint64_t ksyms_addrs[];
extern const uint32_t ksyms_name_offsets[];
extern const char ksyms_names[];

const char *ksyms_lookup(uint64_t addr, uint64_t *offset)
{
	uint64_t lo = 0, hi = ksyms_count;
	if (!hi || addr < ksyms_addrs[0])
		return NULL;
	while (hi - lo > 1) {		/* the last symbol at or below addr */
		uint64_t mid = (lo + hi) / 2;
		if (ksyms_addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - ksyms_addrs[lo];
	return ksyms_names + ksyms_name_offsets[lo];
}

void ksyms_format(uint64_t addr, char *buf, size_t size)
{
	uint64_t off;
	const char *name = ksyms_lookup(addr, &off);
	if (name && off < 0x100000)
		snprintf(buf, size, "%s+0x%lx", name, off);
	else
		snprintf(buf, size, "?");
}
