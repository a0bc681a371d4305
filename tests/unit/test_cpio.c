/*
 * The cpio newc parser against archives made by GNU cpio.
 * Usage: test_cpio ARCHIVE SOURCE_DIR — every entry must match the file it
 * came from (mode, size, content, link target); then every truncation and
 * a set of corruptions must give -EINVAL, never a read out of bounds (the
 * test runs under AddressSanitizer, on a copy of exactly the archive's size).
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cpio.h"
#include "unit.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	rewind(f);
	char *buf = malloc(*len ? *len : 1);
	if (fread(buf, 1, *len, f) != *len)
		*len = 0;
	fclose(f);
	return buf;
}

static int compare_with_source(const char *archive, size_t len, const char *dir)
{
	size_t off = 0;
	struct cpio_entry e;
	int r, n = 0;
	while ((r = cpio_next(archive, len, &off, &e)) > 0) {
		char path[4096], name[1024];
		snprintf(name, sizeof(name), "%.*s", (int)e.namelen, e.name);
		snprintf(path, sizeof(path), "%s/%s", dir, name);
		struct stat st;
		CHECK(lstat(path, &st) == 0, "%s exists in the source", name);
		CHECK(e.mode == st.st_mode, "%s mode %o, want %o", name, e.mode, st.st_mode);
		if (S_ISREG(st.st_mode)) {
			size_t flen;
			char *want = slurp(path, &flen);
			CHECK(e.size == flen && !memcmp(e.data, want, flen), "%s content", name);
			free(want);
		} else if (S_ISLNK(st.st_mode)) {
			char target[1024];
			ssize_t t = readlink(path, target, sizeof(target));
			CHECK(t >= 0 && e.size == (size_t)t && !memcmp(e.data, target, t), "%s link", name);
		} else if (S_ISDIR(st.st_mode)) {
			CHECK(e.size == 0, "%s: a directory has no data", name);
		}
		n++;
	}
	CHECK(r == 0, "the archive ends with TRAILER!!!, got %d", r);
	CHECK(off <= len, "offset stays inside");
	return n;
}

/* Parses a copy of exactly n bytes, so ASan sees any read past the end. */
static int parse_prefix(const char *archive, size_t n)
{
	char *copy = malloc(n ? n : 1);
	memcpy(copy, archive, n);
	size_t off = 0;
	struct cpio_entry e;
	int r, entries = 0;
	while ((r = cpio_next(copy, n, &off, &e)) > 0 && entries < 100000)
		entries++;
	free(copy);
	return r;
}

/* Every prefix that stops before the trailer's end is an error (the block
 * padding GNU cpio writes after the trailer may be cut freely). */
static void test_truncations(const char *archive, size_t len)
{
	size_t end = 0;
	struct cpio_entry e;
	while (cpio_next(archive, len, &end, &e) > 0)
		;
	int bad = 0;
	for (size_t n = 0; n < end; n++)
		if (parse_prefix(archive, n) != -EINVAL)
			bad++;
	CHECK(bad == 0, "%d of %zu truncations were not reported as -EINVAL", bad, end);
	CHECK(parse_prefix(archive, end) == 0, "the archive up to its trailer parses whole");
}

static void test_corruptions(const char *archive, size_t len)
{
	char *c = malloc(len);
	memcpy(c, archive, len);
	c[0] = 'X';				/* magic */
	CHECK(parse_prefix(c, len) == -EINVAL, "bad magic");
	memcpy(c, archive, len);
	c[6 + 8 * 6] = 'g';			/* a non-hex digit in filesize */
	CHECK(parse_prefix(c, len) == -EINVAL, "bad hex digit");
	memcpy(c, archive, len);
	memcpy(c + 6 + 8 * 11, "FFFFFFFF", 8);	/* namesize beyond the archive */
	CHECK(parse_prefix(c, len) == -EINVAL, "huge namesize");
	memcpy(c, archive, len);
	memcpy(c + 6 + 8 * 6, "7FFFFFFF", 8);	/* filesize beyond the archive */
	CHECK(parse_prefix(c, len) == -EINVAL, "huge filesize");
	memcpy(c, archive, len);
	memcpy(c + 6 + 8 * 11, "00000000", 8);	/* namesize 0 */
	CHECK(parse_prefix(c, len) == -EINVAL, "zero namesize");
	free(c);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s ARCHIVE SOURCE_DIR\n", argv[0]);
		return 2;
	}
	size_t len;
	char *archive = slurp(argv[1], &len);
	CHECK(archive != NULL, "read %s", argv[1]);
	if (!archive)
		return unit_finish("cpio");
	int n = compare_with_source(archive, len, argv[2]);
	CHECK(n >= 5, "%d entries parsed", n);
	test_truncations(archive, len);
	test_corruptions(archive, len);
	free(archive);
	return unit_finish("cpio");
}
