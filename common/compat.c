/*
 * compat: conlleval.pl's reading of a file, for reports that must equal
 * its own byte for byte.  The script splits a tag at its first hyphen and
 * turns the type "0" into "" (Perl reads "0" as false).  Every line is a
 * token, -DOCSTART- too, and a sentence boundary is a token tagged O that
 * is not counted.  Chunks come from two tests on each pair of neighbouring
 * tags.  Those tests know B, I, E and the CoNLL-2000 bracket
 * tags [ and ]; any other prefix (S-, for one) neither starts nor ends a
 * chunk, so "B-X E-X S-X" is one chunk.  A chunk can run on past a
 * sentence boundary, so a unit here lasts until neither side has a chunk
 * open at a boundary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "compat.h"
#include "err.h"
#include "out.h"
#include "stream.h"

/* A tag as conlleval.pl splits it. */
struct ctag {
	const char *prefix, *type;
	size_t	 plen, tlen;
};

/* A growable copy of a tag, which outlives the unit it came from. */
struct tagcopy {
	char	*bytes;
	size_t	 cap;
	struct ctag t;
};

#define OPEN SIZE_MAX

/* A chunk as the script counts it: from a start to the next end. */
struct chunk {
	size_t	 start, end;	/* end is OPEN until an end is seen */
	struct ref type;	/* in the unit's arena */
	bool	 correct;
};

/* One side: its previous tag and the chunks of the unit so far. */
struct side {
	struct tagcopy prev;
	struct chunk *c;
	size_t	 n, cap;
	size_t	 unended;	/* chunks from here on have no end yet */
};

struct unit {
	char	*arena;
	size_t	 used, cap;
	struct ref *text;
	uint64_t *line;
	size_t	 n, tokcap;		/* counted tokens */
	uint64_t correct_tags;
	struct side side[2];
	bool	 pending;		/* the script's $inCorrect */
	size_t	 cand[2];		/* the chunks it would count */
	char	*rawbuf[2];		/* the B- prefixed tags of -r */
	size_t	 rawcap[2];
};static bool
is(const struct ctag *t, const char *prefix)
{
	return bytes_equal(t->prefix, t->plen, prefix, strlen(prefix));
}

static bool
same_type(const struct ctag *a, const struct ctag *b)
{
	return bytes_equal(a->type, a->tlen, b->type, b->tlen);
}

/* conlleval.pl's endOfChunk: did a chunk end between prev and cur? */
static bool
chunk_ends(const struct ctag *prev, const struct ctag *cur)
{
	if ((is(prev, "B") || is(prev, "I")) && (is(cur, "B") || is(cur, "O")))
		return true;
	if (is(prev, "E") && (is(cur, "E") || is(cur, "I") || is(cur, "O")))
		return true;
	if (!is(prev, "O") && !is(prev, ".") && !same_type(prev, cur))
		return true;
	return is(prev, "]") || is(prev, "[");
}

/* conlleval.pl's startOfChunk: did a chunk start between prev and cur? */
static bool
chunk_starts(const struct ctag *prev, const struct ctag *cur)
{
	if (is(cur, "B") && (is(prev, "B") || is(prev, "I") || is(prev, "O")))
		return true;
	if (is(prev, "O") && (is(cur, "I") || is(cur, "E")))
		return true;
	if (is(prev, "E") && (is(cur, "E") || is(cur, "I")))
		return true;
	if (!is(cur, "O") && !is(cur, ".") && !same_type(prev, cur))
		return true;
	return is(cur, "[") || is(cur, "]");
}

static void
split_tag(struct ctag *t, const char *p, size_t len)
{
	const char *hyphen = memchr(p, '-', len);

	t->prefix = p;
	t->plen = hyphen != NULL ? (size_t)(hyphen - p) : len;
	t->type = hyphen != NULL ? hyphen + 1 : p + len;
	t->tlen = hyphen != NULL ? len - t->plen - 1 : 0;
	if (t->tlen == 1 && t->type[0] == '0')
		t->tlen = 0;
}

static struct ref
keep(struct unit *u, const char *p, size_t len)
{
	struct ref r = { u->used, len };

	/* An empty string allocates too, so arena + off is never NULL + 0. */
	while (u->arena == NULL || len > u->cap - u->used) {
		u->cap = u->cap ? u->cap * 2 : 4096;
		u->arena = xrealloc(u->arena, u->cap);
	}
	if (len == 0)
		return r;
	memcpy(u->arena + u->used, p, len);
	u->used += len;
	return r;
}

static void
copy_tag(struct tagcopy *c, const struct ctag *t)
{
	if (c->bytes == NULL || t->plen + t->tlen > c->cap) {
		c->cap = t->plen + t->tlen + 16;
		c->bytes = xrealloc(c->bytes, c->cap);
	}
	if (t->plen > 0)
		memcpy(c->bytes, t->prefix, t->plen);
	if (t->tlen > 0)
		memcpy(c->bytes + t->plen, t->type, t->tlen);
	c->t.prefix = c->bytes;
	c->t.plen = t->plen;
	c->t.type = c->bytes + t->plen;
	c->t.tlen = t->tlen;
}

static void
push_chunk(struct unit *u, struct side *sd, const struct ctag *t, size_t pos)
{
	if (sd->n == sd->cap) {
		sd->cap = sd->cap ? sd->cap * 2 : 16;
		sd->c = xrealloc(sd->c, sd->cap * sizeof *sd->c);
	}
	sd->c[sd->n].start = pos;
	sd->c[sd->n].end = OPEN;
	sd->c[sd->n].type = keep(u, t->type, t->tlen);
	sd->c[sd->n].correct = false;
	sd->n++;
}

/* Every chunk without an end ends at pos: the script finds one end for all. */
static void
end_chunks(struct side *sd, size_t pos)
{
	for (; sd->unended < sd->n; sd->unended++)
		sd->c[sd->unended].end = pos;
}

/*
 * Take the tags of one line at position pos, exactly in the order of the
 * script's main loop: settle the pending chunk, then look for starts.
 */
static void
step(struct unit *u, const struct ctag *cur, size_t pos)
{
	struct side *g = &u->side[0], *p = &u->side[1];
	bool eg = chunk_ends(&g->prev.t, &cur[0]);
	bool ep = chunk_ends(&p->prev.t, &cur[1]);
	bool sg = chunk_starts(&g->prev.t, &cur[0]);
	bool sp = chunk_starts(&p->prev.t, &cur[1]);

	if (u->pending) {
		if (eg && ep && same_type(&g->prev.t, &p->prev.t)) {
			g->c[u->cand[0]].correct = true;
			p->c[u->cand[1]].correct = true;
			u->pending = false;
		} else if (eg != ep || !same_type(&cur[0], &cur[1])) {
			u->pending = false;
		}
	}
	if (eg)
		end_chunks(g, pos);
	if (ep)
		end_chunks(p, pos);
	if (sg && sp && same_type(&cur[0], &cur[1])) {
		u->pending = true;
		u->cand[0] = g->n;
		u->cand[1] = p->n;
	}
	if (sg)
		push_chunk(u, g, &cur[0], pos);
	if (sp)
		push_chunk(u, p, &cur[1], pos);
	copy_tag(&g->prev, &cur[0]);
	copy_tag(&p->prev, &cur[1]);
}

/* The tags of -r: the outside tag becomes O, and any other X becomes B-X. */
static void
raw_tag(struct unit *u, int side, const struct field *f, const char *outside,
    struct ctag *t)
{
	size_t need = f->len + 2;

	if (bytes_equal(f->p, f->len, outside, strlen(outside)) ||
	    bytes_equal(f->p, f->len, "O", 1)) {
		split_tag(t, "O", 1);
		return;
	}
	if (u->rawbuf[side] == NULL || need > u->rawcap[side]) {
		u->rawcap[side] = need;
		u->rawbuf[side] = xrealloc(u->rawbuf[side], need);
	}
	memcpy(u->rawbuf[side], "B-", 2);
	if (f->len > 0)
		memcpy(u->rawbuf[side] + 2, f->p, f->len);
	split_tag(t, u->rawbuf[side], need);
}

static void
unit_add(struct unit *u, const struct field *text, uint64_t line)
{
	if (u->n == u->tokcap) {
		u->tokcap = u->tokcap ? u->tokcap * 2 : 64;
		u->text = xrealloc(u->text, u->tokcap * sizeof *u->text);
		u->line = xrealloc(u->line, u->tokcap * sizeof *u->line);
	}
	u->text[u->n] = keep(u, text->p, text->len);
	u->line[u->n] = line;
	u->n++;
}

/* Order chunks by start, then end; qsort has no context, hence the global. */
static const struct chunk *sort_chunks;

static int
chunk_index_cmp(const void *x, const void *y)
{
	const struct chunk *a = &sort_chunks[*(const size_t *)x];
	const struct chunk *b = &sort_chunks[*(const size_t *)y];

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return 0;
}

/* Does some gold chunk of type (p, len) span exactly start..end? */
static bool
collides(const struct unit *u, const size_t *gsort, size_t start, size_t end,
    const char *type, size_t len)
{
	const struct side *g = &u->side[0];
	size_t lo = 0, hi = g->n, mid;

	while (lo < hi) {
		const struct chunk *c;

		mid = lo + (hi - lo) / 2;
		c = &g->c[gsort[mid]];
		if (c->start < start || (c->start == start && c->end < end))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < g->n; lo++) {
		const struct chunk *c = &g->c[gsort[lo]];

		if (c->start != start || c->end != end)
			return false;
		if (bytes_equal(u->arena + c->type.off, c->type.len, type, len))
			return true;
	}
	return false;
}

/*
 * Move chunk c to the nearest span of the unit, by the total distance its
 * two boundaries move, that equals no gold chunk of its type.
 */
static void
move_apart(const struct unit *u, const size_t *gsort, struct chunk *c)
{
	const char *type = u->arena + c->type.off;
	size_t len = c->type.len, d, ds, s, e;

	for (d = 1; d <= 2 * u->n; d++)
		for (ds = 0; ds <= d; ds++) {
			int k;

			for (k = 0; k < 4; k++) {
				bool left = k & 1, shorter = k & 2;

				if ((left ? c->start < ds : c->start + ds > u->n))
					continue;
				s = left ? c->start - ds : c->start + ds;
				if (shorter ? c->end < d - ds : c->end + (d - ds) > u->n)
					continue;
				e = shorter ? c->end - (d - ds) : c->end + (d - ds);
				if (s < e && !collides(u, gsort, s, e, type, len)) {
					c->start = s;
					c->end = e;
					return;
				}
			}
		}
}

/*
 * Only the script's correct chunks may match exactly.  A predicted chunk
 * that equals a gold chunk the script did not count (possible where a
 * chunk starts without an end) moves to the nearest span that equals no
 * gold chunk.  That leaves the numbers of found and correct chunks per
 * type as the script has them.
 */
static void
separate(struct unit *u)
{
	struct side *g = &u->side[0], *p = &u->side[1];
	size_t *gsort, i;

	if (g->n == 0 || p->n == 0)
		return;
	gsort = xmalloc(g->n * sizeof *gsort);
	for (i = 0; i < g->n; i++)
		gsort[i] = i;
	sort_chunks = g->c;
	qsort(gsort, g->n, sizeof *gsort, chunk_index_cmp);
	for (i = 0; i < p->n; i++) {
		struct chunk *c = &p->c[i];

		if (!c->correct && collides(u, gsort, c->start, c->end,
		    u->arena + c->type.off, c->type.len))
			move_apart(u, gsort, c);
	}
	free(gsort);
}

static void
write_spans(const struct unit *u, const struct decoder *d, int side)
{
	static const char *const name[2] = { "gold", "pred" };
	const struct side *sd = &u->side[side];
	size_t i, k;

	for (i = 0; i < sd->n; i++) {
		const struct chunk *c = &sd->c[i];

		out_u64(d->doc);
		out_tab();
		out_u64(d->sent);
		out_tab();
		out_str(name[side]);
		out_tab();
		out_u64(c->start);
		out_tab();
		out_u64(c->end);
		out_tab();
		out_clean(u->arena + c->type.off, c->type.len);
		out_str("\t1\t");
		out_clean(d->gold_file, strlen(d->gold_file));
		out_char(':');
		out_u64(u->line[c->start < u->n ? c->start : u->n - 1]);
		out_tab();
		for (k = c->start; k < c->end && k < u->n; k++) {
			if (k > c->start)
				out_char(' ');
			out_clean(u->arena + u->text[k].off, u->text[k].len);
		}
		out_nl();
		writer_record_done();
	}
}

/* Write the unit's spans and #unit line, and start an empty unit. */
static void
flush(struct unit *u, struct decoder *d)
{
	struct tokens t = { u->n, u->correct_tags, true, true };
	char doc[24], sent[24];
	int dn, sn, side;

	if (u->n == 0)
		return;
	d->sent++;
	separate(u);
	write_spans(u, d, 0);
	write_spans(u, d, 1);
	dn = snprintf(doc, sizeof doc, "%llu", (unsigned long long)d->doc);
	sn = snprintf(sent, sizeof sent, "%llu", (unsigned long long)d->sent);
	writer_unit(doc, (size_t)dn, sent, (size_t)sn, &t);
	u->n = u->used = 0;
	u->correct_tags = 0;
	for (side = 0; side < 2; side++)
		u->side[side].n = u->side[side].unended = 0;
}

static void
unit_free(struct unit *u)
{
	int side;

	free(u->arena);
	free(u->text);
	free(u->line);
	for (side = 0; side < 2; side++) {
		free(u->side[side].c);
		free(u->side[side].prev.bytes);
		free(u->rawbuf[side]);
	}
}

static bool
settled(const struct unit *u)
{
	return !u->pending && u->side[0].unended == u->side[0].n &&
	    u->side[1].unended == u->side[1].n;
}

/*
 * A sentence boundary is a line tagged O on both sides that the script
 * does not count.  The unit ends there once every chunk has ended.
 */
static void
boundary(struct unit *u, struct decoder *d)
{
	struct ctag o[2];

	split_tag(&o[0], "O", 1);
	o[1] = o[0];
	step(u, o, u->n);
	if (settled(u))
		flush(u, d);
}

static void
token(struct unit *u, const struct conll_file *f, const struct decoder *d)
{
	const struct field *g = &f->fs.f[f->fs.n - 2], *p = &f->fs.f[f->fs.n - 1];
	struct ctag t[2];

	if (d->scheme == SCHEME_RAW) {
		raw_tag(u, 0, g, d->outside, &t[0]);
		raw_tag(u, 1, p, d->outside, &t[1]);
	} else {
		split_tag(&t[0], g->p, g->len);
		split_tag(&t[1], p->p, p->len);
	}
	step(u, t, u->n);
	if (bytes_equal(t[0].prefix, t[0].plen, t[1].prefix, t[1].plen) &&
	    same_type(&t[0], &t[1]))
		u->correct_tags++;
	unit_add(u, &f->fs.f[0], f->in.lineno);
}

/* The end of the input settles the pending chunk as the script does. */
static void
finish(struct unit *u)
{
	if (u->pending) {
		u->side[0].c[u->cand[0]].correct = true;
		u->side[1].c[u->cand[1]].correct = true;
		u->pending = false;
	}
	end_chunks(&u->side[0], u->n);
	end_chunks(&u->side[1], u->n);
}

/* Read all of f as conlleval.pl reads its input, as one document. */
void
read_compat(struct conll_file *f, const struct conll_opts *o,
    struct decoder *d)
{
	struct unit u;
	struct tokens none = { 0, 0, true, true };
	struct ctag out;
	enum conll_line k;
	char doc[24];
	int dn;

	memset(&u, 0, sizeof u);
	split_tag(&out, "O", 1);
	copy_tag(&u.side[0].prev, &out);
	copy_tag(&u.side[1].prev, &out);
	d->gold_file = d->pred_file = f->in.name;
	d->doc++;
	d->sent = 0;
	dn = snprintf(doc, sizeof doc, "%llu", (unsigned long long)d->doc);
	writer_doc(doc, (size_t)dn, &none);
	while ((k = conll_next(f, o)) != CONLL_EOF) {
		if (k == CONLL_BREAK)
			boundary(&u, d);
		else
			token(&u, f, d);
	}
	finish(&u);
	flush(&u, d);
	unit_free(&u);
}
