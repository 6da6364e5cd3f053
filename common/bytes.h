/*
 * bytes: comparisons of counted byte strings.  memcmp() with a null
 * pointer is undefined even for length 0, and an empty arena is null.
 */
#ifndef NERTOOLS_BYTES_H
#define NERTOOLS_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Compare n bytes, at most 16, with two loads from each string that may
 * overlap: most names, types and keys are short, and a call of memcmp()
 * costs more than the comparison.
 */
static inline bool
short_equal(const unsigned char *a, const unsigned char *b, size_t n)
{
	uint64_t a1, a2, b1, b2;
	uint32_t x1, x2, y1, y2;

	if (n >= 8) {
		memcpy(&a1, a, 8);
		memcpy(&a2, a + n - 8, 8);
		memcpy(&b1, b, 8);
		memcpy(&b2, b + n - 8, 8);
		return ((a1 ^ b1) | (a2 ^ b2)) == 0;
	}
	if (n >= 4) {
		memcpy(&x1, a, 4);
		memcpy(&x2, a + n - 4, 4);
		memcpy(&y1, b, 4);
		memcpy(&y2, b + n - 4, 4);
		return ((x1 ^ y1) | (x2 ^ y2)) == 0;
	}
	return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] &&
	    a[n - 1] == b[n - 1]);
}

static inline bool
bytes_equal(const void *a, size_t alen, const void *b, size_t blen)
{
	if (alen != blen)
		return false;
	if (alen <= 16)
		return short_equal(a, b, alen);
	return memcmp(a, b, alen) == 0;
}

/* Order byte strings as memcmp() does, a prefix before its extensions. */
static inline int
bytes_cmp(const void *a, size_t alen, const void *b, size_t blen)
{
	size_t n = alen < blen ? alen : blen;
	int c = n == 0 ? 0 : memcmp(a, b, n);

	if (c != 0)
		return c;
	return alen < blen ? -1 : alen > blen;
}

#endif
