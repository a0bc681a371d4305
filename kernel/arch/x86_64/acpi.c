/*
 * ACPI: the firmware's tables tell where the CPUs, the interrupt controllers
 * and the power-off register are. We read the MADT (CPUs, IOAPICs, interrupt
 * overrides) and the FADT (PM1 control, reset register, DSDT), and find \_S5 in the DSDT's AML by the usual byte search.
 */
#include "acpi.h"
#include "arch.h"
#include "kernel.h"
#include "string.h"

struct acpi_info acpi;

struct sdt_header {
	char signature[4];
	uint32_t length;
	uint8_t revision, checksum;
	char oem_id[6], oem_table_id[8];
	uint32_t oem_revision, creator_id, creator_revision;
} __attribute__((packed));

struct rsdp {
	char signature[8];
	uint8_t checksum;
	char oem_id[6];
	uint8_t revision;
	uint32_t rsdt;
	uint32_t length;
	uint64_t xsdt;
	uint8_t ext_checksum, reserved[3];
} __attribute__((packed));

static bool checksum_ok(const void *p, size_t n)
{
	uint8_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += ((const uint8_t *)p)[i];
	return sum == 0;
}

static const struct rsdp *rsdp_scan(uint64_t base, size_t len)
{
	for (uint64_t p = base; p < base + len; p += 16) {
		const struct rsdp *r = phys_to_virt(p);
		if (!memcmp(r->signature, "RSD PTR ", 8) && checksum_ok(r, 20))
			return r;
	}
	return NULL;
}

static const struct rsdp *rsdp_find(uint64_t hint)
{
	if (hint)
		return phys_to_virt(hint);
	uint64_t ebda = (uint64_t)*(uint16_t *)phys_to_virt(0x40E) << 4;
	const struct rsdp *r = ebda ? rsdp_scan(ebda, 1024) : NULL;
	return r ? r : rsdp_scan(0xE0000, 0x20000);
}

static void madt_parse(const struct sdt_header *h)
{
	const uint8_t *p = (const uint8_t *)h + 44, *end = (const uint8_t *)h + h->length;
	acpi.lapic_phys = *(const uint32_t *)((const uint8_t *)h + 36);
	for (; p + 2 <= end && p[1] >= 2; p += p[1]) {
		switch (p[0]) {
		case 0:	/* processor local APIC: usable if enabled or online-capable */
			if ((p[4] & 3) && acpi.ncpus < 64)
				acpi.cpu_apic_ids[acpi.ncpus++] = p[3];
			break;
		case 1:	/* IOAPIC */
			if (acpi.nioapics < MAX_IOAPICS) {
				acpi.ioapics[acpi.nioapics].id = p[2];
				acpi.ioapics[acpi.nioapics].phys = *(const uint32_t *)(p + 4);
				acpi.ioapics[acpi.nioapics].gsi_base = *(const uint32_t *)(p + 8);
				acpi.nioapics++;
			}
			break;
		case 2:	/* interrupt source override */
			if (acpi.niso < MAX_ISO) {
				acpi.iso[acpi.niso].irq = p[3];
				acpi.iso[acpi.niso].gsi = *(const uint32_t *)(p + 4);
				acpi.iso[acpi.niso].flags = *(const uint16_t *)(p + 8);
				acpi.niso++;
			}
			break;
		case 5:	/* 64-bit LAPIC address override */
			acpi.lapic_phys = *(const uint64_t *)(p + 4);
			break;
		}
	}
}

/*
 * \_S5 is "Name(_S5_, Package(){SLP_TYPa, SLP_TYPb, ...})":
 * 08 '_S5_' 12 PkgLength NumElements {0A byte | 00 | 01 | FF} ...
 */
static const uint8_t *aml_integer(const uint8_t *p, const uint8_t *end, uint16_t *v)
{
	if (p < end && *p == 0x0A && p + 1 < end) {	/* BytePrefix */
		*v = p[1];
		return p + 2;
	}
	if (p < end && (*p == 0x00 || *p == 0x01)) {	/* Zero, One */
		*v = *p;
		return p + 1;
	}
	return NULL;
}

bool acpi_parse_s5(const uint8_t *aml, size_t len, uint16_t *typ_a, uint16_t *typ_b)
{
	const uint8_t *end = aml + len;
	for (const uint8_t *p = aml; p + 8 < end; p++) {
		if (memcmp(p, "_S5_", 4) || p[4] != 0x12)
			continue;
		if (p == aml || (p[-1] != 0x08 && !(p >= aml + 2 && p[-2] == 0x08 && p[-1] == '\\')))
			continue;
		const uint8_t *q = p + 5;
		q += ((*q >> 6) & 3) + 1;	/* PkgLength: lead byte plus 0-3 more */
		q++;				/* NumElements */
		q = aml_integer(q, end, typ_a);
		if (!q || !aml_integer(q, end, typ_b))
			return false;
		return true;
	}
	return false;
}

static void fadt_parse(const struct sdt_header *h)
{
	const uint8_t *f = (const uint8_t *)h;
	uint64_t dsdt = *(const uint32_t *)(f + 40);
	if (h->length >= 148 && *(const uint64_t *)(f + 140))
		dsdt = *(const uint64_t *)(f + 140);
	acpi.smi_cmd = *(const uint32_t *)(f + 48);
	acpi.acpi_enable = f[52];
	acpi.pm1a_cnt = *(const uint32_t *)(f + 64);
	acpi.pm1b_cnt = *(const uint32_t *)(f + 68);
	if (h->length >= 129 && (*(const uint32_t *)(f + 112) & (1 << 10))) {
		acpi.reset_supported = true;
		acpi.reset_space = f[116];
		acpi.reset_addr = *(const uint64_t *)(f + 120);
		acpi.reset_value = f[128];
	}
	if (dsdt) {
		const struct sdt_header *d = phys_to_virt(dsdt);
		acpi.have_s5 = acpi_parse_s5((const uint8_t *)d + sizeof(*d), d->length - sizeof(*d),
					     &acpi.slp_typ_a, &acpi.slp_typ_b);
	}
}

static void table_parse(const struct sdt_header *h)
{
	if (!checksum_ok(h, h->length))
		printk(KERN_WARNING "acpi: table %.4s has a bad checksum, used anyway\n", h->signature);
	if (!memcmp(h->signature, "APIC", 4))
		madt_parse(h);
	else if (!memcmp(h->signature, "FACP", 4))
		fadt_parse(h);
}

/* Reads the tables; rsdp_hint is the boot protocol's RSDP address (0: search). */
void acpi_init(uint64_t rsdp_hint)
{
	const struct rsdp *r = rsdp_find(rsdp_hint);
	if (!r)
		panic("acpi: no RSDP found; sysret needs ACPI to find its CPUs");
	bool x = r->revision >= 2 && r->xsdt;
	const struct sdt_header *root = phys_to_virt(x ? r->xsdt : r->rsdt);
	size_t n = (root->length - sizeof(*root)) / (x ? 8 : 4);
	const uint8_t *entries = (const uint8_t *)(root + 1);
	for (size_t i = 0; i < n; i++) {
		uint64_t pa = x ? ((const uint64_t *)entries)[i] : ((const uint32_t *)entries)[i];
		table_parse(phys_to_virt(pa));
	}
	if (!acpi.ncpus || !acpi.nioapics)
		panic("acpi: the MADT lists %d CPUs and %d IOAPICs", acpi.ncpus, acpi.nioapics);
	printk(KERN_INFO "acpi: %d CPUs, %d IOAPIC, LAPIC at 0x%lx, PM1a 0x%x, S5 %s\n",
	       acpi.ncpus, acpi.nioapics, acpi.lapic_phys, acpi.pm1a_cnt, acpi.have_s5 ? "found" : "missing");
}
