/*
 * linebits: the bitmaps of the reader's buffer (linebits.h), 16 bytes at
 * a time, or 64 at a time where the processor has AVX-512BW.  Both ways
 * make the same bitmaps, and tests/unit/linebits.c checks each against a
 * byte-by-byte count.
 */
#include <stdlib.h>
#include <string.h>

#include "cpu.h"
#include "err.h"
#include "hot.h"
#include "linebits.h"
#include "swar.h"

#ifdef NERTOOLS_X86
#include <immintrin.h>
#endif

/* The masks of one block of 64 bytes that the bitmaps are made of. */
struct block {
	uint64_t nl, stop, out, s0, s1, mark;
};

/* Return the mask of the bytes of p[0..64) equal to c. */
static inline uint64_t
eq64(const char *p, unsigned char c)
{
	return (uint64_t)eq16(p, c) | (uint64_t)eq16(p + 16, c) << 16 |
	    (uint64_t)eq16(p + 32, c) << 32 | (uint64_t)eq16(p + 48, c) << 48;
}

/* Return the mask of the bytes of p[0..64) below '!'. */
static inline uint64_t
low64(const char *p)
{
	return (uint64_t)low16(p) | (uint64_t)low16(p + 16) << 16 |
	    (uint64_t)low16(p + 32) << 32 | (uint64_t)low16(p + 48) << 48;
}

static ALWAYS_INLINE void
block_narrow(const struct line_bits *lb, const char *p, struct block *b)
{
	b->nl = eq64(p, '\n');
	b->stop = low64(p);
	if (lb->out != 0 || lb->sep[0] >= '!')
		b->s0 = eq64(p, lb->sep[0]);
	/* A TAB or a space is below '!' already. */
	if (lb->sep[0] >= '!')
		b->stop |= b->s0;
	if (lb->out == 0)
		return;
	b->out = eq64(p, lb->out);
	b->s1 = lb->sep[1] == lb->sep[0] ? b->s0 : eq64(p, lb->sep[1]);
	b->mark = eq64(p, '-') | (lb->hash ? eq64(p, '#') : 0);
}

#ifdef NERTOOLS_X86
#define WIDE TARGET("avx512bw")

static inline WIDE uint64_t
eq_wide(__m512i v, unsigned char c)
{
	return _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8((char)c));
}

static ALWAYS_INLINE WIDE void
block_wide(const struct line_bits *lb, const char *p, struct block *b)
{
	__m512i v = _mm512_loadu_si512((const void *)p);

	b->nl = eq_wide(v, '\n');
	b->s0 = eq_wide(v, lb->sep[0]);
	b->stop = _mm512_cmple_epu8_mask(v, _mm512_set1_epi8(' ')) | b->s0;
	if (lb->out == 0)
		return;
	b->out = eq_wide(v, lb->out);
	b->s1 = eq_wide(v, lb->sep[1]);
	b->mark = eq_wide(v, '-') | (lb->hash ? eq_wide(v, '#') : 0);
}
#endif

/* Move x up by n bits, 0 < n < 64, and fill in the top n bits of prev. */
static inline uint64_t
up(uint64_t x, uint64_t prev, unsigned n)
{
	return x << n | prev >> (64 - n);
}

/* Store the bitmaps of block b, which follows block prev, in word k. */
static ALWAYS_INLINE void
block_store(struct line_bits *lb, size_t k, const struct block *b,
    const struct block *prev)
{
	lb->nl[k] = b->nl;
	lb->stop[k] = b->stop;
	if (lb->out == 0)
		return;
	lb->tail[k] = b->nl & up(b->out, prev->out, 1) &
	    up(b->out, prev->out, 3) &
	    ((up(b->s0, prev->s0, 2) & up(b->s0, prev->s0, 4)) |
	    (up(b->s1, prev->s1, 2) & up(b->s1, prev->s1, 4)));
	lb->mark[k] = b->mark;
}

/*
 * Fill words k to end - 1 of the bitmaps of buf, each block read by
 * read_block.  Block 0 follows no byte that could end a tail.
 */
#define FILL(lb, buf, k, end, read_block) do {				\
	struct block b_, prev_ = { 0 };					\
									\
	if ((k) > 0)							\
		read_block((lb), (buf) + 64 * ((k) - 1), &prev_);	\
	for (; (k) < (end); (k)++) {					\
		read_block((lb), (buf) + 64 * (k), &b_);		\
		block_store((lb), (k), &b_, &prev_);			\
		prev_ = b_;						\
	}								\
} while (0)

static void
fill_narrow(struct line_bits *lb, const char *buf, size_t k, size_t end)
{
	FILL(lb, buf, k, end, block_narrow);
}

#ifdef NERTOOLS_X86
static WIDE void
fill_wide(struct line_bits *lb, const char *buf, size_t k, size_t end)
{
	FILL(lb, buf, k, end, block_wide);
}
#endif

/*
 * Fill words k to end - 1 of the bitmaps of buf, whose words before k are
 * filled, the way asked.  Returns false, having filled nothing, when this
 * build or processor cannot go that way.
 */
bool
line_bits_fill(struct line_bits *b, const char *buf, size_t k, size_t end,
    enum bits_way way)
{
#ifdef NERTOOLS_X86
	if (way != BITS_NARROW && CPU_HAS("avx512bw")) {
		fill_wide(b, buf, k, end);
		return true;
	}
#endif
	if (way == BITS_WIDE)
		return false;
	fill_narrow(b, buf, k, end);
	return true;
}

/*
 * Set what the tails and marks look for, and forget the bitmaps made so
 * far.  out is the outside tag, 0 for no tails and marks.
 */
void
line_bits_set(struct line_bits *b, const unsigned char sep[2],
    unsigned char out, bool hash)
{
	b->sep[0] = sep[0];
	b->sep[1] = sep[1];
	b->out = out;
	b->hash = hash;
	b->end = 0;
}

/*
 * Extend the bitmaps over the bytes of r read so far, in whole blocks of
 * 64.  A read may have moved the bytes, so after one they start again at
 * offset 0.
 */
void
line_bits_update(struct line_bits *b, const struct lines *r)
{
	size_t need = r->cap / 64 + 1;

	if (b->fills != r->fills) {
		b->fills = r->fills;
		b->end = 0;
	}
	if (b->words < need) {
		b->nl = xrealloc(b->nl, need * sizeof *b->nl);
		b->stop = xrealloc(b->stop, need * sizeof *b->stop);
		b->tail = xrealloc(b->tail, need * sizeof *b->tail);
		b->mark = xrealloc(b->mark, need * sizeof *b->mark);
		b->words = need;
	}
	if (b->end / 64 < r->end / 64)
		line_bits_fill(b, r->buf, b->end / 64, r->end / 64, BITS_BEST);
	b->end = r->end / 64 * 64;
}

void
line_bits_free(struct line_bits *b)
{
	free(b->nl);
	free(b->stop);
	free(b->tail);
	free(b->mark);
	memset(b, 0, sizeof *b);
}
