/*
 * The PVH boot protocol's start info (Xen's struct hvm_start_info, version 1):
 * memory map, command line, modules (the first is the initramfs), RSDP.
 * Everything is copied out at once; the pages it lives in are reused later.
 */
#include "arch.h"
#include "boot.h"
#include "kernel.h"
#include "string.h"

#define HVM_START_MAGIC	0x336ec578

struct hvm_start_info {
	uint32_t magic, version, flags, nr_modules;
	uint64_t modlist_paddr, cmdline_paddr, rsdp_paddr;
	uint64_t memmap_paddr;	/* version >= 1 */
	uint32_t memmap_entries, reserved;
};

struct hvm_modlist_entry { uint64_t paddr, size, cmdline_paddr, reserved; };
struct hvm_memmap_entry { uint64_t addr, size; uint32_t type, reserved; };

struct boot_info boot_info;

void pvh_parse(uint32_t start_info_phys)
{
	const struct hvm_start_info *si = phys_to_virt(start_info_phys);
	if (si->magic != HVM_START_MAGIC)
		panic("boot: no PVH start info (magic %x); boot with qemu -kernel", si->magic);
	if (si->version < 1 || !si->memmap_entries)
		panic("boot: the PVH start info has no memory map (version %u)", si->version);
	if (si->cmdline_paddr)
		strlcpy(boot_info.cmdline, phys_to_virt(si->cmdline_paddr), sizeof(boot_info.cmdline));
	if (si->nr_modules) {
		const struct hvm_modlist_entry *m = phys_to_virt(si->modlist_paddr);
		boot_info.initrd_phys = m->paddr;
		boot_info.initrd_size = m->size;
	}
	boot_info.rsdp_phys = si->rsdp_paddr;
	const struct hvm_memmap_entry *e = phys_to_virt(si->memmap_paddr);
	for (uint32_t i = 0; i < si->memmap_entries && i < MAX_MEM_REGIONS; i++) {
		/* insertion sort by address: the rest of the kernel relies on the order */
		int k = boot_info.nregions++;
		for (; k > 0 && boot_info.regions[k - 1].base > e[i].addr; k--)
			boot_info.regions[k] = boot_info.regions[k - 1];
		boot_info.regions[k] = (struct mem_region){ e[i].addr, e[i].size, e[i].type };
	}
}
