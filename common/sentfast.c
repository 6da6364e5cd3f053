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

/*
 * Decode one side as decode_lenient() does.  The tokens between two
 * tagged lines are outside on both sides, and one outside tag closes an
 * open chunk as a run of them does.  Returns false when a tag is rejected.
 */
static bool
decode_side(struct sentfast *sf, const struct decoder *d, int side)
{
	const struct conll_sentence *cs = &sf->cs;
	const struct conll_tagged *c;
	struct tag t, open = { TAG_O, "", 0 };
	size_t k, start = 0, first = 0, prev = 0;
	bool continues;

	sf->n[side] = 0;
	for (k = 0; k < cs->n; k++) {
		c = &cs->v[k];
		if (open.kind != TAG_O && c->index != prev + 1) {
			push(sf, side, start, prev + 1, &open, first);
			open.kind = TAG_O;
		}
		if (!parse_tag(c->f[1 + side].p, c->f[1 + side].len, d, &t))
			return false;
		continues = open.kind != TAG_O &&
		    (t.kind == TAG_I || t.kind == TAG_E) &&
		    bytes_equal(t.type, t.typelen, open.type, open.typelen);
		if (open.kind != TAG_O && !continues) {
			push(sf, side, start, c->index, &open, first);
			open.kind = TAG_O;
		}
		prev = c->index;
		if (t.kind == TAG_O)
			continue;
		if (!continues) {
			start = c->index;
			first = k;
			open = t;
		}
		if (t.kind == TAG_E || t.kind == TAG_S) {
			push(sf, side, start, c->index + 1, &open, first);
			open.kind = TAG_O;
		}
	}
	if (open.kind != TAG_O)
		push(sf, side, start, prev + 1, &open, first);
	return true;
}

/*
 * Decode both sides of sf->cs and count its correct tokens.  Returns
 * false, having written nothing, when a tag is rejected.
 */
bool
sentfast_decode(struct sentfast *sf, const struct decoder *d)
{
	const struct conll_sentence *cs = &sf->cs;
	const struct conll_tagged *c;
	size_t k;

	if (!decode_side(sf, d, GOLD) || !decode_side(sf, d, PRED))
		return false;
	/* The untagged tokens are outside on both sides, so correct. */
	sf->correct = cs->ntok - cs->n;
	for (k = 0; k < cs->n; k++) {
		c = &cs->v[k];
		sf->correct += bytes_equal(c->f[1].p, c->f[1].len, c->f[2].p,
		    c->f[2].len);
	}
	return true;
}

/* Write the records of one side, as write_spans() does. */
static void
write_side(const struct sentfast *sf, struct decoder *d, int side)
{
	const struct conll_tagged *tok;
	const struct fast_span *sp;
	const char *type;
	size_t typelen, i, k, max;
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
		max = decoder_head_max(d, side, typelen);
		for (k = 0; k < sp->end - sp->start; k++)
			max += tok[k].f[0].len + 1;
		record = out_begin(max);
		p = decoder_put_head(d, record, side, sp->start, sp->end, type,
		    typelen, d->clean_text && type == sp->type, tok->lineno);
		for (k = 0; k < sp->end - sp->start; k++) {
			if (d->clean_text)
				copy_bytes(p, tok[k].f[0].p, tok[k].f[0].len);
			else
				clean_copy(p, tok[k].f[0].p, tok[k].f[0].len);
			p += tok[k].f[0].len;
			*p++ = ' ';
		}
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
