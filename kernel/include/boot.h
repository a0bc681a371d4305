#ifndef SYSRET_BOOT_H
#define SYSRET_BOOT_H
/* What the boot protocol told us, in a form the rest of the kernel reads. */
#include "types.h"

enum mem_type { MEM_RAM = 1, MEM_RESERVED = 2, MEM_ACPI = 3, MEM_NVS = 4 };

struct mem_region {
	uint64_t base, size;
	uint32_t type;
};

#define MAX_MEM_REGIONS	64

struct boot_info {
	int nregions;
	struct mem_region regions[MAX_MEM_REGIONS];
	char cmdline[4096];
	paddr_t initrd_phys;	/* 0: no initramfs */
	size_t initrd_size;
	uint64_t rsdp_phys;	/* 0: search for it */
};
extern struct boot_info boot_info;

/* The command line: init=, quiet, panic=N, selftest, crash=...; the rest is ignored. */
struct cmdline {
	char init[256];
	bool quiet;
	int panic_timeout;	/* seconds; <0 reset at once; 0 wait forever */
	bool selftest;
	char crash[32];		/* provoke a kernel fault on purpose (tests the oops) */
	char trace[64];		/* trace=KINDS: record events from boot (docs/TRACE.md) */
	bool init_given;	/* init= was on the command line */
	const char *init_argv[256];	/* [0] is the init path; then the words after "--" */
	char args[4096];	/* storage for init_argv */
};
extern struct cmdline cmdline;
void cmdline_parse(const char *s, struct cmdline *out);

void pvh_parse(uint32_t start_info_phys);
void mem_init(void);	/* frames, the direct map, the kernel's page tables */

#endif
