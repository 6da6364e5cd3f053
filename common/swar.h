/*
 * swar: tests of 8 bytes at a time in a 64-bit word ("SIMD within a
 * register"), for the loops that look for a few byte values in short
 * strings.  A mask has the high bit set in each byte that matched.
 */
#ifndef NERTOOLS_SWAR_H
#define NERTOOLS_SWAR_H

#include <stddef.h>
#include <stdint.h>

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* Little-endian, whatever the machine: the compilers make it one load. */
static inline uint64_t
load8(const unsigned char *u)
{
	return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 |
	    (uint64_t)u[3] << 24 | (uint64_t)u[4] << 32 | (uint64_t)u[5] << 40 |
	    (uint64_t)u[6] << 48 | (uint64_t)u[7] << 56;
}

static inline uint64_t
load4(const unsigned char *u)
{
	return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 |
	    (uint64_t)u[3] << 24;
}

/*
 * Load the last n bytes of p[0..len), 0 < n < 8, little-endian, with
 * zeros above them, reading no byte past the end.  A string of 8 bytes or
 * more gives its last 8 bytes, shifted.  A shorter string is loaded in two
 * overlapping halves, or byte by byte below 4 bytes.
 */
static inline uint64_t
load_tail(const char *p, size_t n, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;

	if (len >= 8)
		return load8(u + len - 8) >> (8 * (8 - n));
	if (len >= 4)
		return load4(u) | load4(u + len - 4) << (8 * (len - 4));
	return (uint64_t)u[0] | (uint64_t)u[len / 2] << (8 * (len / 2)) |
	    (uint64_t)u[len - 1] << (8 * (len - 1));
}

/* Set the high bit of each byte of w that equals c; clear everything else. */
static inline uint64_t
bytes_eq(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (ONES * c);

	return ~(((x & ~HIGHS) + ~HIGHS) | x) & HIGHS;
}

/* Set the high bit of each byte of w below c, which is below 0x80. */
static inline uint64_t
bytes_below(uint64_t w, unsigned char c)
{
	return ~(((w & ~HIGHS) + ONES * (0x80 - c)) | w) & HIGHS;
}

/* The bytes of w that are spaces or TABs. */
static inline uint64_t
bytes_blank(uint64_t w)
{
	return bytes_eq(w, ' ') | bytes_eq(w, '\t');
}

/* Index of the lowest byte whose high bit is set in m, which is not 0. */
static inline size_t
first_byte(uint64_t m)
{
#if defined(__GNUC__) || defined(__clang__)
	return (size_t)__builtin_ctzll(m) / 8;
#else
	return (size_t)((((m & -m) >> 7) - 1) & ONES) * ONES >> 56;
#endif
}

#endif
