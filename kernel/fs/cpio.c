/*
 * The cpio newc parser. Each entry is a 110-byte header of ASCII hex
 * fields, the name (with its NUL), padding to 4 bytes, the data, padding to
 * 4 bytes. The archive ends with an entry named "TRAILER!!!". Every length
 * is checked against the archive, so a corrupt initramfs is an error, not
 * a wild read.
 */
#include "cpio.h"
#include "errno.h"
#include "string.h"

#define HEADER_SIZE	110

static bool hex_field(const char *p, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 8; i++) {
		char c = p[i];
		int d = c >= '0' && c <= '9' ? c - '0' :
			c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return false;
		v = v << 4 | d;
	}
	*out = v;
	return true;
}

int cpio_next(const void *archive, size_t len, size_t *offset, struct cpio_entry *e)
{
	const char *base = archive, *h = base + *offset;
	uint32_t f[13];
	if (*offset > len || len - *offset < HEADER_SIZE)
		return -EINVAL;
	if (memcmp(h, "070701", 6) && memcmp(h, "070702", 6))
		return -EINVAL;
	for (int i = 0; i < 13; i++)
		if (!hex_field(h + 6 + 8 * i, &f[i]))
			return -EINVAL;
	uint32_t namesize = f[11], filesize = f[6];
	size_t name_end = *offset + HEADER_SIZE + (size_t)namesize;
	if (namesize == 0 || name_end > len || base[name_end - 1] != 0)
		return -EINVAL;
	size_t data = ALIGN_UP(name_end, 4);
	if (data > len || len - data < filesize)
		return -EINVAL;
	*e = (struct cpio_entry){
		.name = h + HEADER_SIZE, .namelen = namesize - 1,
		.ino = f[0], .mode = f[1], .uid = f[2], .gid = f[3], .nlink = f[4], .mtime = f[5],
		.dev_major = f[7], .dev_minor = f[8], .rdev_major = f[9], .rdev_minor = f[10],
		.data = base + data, .size = filesize,
	};
	*offset = ALIGN_UP(data + filesize, 4);
	if (*offset > len)
		*offset = len;
	if (e->namelen == 10 && !memcmp(e->name, "TRAILER!!!", 10))
		return 0;
	return 1;
}
