#ifndef SYSRET_ACPI_H
#define SYSRET_ACPI_H
/* What the kernel learns from the ACPI tables. */
#include "types.h"

#define MAX_IOAPICS	8
#define MAX_ISO		16

struct acpi_info {
	uint64_t lapic_phys;
	int ncpus;
	uint32_t cpu_apic_ids[64];
	int nioapics;
	struct { uint32_t id, phys, gsi_base; } ioapics[MAX_IOAPICS];
	int niso;	/* interrupt source overrides: ISA IRQ -> GSI */
	struct { uint8_t irq; uint32_t gsi; uint16_t flags; } iso[MAX_ISO];
	/* FADT: power off and reset */
	uint16_t pm1a_cnt, pm1b_cnt;
	uint16_t slp_typ_a, slp_typ_b;	/* \_S5 */
	bool have_s5;
	uint32_t smi_cmd;
	uint8_t acpi_enable;
	bool reset_supported;
	uint8_t reset_space;		/* 0 memory, 1 I/O */
	uint64_t reset_addr;
	uint8_t reset_value;
};
extern struct acpi_info acpi;

void acpi_init(uint64_t rsdp_hint);
/* Finds the \_S5 sleep type in AML; host-testable. */
bool acpi_parse_s5(const uint8_t *aml, size_t len, uint16_t *typ_a, uint16_t *typ_b);

#endif
