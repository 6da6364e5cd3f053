/*
 * bytes: check the byte tests of common/swar.h, the number formatters of
 * common/out.c and its copies against plain loops and snprintf().  Built
 * twice by the Makefile, with SSE2 where the compiler offers it and with
 * the portable code alone (-DNERTOOLS_NO_SSE2), so both versions of each
 * test run.
 * Prints one line and exits 0 when every check passes.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "swar.h"

static unsigned long failures;

static void
check(bool ok, const char *what, uint64_t value)
{
	if (!ok && failures++ < 10)
		fprintf(stderr, "bytes: %s fails for %" PRIu64 "\n", what,
		    value);
}

/* xorshift64: a fixed sequence of test values, the same on every run. */
static uint64_t
next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

static void
check_number(uint64_t v)
{
	char got[21], want[21];
	size_t n = fmt_u64(got, v);

	got[n] = '\0';
	snprintf(want, sizeof want, "%" PRIu64, v);
	check(strcmp(got, want) == 0, "fmt_u64", v);
	n = (size_t)(put_u64(got, v) - got);
	got[n] = '\0';
	check(strcmp(got, want) == 0, "put_u64", v);
}

/* out_u64() into the buffer of out.c, which is emptied first. */
static void
check_out_number(uint64_t v)
{
	char want[21];
	int n = snprintf(want, sizeof want, "%" PRIu64, v);

	out_buffer.used = 0;
	out_u64(v);
	check(out_buffer.used == (size_t)n &&
	    memcmp(out_buffer.buf, want, (size_t)n) == 0, "out_u64", v);
	out_buffer.used = 0;
}

static void
check_numbers(void)
{
	uint64_t v, p, state = 88172645463325252ULL;
	int i;

	for (v = 0; v < 100000; v++) {
		check_number(v);
		check_out_number(v);
	}
	/* Numbers below 10^8 are made in lanes of one word (common/out.c).
	 * A stride prime to 10 gives every place every digit. */
	for (v = 0; v < 100000000; v += 97)
		check_number(v);
	for (p = 10, i = 1; i < 20; i++, p *= 10) {
		check_number(p - 1);
		check_number(p);
		check_number(p + 1);
	}
	for (i = 0; i < 64; i++) {
		check_number((uint64_t)1 << i);
		check_number(((uint64_t)1 << i) - 1);
	}
	check_number(UINT64_MAX);
	check_out_number(UINT64_MAX);
	for (i = 0; i < 1000000; i++)
		check_number(next_random(&state) >> (i % 64));
}

/* The masks of 16 bytes at p, worked out one byte at a time. */
static void
check_block(const char *p, unsigned char c)
{
	unsigned eq = 0, low = 0, i;

	for (i = 0; i < 16; i++) {
		eq |= (unsigned)((unsigned char)p[i] == c) << i;
		low |= (unsigned)((unsigned char)p[i] < '!') << i;
	}
	check(eq16(p, c) == eq, "eq16", c);
	check(low16(p) == low, "low16", (unsigned char)p[0]);
}

static void
check_masks(void)
{
	char block[16];
	uint64_t m, state = 2463534242ULL;
	unsigned i, j, c, want;

	for (c = 0; c < 256; c++)
		for (i = 0; i < 16; i++) {
			/* Every byte value at every position, among others. */
			for (j = 0; j < 16; j++)
				block[j] = (char)(next_random(&state) & 0xff);
			block[i] = (char)c;
			check_block(block, (unsigned char)c);
			check_block(block, (unsigned char)block[15 - i]);
		}
	for (i = 0; i < 100000; i++) {
		m = next_random(&state) >> (i % 64);
		for (want = 0, j = 0; j < 64; j++)
			want += (unsigned)(m >> j & 1);
		check(bit_count(m) == want, "bit_count", m);
		if (m == 0)
			continue;
		for (j = 0; (m >> j & 1) == 0; j++)
			;
		check(first_bit(m) == j, "first_bit", m);
		for (j = 63; (m >> j & 1) == 0; j--)
			;
		check(last_bit(m) == j, "last_bit", m);
	}
}

/*
 * Tell whether copy() copies exactly n bytes to dst + at and touches no
 * other byte of dst.
 */
static bool
copy_is_exact(void (*copy)(char *, const char *, size_t), size_t n,
    size_t at)
{
	char src[80], dst[80];
	size_t i;

	for (i = 0; i < sizeof src; i++)
		src[i] = (char)('0' + i);
	memset(dst, '#', sizeof dst);
	copy(dst + at, src + 8, n);
	for (i = 0; i < sizeof dst; i++)
		if (dst[i] != (i >= at && i < at + n ? src[8 + i - at] : '#'))
			return false;
	return true;
}

/* copy_short() takes up to 16 bytes, copy_bytes() any number. */
static void
check_copies(void)
{
	size_t n, at;

	for (n = 0; n <= 64; n++)
		for (at = 0; at < 8; at++) {
			if (n <= 16)
				check(copy_is_exact(copy_short, n, at),
				    "copy_short", n);
			check(copy_is_exact(copy_bytes, n, at), "copy_bytes",
			    n);
		}
}

int
main(void)
{
	check_numbers();
	check_masks();
	check_copies();
	if (failures > 0) {
		fprintf(stderr, "bytes: %lu checks failed\n", failures);
		return 1;
	}
#ifdef NERTOOLS_SSE2
	puts("bytes: all checks pass (SSE2)");
#else
	puts("bytes: all checks pass (portable)");
#endif
	return 0;
}
