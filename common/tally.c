/*
 * tally: read a match or count stream into counts.
 *
 * In a match stream, "#doc" lines open documents and "#unit" lines close
 * units.  In a count stream, rows that share their (doc, sent) key and
 * stand together form a unit (or, with an empty sent, a document's own
 * rows); a change of key or a section's #end closes the group.
 */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "err.h"
#include "tally.h"

/* Column indices of the input. */
struct cols {
	int	 doc, sent, class, gold, pred, count;
};

void
key_set(struct key *k, const char *p, size_t len)
{
	if (len + 1 > k->cap) {
		k->cap = len + 1;
		k->p = xrealloc(k->p, k->cap);
	}
	if (len > 0)
		memcpy(k->p, p, len);
	k->p[len] = '\0';
	k->len = len;
}

static bool
key_is(const struct key *k, const struct field *f)
{
	return bytes_equal(k->p, k->len, f->p, f->len);
}

void
tally_init(struct tally *t)
{
	memset(t, 0, sizeof *t);
	counts_init(&t->unit);
	counts_init(&t->doc);
	counts_init(&t->total);
}

void
tally_free(struct tally *t)
{
	counts_free(&t->unit);
	counts_free(&t->doc);
	counts_free(&t->total);
	free(t->doc_key.p);
	free(t->unit_key.p);
}

static void
close_doc(struct tally *t)
{
	if (!t->doc_open)
		return;
	if (t->on_doc != NULL)
		t->on_doc(t->arg, t);
	counts_merge(&t->total, &t->doc);
	counts_reset(&t->doc);
	t->doc_open = false;
	t->docs++;
}

static void
open_doc(struct tally *t, const char *p, size_t len)
{
	close_doc(t);
	key_set(&t->doc_key, p, len);
	t->doc_open = true;
}

static void
close_unit(struct tally *t)
{
	if (t->on_unit != NULL)
		t->on_unit(t->arg, t);
	counts_merge(&t->doc, &t->unit);
	counts_reset(&t->unit);
}

static uint32_t
intern_field(const struct field *f)
{
	return type_intern(f->p, f->len);
}

static void
read_match(struct tally *t, struct stream *s, const struct cols *c)
{
	const struct field *f = s->fs.f;
	int cls = class_parse(f[c->class].p, f[c->class].len);
	uint32_t gold = TYPE_NONE, pred = TYPE_NONE;

	if (cls < 0)
		die_at(s->in.name, s->in.lineno, "unknown class '%.*s'",
		    (int)f[c->class].len, f[c->class].p);
	if (cls != CLS_SPURIOUS)
		gold = intern_field(&f[c->gold]);
	if (cls != CLS_MISSED)
		pred = intern_field(&f[c->pred]);
	counts_add(&t->unit, gold, pred, (uint32_t)cls, 1);
	if (t->on_match != NULL)
		t->on_match(t->arg, s, (uint32_t)cls, gold, pred);
}

static void
read_matches(struct tally *t, struct stream *s)
{
	struct cols c;
	enum record r;

	c.class = stream_require(s, "class");
	c.gold = stream_require(s, "gold_type");
	c.pred = stream_require(s, "pred_type");
	t->grain = GRAIN_UNIT;
	while ((r = stream_next(s)) != REC_EOF) {
		const struct field *f = s->fs.f;

		if (r == REC_DATA) {
			read_match(t, s, &c);
		} else if (r == REC_DOC) {
			open_doc(t, f[1].p, f[1].len);
			counts_add_tokens(&t->doc, &s->tok);
		} else {
			if (!t->doc_open || !key_is(&t->doc_key, &f[1]))
				open_doc(t, f[1].p, f[1].len);
			key_set(&t->unit_key, f[2].p, f[2].len);
			t->unit.units = 1;
			counts_add_tokens(&t->unit, &s->tok);
			close_unit(t);
		}
	}
	close_doc(t);
}

/* Add one count row to the group's counts. */
static void
read_count(struct counts *into, struct stream *s, const struct cols *c)
{
	const struct field *f = s->fs.f;
	const struct field *cl = &f[c->class];
	uint64_t n = field_u64(s, &f[c->count], "count");
	uint32_t gold = TYPE_NONE, pred = TYPE_NONE;
	int cls;

	if (cl->len == 5 && memcmp(cl->p, "units", 5) == 0) {
		into->units = add_u64(into->units, n);
		return;
	}
	if (cl->len == 6 && memcmp(cl->p, "tokens", 6) == 0) {
		into->tokens = add_u64(into->tokens, n);
		return;
	}
	if (cl->len == 14 && memcmp(cl->p, "tokens-correct", 14) == 0) {
		into->correct = add_u64(into->correct, n);
		return;
	}
	cls = class_parse(cl->p, cl->len);
	if (cls < 0)
		die_at(s->in.name, s->in.lineno, "unknown class '%.*s'",
		    (int)cl->len, cl->p);
	if (cls != CLS_SPURIOUS)
		gold = intern_field(&f[c->gold]);
	if (cls != CLS_MISSED)
		pred = intern_field(&f[c->pred]);
	counts_add(into, gold, pred, (uint32_t)cls, n);
}

/* What the rows of the current group belong to. */
enum group {
	GROUP_NONE,
	GROUP_DOC,	/* rows of a document that belong to no unit */
	GROUP_UNIT
};

static void
close_group(struct tally *t, enum group *g)
{
	if (*g == GROUP_UNIT)
		close_unit(t);
	*g = GROUP_NONE;
}

static void
note_grain(struct tally *t, enum grain grain)
{
	if (grain > t->grain)
		t->grain = grain;
}

/*
 * Token totals count as known only when the stream has token rows, because
 * a count stream leaves them out for units whose tokens were not known.
 */
static void
read_counts(struct tally *t, struct stream *s)
{
	struct cols c;
	enum group g = GROUP_NONE, want;
	enum record r;
	uint64_t section = s->sections;
	bool tokens = false, correct = false;

	c.doc = stream_require(s, "doc");
	c.sent = stream_require(s, "sent");
	c.class = stream_require(s, "class");
	c.gold = stream_require(s, "gold_type");
	c.pred = stream_require(s, "pred_type");
	c.count = stream_require(s, "count");
	while ((r = stream_next(s)) != REC_EOF) {
		const struct field *f = s->fs.f;
		const struct field *doc = &f[c.doc], *sent = &f[c.sent];

		if (r != REC_DATA)
			die_at(s->in.name, s->in.lineno, "#doc and #unit "
			    "lines do not belong in a count stream");
		tokens |= f[c.class].len == 6 &&
		    memcmp(f[c.class].p, "tokens", 6) == 0;
		correct |= f[c.class].len == 14 &&
		    memcmp(f[c.class].p, "tokens-correct", 14) == 0;
		if (doc->len == 0 && sent->len == 0) {
			close_group(t, &g);
			close_doc(t);
			read_count(&t->total, s, &c);
			continue;
		}
		if (doc->len == 0)
			die_at(s->in.name, s->in.lineno, "count row has a "
			    "sent but no doc");
		want = sent->len > 0 ? GROUP_UNIT : GROUP_DOC;
		note_grain(t, want == GROUP_UNIT ? GRAIN_UNIT : GRAIN_DOC);
		if (!t->doc_open || section != s->sections ||
		    !key_is(&t->doc_key, doc)) {
			close_group(t, &g);
			open_doc(t, doc->p, doc->len);
		} else if (g != want ||
		    (want == GROUP_UNIT && !key_is(&t->unit_key, sent))) {
			close_group(t, &g);
		}
		if (g == GROUP_NONE && want == GROUP_UNIT)
			key_set(&t->unit_key, sent->p, sent->len);
		g = want;
		section = s->sections;
		read_count(want == GROUP_UNIT ? &t->unit : &t->doc, s, &c);
	}
	close_group(t, &g);
	close_doc(t);
	t->total.tokens_known = tokens;
	t->total.correct_known = correct;
}

/* Read the whole stream s, calling back as units and documents complete. */
void
tally_read(struct tally *t, struct stream *s)
{
	if (s->kind == STREAM_MATCHES)
		read_matches(t, s);
	else
		read_counts(t, s);
}
