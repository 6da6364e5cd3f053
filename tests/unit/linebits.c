/*
 * linebits: check the bitmaps of common/linebits.c against a plain loop
 * over the bytes, each way the build and the processor offer, on random
 * buffers drawn from the bytes that matter to them.  Each buffer is
 * filled whole and in two parts, so that a part that follows an earlier
 * block is checked too.  Prints one line and exits 0 when every check
 * passes.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linebits.h"

#define WORDS	8

static unsigned long failures;

/* xorshift64: a fixed sequence of test values, the same on every run. */
static uint64_t
next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* Tell whether buf[i - 4..i] is a tail (linebits.h): none ends before 4. */
static bool
want_tail(const struct line_bits *b, const char *buf, size_t i)
{
	size_t s;

	if (i < 4 || buf[i] != '\n' || buf[i - 1] != (char)b->out ||
	    buf[i - 3] != (char)b->out)
		return false;
	for (s = 0; s < 2; s++)
		if (buf[i - 2] == (char)b->sep[s] &&
		    buf[i - 4] == (char)b->sep[s])
			return true;
	return false;
}

static bool
want_mark(const struct line_bits *b, const char *buf, size_t i)
{
	return buf[i] == '-' || (b->hash && buf[i] == '#');
}

static void
check_bit(const uint64_t *words, size_t i, bool want, const char *what,
    const char *way)
{
	bool got = words[i / 64] >> (i % 64) & 1;

	if (got != want && failures++ < 10)
		fprintf(stderr, "linebits: %s %s bit %zu is %d\n", way, what,
		    i, got);
}

/* Compare the bitmaps of buf[0..64 * WORDS) with the plain loop. */
static void
compare(const struct line_bits *b, const char *buf, const char *way)
{
	unsigned char c;
	size_t i;

	for (i = 0; i < 64 * WORDS; i++) {
		c = (unsigned char)buf[i];
		check_bit(b->nl, i, c == '\n', "newline", way);
		check_bit(b->stop, i, c < '!' || c == b->sep[0], "stop", way);
		if (b->out == 0)
			continue;
		check_bit(b->tail, i, want_tail(b, buf, i), "tail", way);
		check_bit(b->mark, i, want_mark(b, buf, i), "mark", way);
	}
}

/* Fill b for buf whole and in two parts the given way, and check both. */
static bool
check_way(struct line_bits *b, const char *buf, size_t split,
    enum bits_way way, const char *name)
{
	if (!line_bits_fill(b, buf, 0, WORDS, way))
		return false;
	compare(b, buf, name);
	memset(b->nl, 0xff, WORDS * sizeof *b->nl);
	memset(b->stop, 0xff, WORDS * sizeof *b->stop);
	memset(b->tail, 0xff, WORDS * sizeof *b->tail);
	memset(b->mark, 0xff, WORDS * sizeof *b->mark);
	line_bits_fill(b, buf, 0, split, way);
	line_bits_fill(b, buf, split, WORDS, way);
	compare(b, buf, name);
	return true;
}

int
main(void)
{
	static const char bytes[] = "aO\t \n-#,X\r\001";
	static const unsigned char seps[][2] = { { '\t', '\t' },
	    { '\t', ' ' }, { ',', ',' } };
	static uint64_t nl[WORDS], stop[WORDS], tail[WORDS], mark[WORDS];
	struct line_bits b = { .nl = nl, .stop = stop, .tail = tail,
	    .mark = mark, .words = WORDS };
	char buf[64 * WORDS];
	uint64_t state = 88172645463325252ULL, r;
	bool wide = false;
	size_t n, i, s;

	for (n = 0; n < 20000; n++) {
		r = next_random(&state);
		s = r % 3;
		line_bits_set(&b, seps[s], r >> 2 & 1 ? 'O' : 'X', r >> 3 & 1);
		if (r >> 4 & 1)
			b.out = 0;
		for (i = 0; i < sizeof buf; i++)
			buf[i] = bytes[next_random(&state) % (sizeof bytes - 1)];
		check_way(&b, buf, 1 + r % (WORDS - 1), BITS_NARROW, "narrow");
		wide |= check_way(&b, buf, 1 + r % (WORDS - 1), BITS_WIDE,
		    "wide");
		check_way(&b, buf, 1 + r % (WORDS - 1), BITS_BEST, "best");
	}
	if (failures > 0) {
		fprintf(stderr, "linebits: %lu checks fail\n", failures);
		return 1;
	}
	printf("linebits: all checks pass (%s)\n", wide ? "narrow and wide" :
	    "narrow");
	return 0;
}
