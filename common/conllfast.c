/*
 * conllfast: the fast paths of the CoNLL reader (conll.c), for the lines
 * that make up nearly all of a tagged corpus.  Each one takes a line only
 * when the full path would read it the same way with no message, and
 * leaves every other line to the full path, errors included.
 */
#include <stdlib.h>
#include <string.h>

#include "conll.h"
#include "conllfast.h"
#include "cpu.h"
#include "err.h"
#include "hot.h"
#include "swar.h"

/* Tell whether c is a field separator of the file (f->sep, conll_fast_init()). */
static inline bool
is_sep(const struct conll_file *f, char c)
{
	return (unsigned char)c == f->sep[0] || (unsigned char)c == f->sep[1];
}

/* Tell whether p starts with the outside tag; its first byte decides most. */
static inline bool
is_outside(const char *p, const struct conll_opts *o)
{
	return p[0] == o->outside[0] && (o->outlen == 1 ||
	    memcmp(p + 1, o->outside + 1, o->outlen - 1) == 0);
}

/*
 * Tell whether the first field p[0..len) of a line makes it a sentence
 * break (-X-) or a document start (-DOCSTART-), not a token line.
 */
static inline bool
is_marker(const char *p, size_t len)
{
	return p[0] == '-' && ((len == 3 && memcmp(p, "-X-", 3) == 0) ||
	    (len == 10 && memcmp(p, "-DOCSTART-", 10) == 0));
}

/*
 * The offset of the first byte from p[i] on that may end a field: a byte
 * below '!' (blanks, CR, newline, NUL and other control bytes) or the
 * separator.  Returns room when fewer than 8 bytes are left to look at.
 */
static inline size_t
field_end(const struct conll_file *f, const char *p, size_t i,
    size_t room)
{
	uint64_t w, m;

	for (; room - i >= 8; i += 8) {
		w = load8((const unsigned char *)p + i);
		m = bytes_below(w, '!');
		if (f->sep[0] >= '!')
			m |= bytes_eq(w, f->sep[0]);
		if (m != 0)
			return i + first_byte(m);
	}
	return room;
}

/*
 * Allow the fast paths once the delimiter is known.  The split of
 * conll_simple_line() needs a separator that cannot end a line.  The
 * outside runs need in addition two fields a line or more, and an
 * outside tag with no separator and no byte below '!' (blank, CR,
 * newline).  Then a line that ends in separator, tag, separator, tag has
 * that tag as its last two fields.
 */
void
conll_fast_init(struct conll_file *f, const struct conll_opts *o)
{
	size_t i;

	f->sep[0] = f->delim == DELIM_CHAR ? (unsigned char)o->delimch : '\t';
	f->sep[1] = f->delim == DELIM_SPACE ? ' ' : f->sep[0];
	f->simple = !o->slow && !o->conlleval && f->delim != DELIM_PERL &&
	    f->sep[0] != '\n' && f->sep[0] != '\r' && f->sep[0] != '\0';
	f->fast = f->simple && o->outlen > 0 && f->nfields >= 2;
	for (i = 0; f->fast && i < o->outlen; i++)
		if (is_sep(f, o->outside[i]) ||
		    (unsigned char)o->outside[i] < '!')
			f->fast = false;
	f->tail3 = 0;
	for (i = 0; i < 256; i++)
		f->odd_first[i] = i < '!' || i == '-' || is_sep(f, (char)i) ||
		    (i == '#' && f->skip_comments);
	if (f->fast && f->nfields == 3 && o->outlen == 1)
		f->tail3 = (uint32_t)(unsigned char)o->outside[0] |
		    (uint32_t)(unsigned char)o->outside[0] << 16 |
		    (uint32_t)'\n' << 24;
	line_bits_set(&f->bits, f->sep, f->tail3 & 0xff, f->skip_comments);
}

/*
 * The fast path, for the commonest token line of NER data: the last two
 * fields are both the outside tag ("word O O").  Returns the length of
 * the line at p, followed by room - 1 bytes of input, when it is such a
 * line and every check of the full path would pass on it, else 0.  Such
 * a line is neither split nor copied.  The line must be
 *
 *	F1 s F2 s ... F(nfields-2) s T s T newline
 *
 * where T is the outside tag, each s one separator, and no F contains a
 * separator or a byte below '!'.  This is safe because the full path
 * reads such a line as a token line of nfields fields that ends in T
 * twice, with no message:
 *   - nfields is set, so the file's first token line (whose BOM is
 *     stripped and whose field count every line must have) went the full
 *     way;
 *   - no NUL and no CR is in the line (T contains no byte below '!', see
 *     fast_init()), and it ends in T, so no CR is stripped and none is
 *     reported;
 *   - its first byte is not blank, '-' or, when comments are skipped,
 *     '#': the line is not blank, a comment, -X- or -DOCSTART-;
 *   - under DELIM_SPACE no F is empty, so no two blanks are adjacent and
 *     each s separates two fields; T contains no separator, so the line
 *     has nfields fields and T is the last two.
 */
static size_t
outside_len(const struct conll_file *f, const struct conll_opts *o,
    const char *p, size_t room)
{
	size_t n = o->outlen, i = 0, k, end;

	if (room == 0 || p[0] == ' ' || p[0] == '\t' || p[0] == '-' ||
	    (p[0] == '#' && f->skip_comments))
		return 0;
	for (k = 2; k < f->nfields; k++) {
		end = field_end(f, p, i, room);
		if (end >= room || !is_sep(f, p[end]) ||
		    (end == i && f->delim == DELIM_SPACE))
			return 0;
		i = end + 1;
	}
	if (room - i < 2 * n + 2 || !is_outside(p + i, o) ||
	    !is_sep(f, p[i + n]) || !is_outside(p + i + n + 1, o) ||
	    p[i + 2 * n + 1] != '\n')
		return 0;
	return i + 2 * n + 1;
}

/*
 * Take the lines of the fast path (outside_len()) from the next line on,
 * and return how many there were.  The loop stores nothing, so the
 * compiler can keep the file's fields in registers.
 */
static uint64_t
outside_run(struct conll_file *f, const struct conll_opts *o)
{
	const struct lines *r = &f->in;
	size_t at = r->start, last = at, len = 0, next;
	uint64_t n = 0;

	while ((next = outside_len(f, o, r->buf + at, r->end - at)) > 0) {
		last = at;
		len = next;
		at += next + 1;
		n++;
	}
	if (n > 0)
		lines_skip(&f->in, &f->line, last, len, n);
	return n;
}

/* The bitmaps of 64 bytes from a line start on, bit 0 for its first byte. */
struct window {
	uint64_t nl, stop, tail, mark;
};

/* Return bits at to at + 63 of bitmap w, where k is at / 64, sh at % 64. */
static inline uint64_t
bits_at(const uint64_t *w, size_t k, unsigned sh)
{
	/* Two shifts, since a shift by 64 is undefined. */
	return w[k] >> sh | w[k + 1] << 1 << (63 - sh);
}

/*
 * Set *nl and *stop to the masks of the 64 bytes from offset at on, bit 0
 * for byte at, from f->bits.  Returns false when fewer than 128 bytes
 * from at are in whole blocks, so the other paths take the last 128 to
 * 191 bytes of each buffer.
 */
static inline bool
masks_at(struct conll_file *f, size_t at, uint64_t *nl, uint64_t *stop)
{
	const struct line_bits *b = &f->bits;

	if (b->fills != f->in.fills || at + 128 > b->end) {
		line_bits_update(&f->bits, &f->in);
		if (at + 128 > b->end)
			return false;
	}
	*nl = bits_at(b->nl, at / 64, at % 64);
	*stop = bits_at(b->stop, at / 64, at % 64);
	return true;
}

/* Set *w to the four bitmaps of 64 bytes from at on, as masks_at() does. */
static inline bool
window_at(struct conll_file *f, size_t at, struct window *w)
{
	const struct line_bits *b = &f->bits;

	if (!masks_at(f, at, &w->nl, &w->stop))
		return false;
	w->tail = bits_at(b->tail, at / 64, at % 64);
	w->mark = bits_at(b->mark, at / 64, at % 64);
	return true;
}

void
conll_fast_free(struct conll_file *f)
{
	line_bits_free(&f->bits);
}

/*
 * Tell whether the line p[s..e) is token, separator, tag, the same
 * separator, tag.  The token must not be empty or contain a stop byte,
 * and the tag is the outside tag of one byte.  tails are the last 4 bytes
 * of such a line, with either separator.  stops contains the stop bytes
 * of the line (linebits.h) and none of an earlier line, so its
 * first is the separator after the token: the tail's bytes are compared,
 * so they need no look in the mask.  Only a line whose first byte is in
 * f->odd_first can be empty, a marker or a comment.
 */
static inline bool
is_outside3(const struct conll_file *f, const char *p, size_t s, size_t e,
    uint64_t stops, const uint32_t tails[2])
{
	size_t t = first_bit(stops);
	uint32_t w;

	if (t + 4 != e)
		return false;
	if (f->odd_first[(unsigned char)p[s]] && (t == s ||
	    is_marker(p + s, t - s) || (p[s] == '#' && f->skip_comments)))
		return false;
	w = (uint32_t)load4((const unsigned char *)p + t);
	return w == tails[0] || w == tails[1];
}

/* Take the n lines of a run, the last at offset last, len bytes long. */
static uint64_t
run_end(struct conll_file *f, uint64_t n, size_t last, size_t len)
{
	if (n > 0)
		lines_skip(&f->in, &f->line, last, len, n);
	return n;
}

/*
 * outside_run() for the commonest files: three columns and an outside tag
 * of one byte.  It looks at 64 bytes at a time, from the start of a line:
 * the newlines found there give the next lines without parsing each one
 * first, so the lines are checked independently of one another.  A line
 * of 64 bytes or more takes outside_len(), and the last 64 bytes of the
 * buffer are left to the other paths.  A run that ends at a line of
 * another kind sets f->run_ended, so that the next call does not look at
 * that line again.
 */
static uint64_t
outside_run3(struct conll_file *f, const struct conll_opts *o)
{
	const char *buf = f->in.buf, *p;
	size_t at = f->in.start, s, e, last = 0, len = 0;
	const uint32_t oo = (f->tail3 & 0x00ff00ff) << 8;
	const uint32_t tails[2] = { oo | f->sep[0] * 0x10001u,
	    oo | f->sep[1] * 0x10001u };
	uint64_t n = 0, newline, stop, nl;

	while (masks_at(f, at, &newline, &stop)) {
		p = buf + at;
		for (s = 0; newline != 0; newline ^= nl) {
			nl = newline & -newline;
			e = first_bit(nl);
			if (!is_outside3(f, p, s, e, stop, tails))
				goto done;
			stop &= ~(nl | (nl - 1));
			last = at + s;
			len = e - s;
			n++;
			s = e + 1;
		}
		if (s == 0) {
			/* A line of 64 bytes or more: the general test. */
			s = outside_len(f, o, p, f->in.end - at);
			if (s == 0)
				goto done;
			last = at;
			len = s;
			n++;
			s++;
		}
		at += s;
	}
	return run_end(f, n, last, len);
done:
	f->run_ended = true;
	return run_end(f, n, last, len);
}

/* Take a run of lines tagged outside on both sides, and return its length. */
uint64_t
conll_outside_run(struct conll_file *f, const struct conll_opts *o)
{
	return f->tail3 != 0 ? outside_run3(f, o) : outside_run(f, o);
}

/*
 * Split the token line at p into f->fs and return its length, when the
 * line is simple: its first byte is no blank, '#' of a comment or '-' of
 * -X- and -DOCSTART-, it has f->nfields fields, none empty, with one
 * separator between two, and it contains no CR and no NUL.  The full path
 * reads such a line the same way with no message.  Returns 0 for any
 * other line, and for one that does not end within the room bytes at p,
 * which are all readable, in whole blocks of 16.
 */
static size_t
split_simple(struct conll_file *f, const char *p, size_t room)
{
	struct field *fs = f->fs.f;
	size_t i, j, n = 0, start = 0;
	unsigned m, c;

	if (p[0] == ' ' || p[0] == '\t' || (p[0] == '#' && f->skip_comments) ||
	    f->fs.cap < f->nfields)
		return 0;
	for (i = 0; room - i >= 16; i += 16) {
		m = low16(p + i) | eq16(p + i, f->sep[0]);
		for (; m != 0; m &= m - 1) {
			j = i + first_bit(m);
			c = (unsigned char)p[j];
			if (c == '\r' || c == '\0')
				return 0;
			if (c != '\n' && !is_sep(f, (char)c))
				continue;	/* a space inside a TAB field */
			if (j == start || n == f->nfields)
				return 0;
			fs[n].p = p + start;
			fs[n].len = j - start;
			n++;
			start = j + 1;
			if (c != '\n')
				continue;
			if (n != f->nfields || (p[0] == '-' &&
			    (field_is(&fs[0], "-X-") ||
			    field_is(&fs[0], "-DOCSTART-"))))
				return 0;
			f->fs.n = n;
			return j;
		}
	}
	return 0;
}

/*
 * Split the line p[0..e] of a file of three fields a line into fs as
 * split_simple() does, from its stop bytes (bit i for p[i]).  The line
 * must be token, separator, tag, separator, tag, newline, with no empty
 * field and no other stop byte.  Returns false for any other line.
 */
static inline bool
fields3(const struct conll_file *f, const char *p, size_t e, uint64_t stop,
    struct field fs[3])
{
	size_t t1 = first_bit(stop), t2;

	if (t1 == 0 || t1 == e || is_marker(p, t1) ||
	    (p[0] == '#' && f->skip_comments))
		return false;
	stop &= stop - 1;
	t2 = first_bit(stop);
	stop &= stop - 1;
	if (t2 == t1 + 1 || t2 == e || first_bit(stop) != e || e == t2 + 1 ||
	    !is_sep(f, p[t1]) || !is_sep(f, p[t2]))
		return false;
	fs[0].p = p;
	fs[0].len = t1;
	fs[1].p = p + t1 + 1;
	fs[1].len = t2 - t1 - 1;
	fs[2].p = p + t2 + 1;
	fs[2].len = e - t2 - 1;
	return true;
}

/*
 * Split the line at p into f->fs with fields3(), from the masks nl and
 * stop of masks_at().  Returns its length, or 0 for any other line, which
 * split_simple() then reads.
 */
static inline size_t
split3(struct conll_file *f, const char *p, uint64_t nl, uint64_t stop)
{
	size_t e;

	if (nl == 0 || f->fs.cap < 3)
		return 0;	/* a line of 64 bytes or more */
	e = first_bit(nl);
	if (!fields3(f, p, e, stop, f->fs.f))
		return 0;
	f->fs.n = 3;
	return e;
}

/* Tell whether both tags of t are the outside tag of one byte. */
static inline bool
outside_both(const struct conll_file *f, const struct conll_tagged *t)
{
	return t->f[1].len == 1 && t->f[2].len == 1 &&
	    (unsigned char)t->f[1].p[0] == (f->tail3 & 0xff) &&
	    (unsigned char)t->f[2].p[0] == (f->tail3 & 0xff);
}

/* Make room for one more tagged line in *s. */
static NOINLINE void
grow_sentence(struct conll_sentence *s)
{
	s->cap = s->cap ? 2 * s->cap : 64;
	s->v = xrealloc(s->v, s->cap * sizeof *s->v);
}

/*
 * Split the line at offset at into t with split_simple(), for a line
 * that fields3() does not take, such as a long line or a line of a TAB
 * file with a blank inside a field.  Returns its length, or 0 when
 * split_simple() rejects the line too.
 */
static NOINLINE size_t
split_other(struct conll_file *f, size_t at, struct conll_tagged *t)
{
	size_t len = split_simple(f, f->in.buf + at, f->in.end - at);

	if (len != 0)
		memcpy(t->f, f->fs.f, sizeof t->f);
	return len;
}

/*
 * Append the token line at offset at, token number index and line number
 * lineno of the sentence, to *s unless it is outside, and return its
 * length.  Returns 0 for a line that is not simple (split_simple()).
 * When the line ends at e in the same 64 bytes, stop has the stop bytes
 * from the line on.  Otherwise e is 0.
 */
static ALWAYS_INLINE size_t
add_line3(struct conll_file *f, size_t at, size_t e, uint64_t stop,
    struct conll_sentence *s, size_t index, uint64_t lineno)
{
	struct conll_tagged *t;
	size_t len = e;

	if (s->n == s->cap)
		grow_sentence(s);
	t = &s->v[s->n];
	if ((e == 0 || !fields3(f, f->in.buf + at, e, stop, t->f)) &&
	    (len = split_other(f, at, t)) == 0)
		return 0;
	t->index = index;
	t->lineno = f->in.lineno + lineno;
	if (!outside_both(f, t))
		s->n++;
	return len;
}

/*
 * The maximum number of bytes that conll_sentence() looks at for one
 * sentence.  A longer sentence goes the full way, so the time spent
 * looking at it is wasted, and this bounds the waste.
 */
#define SENTENCE_SCAN 32768

/*
 * The newlines of w that end a line which is_outside3() takes, found for
 * all the lines of w at once.  It may miss some, such as lines that start
 * with '-', which the caller then looks at one by one.  A found line is
 * 6 bytes long or more with its newline (a token of one byte and the
 * tail), and it ends in a tail.  Its only stop bytes are those of the
 * tail, and it does not start with a mark (linebits.h).  Bit 0 of w
 * starts a line, whatever the byte before it: the full path may have
 * taken that line and stored a NUL over its newline.  Each stop byte
 * where its line needs none spoils the line: adding it to the line's run
 * of bits that are not newlines carries into the line's newline.  Only
 * the long lines expect stops, or else the newline of a blank line would
 * expect two in the tail of the line before it.
 */
static inline uint64_t
outside_lines(const struct window *w)
{
	uint64_t starts = w->nl << 1 | 1;
	uint64_t shortl = w->nl & (starts | starts << 1 | starts << 2 |
	    starts << 3 | starts << 4);
	uint64_t longl = w->nl & ~shortl;
	uint64_t odd = (w->stop ^ (w->nl | longl >> 2 | longl >> 4)) |
	    (starts & w->mark);

	return longl & w->tail & ~((~w->nl + odd) & w->nl);
}

/* Count the set bits of m, with the processor's instruction when hw is set. */
#ifdef NERTOOLS_X86
#define COUNT(m, hw)	((hw) ? (unsigned)__builtin_popcountll(m) : bit_count(m))
#else
#define COUNT(m, hw)	bit_count(m)
#endif

/*
 * Read the sentence that starts at the next line into *s, without taking
 * its lines.  Every line must be one that the full path reads as a simple
 * token line, and the sentence must end at an empty line within
 * SENTENCE_SCAN bytes and the bitmaps of the buffer.  outside_lines()
 * counts the commonest lines 64 bytes at a time, and the loop looks at
 * the others one by one.  Returns false for any other sentence, which the
 * full path then reads line by line.  Only for files of three columns and
 * an outside tag of one byte (f->tail3 set), between sentences.  hw
 * counts bits with the processor's instruction.
 */
static ALWAYS_INLINE bool
read_sentence(struct conll_file *f, struct conll_sentence *s, bool hw)
{
	size_t at = f->in.start, pos, e, len, ntok = 0;
	const uint32_t oo = (f->tail3 & 0x00ff00ff) << 8;
	const uint32_t tails[2] = { oo | f->sep[0] * 0x10001u,
	    oo | f->sep[1] * 0x10001u };
	const char *p;
	struct window w;
	uint64_t nl, out, other, run, lines = 0;

	if (f->tail3 == 0 || f->in_sentence)
		return false;
	s->n = 0;
	while (at - f->in.start < SENTENCE_SCAN && window_at(f, at, &w)) {
		p = f->in.buf + at;
		out = outside_lines(&w);
		for (pos = 0, nl = w.nl; nl != 0; pos = e + 1, nl ^= run) {
			/* run: the outside lines before the first other one. */
			other = nl & ~out;
			run = other != 0 ? nl & ((other & -other) - 1) : nl;
			if (run != 0) {
				len = COUNT(run, hw);
				lines += len;
				ntok += len;
				pos = last_bit(run) + 1;
				nl ^= run;
			}
			if (other == 0)
				break;
			/* run: the newline of that other line, taken next. */
			run = other & -other;
			e = first_bit(run);
			lines++;
			if (is_outside3(f, p, pos, e, w.stop >> pos << pos,
			    tails)) {
				ntok++;
			} else if (e == pos && ntok > 0) {
				s->blank = at + pos;
				s->ntok = ntok;
				s->lines = lines;
				return true;
			} else if (e == pos) {
				/* A blank line before the sentence: no event. */
			} else if (add_line3(f, at + pos, e - pos, w.stop >> pos,
			    s, ntok, lines) != 0) {
				ntok++;
			} else {
				return false;
			}
		}
		if (pos == 0) {
			/* A line of 64 bytes or more. */
			lines++;
			len = add_line3(f, at, 0, 0, s, ntok++, lines);
			if (len == 0)
				return false;
			pos = len + 1;
		}
		at += pos;
	}
	return false;
}

#ifdef NERTOOLS_X86
static TARGET("popcnt") bool
sentence_popcnt(struct conll_file *f, struct conll_sentence *s)
{
	return read_sentence(f, s, true);
}
#endif

/* Read a sentence whole, with the POPCNT instruction where there is one. */
bool
conll_sentence(struct conll_file *f, struct conll_sentence *s)
{
#ifdef NERTOOLS_X86
	if (CPU_HAS("popcnt"))
		return sentence_popcnt(f, s);
#endif
	return read_sentence(f, s, false);
}

/* Take the lines of the sentence that conll_sentence() read into *s. */
void
conll_sentence_take(struct conll_file *f, const struct conll_sentence *s)
{
	lines_skip(&f->in, &f->line, s->blank, 0, s->lines);
	f->run_ended = false;
}

void
conll_sentence_free(struct conll_sentence *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

/*
 * Take the next line when it is blank and empty, or a simple token line
 * (split_simple()), and store in *k what conll_next() returns for it.  A
 * blank line after another, or at the start, gives no event, so it is
 * taken with the next line.  Returns false for any other line, which is
 * left to the full path.
 */
bool
conll_simple_line(struct conll_file *f, enum conll_line *k)
{
	struct lines *r = &f->in;
	uint64_t nl, stop;
	size_t len;

	while (r->end - r->start >= 16) {
		if (r->buf[r->start] == '\n') {
			lines_skip(r, &f->line, r->start, 0, 1);
			if (!f->in_sentence)
				continue;
			f->in_sentence = false;
			*k = CONLL_BREAK;
			return true;
		}
		len = 0;
		if (f->nfields == 3 && masks_at(f, r->start, &nl, &stop))
			len = split3(f, r->buf + r->start, nl, stop);
		if (len == 0)
			len = split_simple(f, r->buf + r->start,
			    r->end - r->start);
		if (len == 0)
			return false;
		lines_skip(r, &f->line, r->start, len, 1);
		f->in_sentence = true;
		*k = CONLL_TOKEN;
		return true;
	}
	return false;
}
