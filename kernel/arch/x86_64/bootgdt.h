#ifndef SYSRET_BOOTGDT_H
#define SYSRET_BOOTGDT_H
/*
 * The flat GDT both climbs to long mode use (boot.S on the boot CPU,
 * trampoline.S on the others): 0x08 32-bit code, 0x10 data, 0x18 64-bit code.
 * cpu.c replaces it with each CPU's real GDT.
 */
#define BOOT_GDT_ENTRIES \
	.quad 0; \
	.quad 0x00cf9a000000ffff; \
	.quad 0x00cf92000000ffff; \
	.quad 0x00af9a000000ffff
#endif
