/* fields: split a line into fields by the rule of its file. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fields.h"
#include "swar.h"

/*
 * The splitting loops look at many bytes per step, because a line of
 * nertools input has a few short fields, and testing the bytes one by one
 * spends most of its time on branches.  With SSE2, which every x86-64 CPU
 * has, a step compares 16 bytes and gives a 16-bit mask, one bit per byte.
 * Elsewhere, and for a line shorter than 16 bytes, a step compares 8
 * bytes in a 64-bit word (swar.h), whose mask has the high bit set in
 * every byte that is a delimiter.  No step reads a byte outside the line.
 * Defining NERTOOLS_NO_SSE2 keeps to the portable code, so that a test
 * build can run it on x86-64 too.
 */

/* Make room for need fields; kept apart so that the loops stay small. */
static void
grow(struct fields *fs, size_t need)
{
	while (fs->cap < need)
		fs->cap = fs->cap ? fs->cap * 2 : 16;
	fs->f = xrealloc(fs->f, fs->cap * sizeof *fs->f);
}

static inline struct field *
reserve(struct fields *fs, size_t need)
{
	if (need > fs->cap)
		grow(fs, need);
	return fs->f;
}

/*
 * Store a field in f[*n] for each delimiter marked in m, the mask of the
 * word at offset i; *start is where the current field began.  Empty fields
 * are stored only when keep_empty is set.  f has room for 8 more fields.
 */
static inline void
mark_fields(struct field *f, size_t *n, const char *p, size_t i, uint64_t m,
    size_t *start, int keep_empty)
{
	size_t at;

	for (; m != 0; m &= m - 1) {
		at = i + first_byte(m);
		if (keep_empty || at > *start) {
			f[*n].p = p + *start;
			f[*n].len = at - *start;
			(*n)++;
		}
		*start = at + 1;
	}
}

#ifdef NERTOOLS_SSE2
/*
 * Grow the array so that 17 fields fit from f on, a step of 16 bytes and
 * the last field, and return where f is then.
 */
static struct field *
grow_at(struct fields *fs, struct field *f)
{
	size_t n = (size_t)(f - fs->f);

	grow(fs, n + 17);
	return fs->f + n;
}

/* The last place from which 17 fields fit; fs->cap is 17 or more. */
static inline struct field *
room_limit(const struct fields *fs)
{
	return fs->f + fs->cap - 17;
}

/*
 * Like mark_fields(), for a mask m with bit k set when base[k] is a
 * delimiter, storing fields from f on.  Returns where the next field goes.
 * After the first delimiter, the loop shifts m so that bit 0 is the byte
 * at start.  A field's length is then the number of zeros below its
 * delimiter, so a step needs no subtraction and no clearing of a bit.
 * The loop runs once per TAB of every record that a program reads.
 */
static inline struct field *
mark_bits(struct field *f, const char *base, unsigned m, const char **startp,
    int keep_empty)
{
	const char *start = *startp, *at;
	size_t k;

	if (m == 0)
		return f;
	at = base + first_bit(m);
	if (keep_empty || at > start) {
		f->p = start;
		f->len = (size_t)(at - start);
		f++;
	}
	start = at + 1;
	m = m >> (at - base) >> 1;
	while (m != 0) {
		k = first_bit(m);
		if (keep_empty || k > 0) {
			f->p = start;
			f->len = k;
			f++;
		}
		start += k + 1;
		m = m >> k >> 1;
	}
	*startp = start;
	return f;
}

/* The delimiters of the 16 bytes at q: ch, or spaces and TABs. */
static inline unsigned
delimiters16(const char *q, unsigned char ch, bool blanks)
{
	return blanks ? eq16(q, ' ') | eq16(q, '\t') : eq16(q, ch);
}

/*
 * split_on() (each ch ends a field) or, with blanks set, split_blanks()
 * for a line of 16 bytes or more.  The bytes after the last whole step
 * are the top bits of a load of the line's last 16 bytes.  Inline, so
 * that each caller gets its own loop.
 */
static inline void
split_sse2(struct fields *fs, const char *p, size_t len, char ch,
    bool blanks)
{
	const unsigned char c = (unsigned char)ch;
	const char *start = p;
	struct field *f = reserve(fs, 17), *limit = room_limit(fs);
	size_t i;

	for (i = 0; len - i >= 16; i += 16) {
		if (f > limit) {
			f = grow_at(fs, f);
			limit = room_limit(fs);
		}
		f = mark_bits(f, p + i, delimiters16(p + i, c, blanks), &start,
		    !blanks);
	}
	if (f > limit)
		f = grow_at(fs, f);
	if (i < len)
		f = mark_bits(f, p + i, delimiters16(p + len - 16, c, blanks) >>
		    (16 - (len - i)), &start, !blanks);
	/* Runs of blanks leave no empty field at the end. */
	if (!blanks || p + len > start) {
		f->p = start;
		f->len = (size_t)(p + len - start);
		f++;
	}
	fs->n = (size_t)(f - fs->f);
}
#endif

/* Each occurrence of ch ends a field; empty fields are kept. */
static void
split_on(struct fields *fs, const char *p, size_t len, char ch)
{
	const unsigned char c = (unsigned char)ch;
	struct field *f;
	size_t i, n = 0, start = 0;

#ifdef NERTOOLS_SSE2
	if (len >= 16) {
		split_sse2(fs, p, len, ch, false);
		return;
	}
#endif
	for (i = 0; len - i >= 8; i += 8) {
		f = reserve(fs, n + 8);
		mark_fields(f, &n, p, i, bytes_eq(load8((const unsigned char *)
		    p + i), c), &start, 1);
	}
	f = reserve(fs, n + 9);
	/* The zeros above the tail match a NUL delimiter: mask them off. */
	if (i < len)
		mark_fields(f, &n, p, i, bytes_eq(load_tail(p, len - i, len),
		    c) & (~(uint64_t)0 >> (64 - 8 * (len - i))), &start, 1);
	f[n].p = p + start;
	f[n].len = len - start;
	fs->n = n + 1;
}

/* Runs of spaces and TABs separate fields; empty fields are dropped. */
static void
split_blanks(struct fields *fs, const char *p, size_t len)
{
	struct field *f;
	uint64_t w;
	size_t i, n = 0, start = 0;

#ifdef NERTOOLS_SSE2
	if (len >= 16) {
		split_sse2(fs, p, len, ' ', true);
		return;
	}
#endif
	for (i = 0; len - i >= 8; i += 8) {
		f = reserve(fs, n + 8);
		w = load8((const unsigned char *)p + i);
		mark_fields(f, &n, p, i, bytes_blank(w), &start, 0);
	}
	f = reserve(fs, n + 9);
	if (i < len) {
		w = load_tail(p, len - i, len);
		mark_fields(f, &n, p, i, bytes_blank(w), &start, 0);
	}
	if (len > start) {
		f[n].p = p + start;
		f[n].len = len - start;
		n++;
	}
	fs->n = n;
}

#ifdef NERTOOLS_SSE2
/*
 * fields_split_line() for avail of 16 bytes or more; the last step loads
 * the last 16 bytes of p[0..avail), as split_sse2() does.  A step marks
 * the TABs below the first newline in it, if it has one, and stops there.
 */
static bool
split_line_sse2(struct fields *fs, const char *p, size_t avail, size_t *len)
{
	const char *start = p;
	struct field *f = reserve(fs, 17), *limit = room_limit(fs);
	size_t i, shift;
	unsigned tabs = 0, nls = 0;

	for (i = 0; avail - i >= 16; i += 16) {
		tabs = eq16(p + i, '\t');
		nls = eq16(p + i, '\n');
		if (nls != 0)
			break;
		if (f > limit) {
			f = grow_at(fs, f);
			limit = room_limit(fs);
		}
		f = mark_bits(f, p + i, tabs, &start, 1);
	}
	if (nls == 0 && i < avail) {
		shift = 16 - (avail - i);
		tabs = eq16(p + avail - 16, '\t') >> shift;
		nls = eq16(p + avail - 16, '\n') >> shift;
	}
	if (nls == 0)
		return false;
	*len = i + first_bit(nls);
	if (f > limit)
		f = grow_at(fs, f);
	f = mark_bits(f, p + i, tabs & ((nls & -nls) - 1), &start, 1);
	f->p = start;
	f->len = (size_t)(p + *len - start);
	fs->n = (size_t)(f + 1 - fs->f);
	return true;
}
#endif

/*
 * Split the line at the start of p[0..avail) on TABs, as fields_split()
 * does with DELIM_TAB, and find where it ends in the same pass: at the
 * first newline, which is no part of the line.  Returns true with the
 * line's length in *len, or false when p[0..avail) has no newline.  After
 * false, the fields in fs are meaningless.
 */
bool
fields_split_line(struct fields *fs, const char *p, size_t avail, size_t *len)
{
	const char *nl;

#ifdef NERTOOLS_SSE2
	if (avail >= 16)
		return split_line_sse2(fs, p, avail, len);
#endif
	nl = memchr(p, '\n', avail);
	if (nl == NULL)
		return false;
	*len = (size_t)(nl - p);
	split_on(fs, p, *len, '\t');
	return true;
}

/* Split p[0..len) into fs and return the number of fields. */
size_t
fields_split(struct fields *fs, const char *p, size_t len, enum delim d,
    char ch)
{
	fs->n = 0;
	switch (d) {
	case DELIM_TAB:
		split_on(fs, p, len, '\t');
		break;
	case DELIM_CHAR:
		split_on(fs, p, len, ch);
		break;
	case DELIM_PERL:
		split_on(fs, p, len, ch);
		while (fs->n > 0 && fs->f[fs->n - 1].len == 0)
			fs->n--;
		break;
	case DELIM_AUTO:
	case DELIM_SPACE:
		split_blanks(fs, p, len);
		break;
	}
	return fs->n;
}

void
fields_free(struct fields *fs)
{
	free(fs->f);
	memset(fs, 0, sizeof *fs);
}

/* Return 1 when the line holds nothing but spaces and TABs. */
int
line_is_blank(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != ' ' && p[i] != '\t')
			return 0;
	return 1;
}
