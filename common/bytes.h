/*
 * bytes: comparisons of counted byte strings.  memcmp() with a null
 * pointer is undefined even for length 0, and an empty arena is null.
 */
#ifndef NERTOOLS_BYTES_H
#define NERTOOLS_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool
bytes_equal(const void *a, size_t alen, const void *b, size_t blen)
{
	return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
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
