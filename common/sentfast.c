/*
 * sentfast: decode and write a sentence that conll_sentence() read whole,
 * under the lenient scheme, for nerspan's commonest input: one file with
 * the token and one gold and one predicted tag.  It writes the records
 * that decode_sentence() writes for the same lines, without copying the
 * lines or building a table of tags.  A tag that the scheme rejects makes
 * it decline the sentence, so that the full path reports it.
 */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "err.h"
#include "hot.h"
#include "out.h"
#include "sentfast.h"
#include "stream.h"
#include "tag.h"

enum { GOLD, PRED };

/*
 * Parse tag p[0..len) as parse_tags() in sentence.c does under the
 * lenient scheme: the outside tag, or a prefix of one letter, then a
 * hyphen and the type or nothing.  Returns false for a tag that
 * scheme_tag() rejects, such as one with a space at an end or after its
 * prefix.
 */
static inline bool
parse_tag(const char *p, size_t len, const struct decoder *d, struct tag *t)
{
	if (bytes_equal(p, len, d->outside, d->outlen)) {
		t->kind = TAG_O;
		t->typelen = 0;
		return true;
	}
	if (len > 0 && (p[0] == ' ' || p[len - 1] == ' '))
		return false;
	if (len == 0 || (len > 1 && p[1] != '-') || (len > 2 && p[2] == ' '))
		return false;
	t->kind = tag_prefix_kind(p[0]);
	if (t->kind == TAG_BAD)
		return false;
	t->type = p + (len > 1 ? 2 : 1);
	t->typelen = len > 1 ? len - 2 : 0;
	return true;
}

/* Make room for more spans of a side.  push() calls it when full. */
static void
grow(struct sentfast *sf, int side)
{
	sf->cap[side] = sf->cap[side] ? 2 * sf->cap[side] : 16;
	sf->v[side] = xrealloc(sf->v[side], sf->cap[side] * sizeof *sf->v[side]);
}

static inline void
push(struct sentfast *sf, int side, size_t start, size_t end,
    const struct tag *open, size_t first)
{
	struct fast_span *sp;

	if (sf->n[side] == sf->cap[side])
		grow(sf, side);
	sp = &sf->v[side][sf->n[side]++];
	sp->start = start;
	sp->end = end;
	sp->type = open->type;
	sp->typelen = open->typelen;
	sp->first = first;
}

/* The chunk that a side has open while it is decoded. */
struct open_chunk {
	struct tag tag;		/* of kind TAG_O when none is open */
	size_t	 start;		/* its first token */
	size_t	 first;		/* index of that token's tagged line */
};

/* Close the chunk that side has open, if any, after token end - 1. */
static inline void
close_chunk(struct sentfast *sf, int side, struct open_chunk *o, size_t end)
{
	if (o->tag.kind != TAG_O) {
		push(sf, side, o->start, end, &o->tag, o->first);
		o->tag.kind = TAG_O;
	}
}

/*
 * Decode one side's tag of tagged line k, whose token is number index,
 * as decode_lenient() does.  Returns false when the tag is rejected.
 */
static ALWAYS_INLINE bool
feed(struct sentfast *sf, const struct decoder *d, int side,
    struct open_chunk *o, const struct field *tag, size_t index, size_t k)
{
	struct tag t;
	bool continues;

	if (!parse_tag(tag->p, tag->len, d, &t))
		return false;
	continues = o->tag.kind != TAG_O &&
	    (t.kind == TAG_I || t.kind == TAG_E) &&
	    bytes_equal(t.type, t.typelen, o->tag.type, o->tag.typelen);
	if (!continues)
		close_chunk(sf, side, o, index);
	if (t.kind == TAG_O)
		return true;
	if (!continues) {
		o->start = index;
		o->first = k;
		o->tag = t;
	}
	if (t.kind == TAG_E || t.kind == TAG_S)
		close_chunk(sf, side, o, index + 1);
	return true;
}

/*
 * Decode both sides of sf->cs in one pass and count its correct tokens.
 * The tokens between two tagged lines are outside on both sides, and
 * close an open chunk as one outside tag does.  Returns false, having
 * written nothing, when a tag is rejected.
 */
bool
sentfast_decode(struct sentfast *sf, const struct decoder *d)
{
	const struct conll_sentence *cs = &sf->cs;
	const struct conll_tagged *c;
	struct open_chunk o[2] = { { { TAG_O, "", 0 }, 0, 0 },
	    { { TAG_O, "", 0 }, 0, 0 } };
	size_t k, prev = 0;

	sf->n[GOLD] = sf->n[PRED] = 0;
	/* The untagged tokens are outside on both sides, so correct. */
	sf->correct = cs->ntok - cs->n;
	for (k = 0; k < cs->n; k++) {
		c = &cs->v[k];
		if (c->index != prev + 1) {
			close_chunk(sf, GOLD, &o[GOLD], prev + 1);
			close_chunk(sf, PRED, &o[PRED], prev + 1);
		}
		if (!feed(sf, d, GOLD, &o[GOLD], &c->f[1], c->index, k) ||
		    !feed(sf, d, PRED, &o[PRED], &c->f[2], c->index, k))
			return false;
		sf->correct += bytes_equal(c->f[1].p, c->f[1].len, c->f[2].p,
		    c->f[2].len);
		prev = c->index;
	}
	close_chunk(sf, GOLD, &o[GOLD], prev + 1);
	close_chunk(sf, PRED, &o[PRED], prev + 1);
	return true;
}

/*
 * Store the n tokens from tok on at p, each followed by a space, and
 * return the end.  A clean token of up to 64 bytes goes in whole 16-byte
 * copies (put_padded()), which may store up to 16 bytes past the end, so
 * the caller makes room for them.  The copies read past the token but
 * stay in the read buffer, because conll_sentence() takes a line only
 * when 64 bytes of the buffer follow its start, where the token begins.
 */
static inline char *
put_tokens(char *p, const struct conll_tagged *tok, size_t n, bool clean)
{
	size_t k, len;

	for (k = 0; k < n; k++) {
		len = tok[k].f[0].len;
		if (clean && len <= 64)
			put_padded(p, tok[k].f[0].p, len);
		else if (clean)
			copy_bytes(p, tok[k].f[0].p, len);
		else
			clean_copy(p, tok[k].f[0].p, len);
		p += len;
		*p++ = ' ';
	}
	return p;
}

/* Write the records of one side, as write_spans() does. */
static void
write_side(const struct sentfast *sf, struct decoder *d, int side)
{
	const struct conll_tagged *tok;
	const struct fast_span *sp;
	const struct field *last;
	const char *type;
	size_t typelen, i, max;
	uint64_t written = 0;
	bool mapped = typemap_rules(d->map) > 0;
	char *record, *p;

	decoder_side_begin(d, side, 0);
	for (i = 0; i < sf->n[side]; i++) {
		sp = &sf->v[side][i];
		type = sp->type;
		typelen = sp->typelen;
		if (mapped && !typemap_apply(d->map, side == GOLD ? MAP_GOLD :
		    MAP_PRED, sp->type, sp->typelen, &type, &typelen))
			continue;
		tok = &sf->cs.v[sp->first];
		last = &tok[sp->end - sp->start - 1].f[0];
		/* The tokens lie in order in the read buffer, each followed
		 * by a separator, so their bytes and spaces fit in the
		 * distance from the first to the end of the last.
		 * put_tokens() may store 16 bytes more. */
		max = decoder_head_max(d, side, typelen) +
		    (size_t)(last->p + last->len + 1 - tok->f[0].p) + 16;
		record = out_begin(max);
		p = decoder_put_head(d, record, side, sp->start, sp->end, type,
		    typelen, d->clean_text && type == sp->type, tok->lineno);
		p = put_tokens(p, tok, sp->end - sp->start, d->clean_text);
		p[-1] = '\n';
		out_end(record, (size_t)(p - record));
		written++;
	}
	writer_records_done(written);
}

/* Write the span records of both sides, as decode_sentence() does. */
void
sentfast_write(const struct sentfast *sf, struct decoder *d)
{
	/* Outside tags only: nothing to write. */
	if (sf->cs.n == 0)
		return;
	write_side(sf, d, GOLD);
	write_side(sf, d, PRED);
}

void
sentfast_free(struct sentfast *sf)
{
	conll_sentence_free(&sf->cs);
	free(sf->v[GOLD]);
	free(sf->v[PRED]);
	memset(sf, 0, sizeof *sf);
}
