/*
 * swar: tests of 8 bytes at a time in a 64-bit word ("SIMD within a
 * register"), for the loops that look for a few byte values in short
 * strings.  A mask has the high bit set in each byte that matched.  The
 * tests of 16 bytes (eq16(), low16()) return a bit a byte instead, and use
 * SSE2 where the compiler offers it.
 */
#ifndef NERTOOLS_SWAR_H
#define NERTOOLS_SWAR_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__) && !defined(NERTOOLS_NO_SSE2)
#include <emmintrin.h>
#define NERTOOLS_SSE2 1
#endif

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

/* Gather the high bits of the 8 bytes of mask m into bits 0 to 7. */
static inline unsigned
byte_bits(uint64_t m)
{
	return (unsigned)(((m >> 7) * 0x0102040810204080ULL) >> 56);
}

/* The bytes of p[0..16) equal to c: bit i is set for p[i]. */
static inline unsigned
eq16(const char *p, unsigned char c)
{
#ifdef NERTOOLS_SSE2
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	/*
	 * Spread c with a multiplication: gcc 12 builds _mm_set1_epi8() of a
	 * variable by storing the byte and loading 4, a stall on each call.
	 */
	__m128i cs = _mm_set1_epi32((int)(c * 0x01010101u));

	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, cs));
#else
	const unsigned char *u = (const unsigned char *)p;

	return byte_bits(bytes_eq(load8(u), c)) |
	    byte_bits(bytes_eq(load8(u + 8), c)) << 8;
#endif
}

/* The bytes of p[0..16) below '!': blanks, newline, CR, NUL, controls. */
static inline unsigned
low16(const char *p)
{
#ifdef NERTOOLS_SSE2
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v,
	    _mm_set1_epi8(' ')), v));
#else
	const unsigned char *u = (const unsigned char *)p;

	return byte_bits(bytes_below(load8(u), '!')) |
	    byte_bits(bytes_below(load8(u + 8), '!')) << 8;
#endif
}

/* Index of the lowest set bit of m, which is not 0. */
static inline size_t
first_bit(uint64_t m)
{
#if defined(__GNUC__) || defined(__clang__)
	return (size_t)__builtin_ctzll(m);
#else
	size_t i = 0;

	while ((m & 1) == 0) {
		m >>= 1;
		i++;
	}
	return i;
#endif
}

/* Index of the highest set bit of m, which is not 0. */
static inline size_t
last_bit(uint64_t m)
{
#if defined(__GNUC__) || defined(__clang__)
	return 63 - (size_t)__builtin_clzll(m);
#else
	size_t i = 63;

	while ((m >> i) == 0)
		i--;
	return i;
#endif
}

/*
 * The number of set bits of m, by adding neighbouring counts in place:
 * a builtin would call a library function on processors without a
 * popcount instruction.
 */
static inline unsigned
bit_count(uint64_t m)
{
	m -= (m >> 1) & 0x5555555555555555ULL;
	m = (m & 0x3333333333333333ULL) + ((m >> 2) & 0x3333333333333333ULL);
	m = (m + (m >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (unsigned)((m * ONES) >> 56);
}

#endif
