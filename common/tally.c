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

/* Column indices of the input; offsets are -1 when the header lacks them. */
struct cols {
	int	 gstart, gend, pstart, pend;
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
	counts_init(&t->own);
	counts_init(&t->total);
}

void
tally_free(struct tally *t)
{
	counts_free(&t->unit);
	counts_free(&t->doc);
	counts_free(&t->own);
	counts_free(&t->total);
	free(t->doc_key.p);
	free(t->unit_key.p);
}

static void
close_doc(struct tally *t)
{
	if (!t->doc_open)
		return;
	counts_merge(&t->doc, &t->own);
	if (t->on_doc != NULL)
		t->on_doc(t->arg, t);
	counts_merge(&t->total, &t->doc);
	counts_reset(&t->doc);
	counts_reset(&t->own);
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

/*
 * Reject a record whose types contradict its class, because every score
 * trusts the class: an exact match of two types would be counted as right.
 * types_fit() makes the test on each record, and check_types() names the
 * conflict.
 */
static void
check_types(const struct stream *s, int cls, const struct field *gold,
    const struct field *pred)
{
	bool same = bytes_equal(gold->p, gold->len, pred->p, pred->len);
	const char *name = class_names[cls];

	if ((cls == CLS_EXACT || cls == CLS_WRONG_BOUNDS) && !same)
		die_at(s->in.name, s->in.lineno, "class '%s' needs equal "
		    "gold_type and pred_type, found '%.*s' and '%.*s'", name,
		    (int)gold->len, gold->p, (int)pred->len, pred->p);
	if ((cls == CLS_WRONG_TYPE || cls == CLS_WRONG_BOTH) && same)
		die_at(s->in.name, s->in.lineno, "class '%s' needs different "
		    "gold_type and pred_type, both are '%.*s'", name,
		    (int)gold->len, gold->p);
	if (cls == CLS_MISSED && pred->len > 0)
		die_at(s->in.name, s->in.lineno, "class 'missed' needs an "
		    "empty pred_type, found '%.*s'", (int)pred->len, pred->p);
	if (cls == CLS_SPURIOUS && gold->len > 0)
		die_at(s->in.name, s->in.lineno, "class 'spurious' needs an "
		    "empty gold_type, found '%.*s'", (int)gold->len, gold->p);
}

/*
 * Return whether the types suit the class, as check_types() checks them.
 * The classes of pairs whose types must differ (wrong-type, wrong-both)
 * are odd, and those whose types must be equal (exact, wrong-bounds) even.
 */
static inline bool
types_fit(int cls, const struct field *gold, const struct field *pred)
{
	if (cls == CLS_MISSED)
		return pred->len == 0;
	if (cls == CLS_SPURIOUS)
		return gold->len == 0;
	return bytes_equal(gold->p, gold->len, pred->p, pred->len) !=
	    (cls & 1);
}

/*
 * A pair's class must agree with its offsets: the same boundaries for
 * exact and wrong-type, other but overlapping ones for wrong-bounds and
 * wrong-both.  Otherwise the stream was edited or damaged, and scoring it
 * would print numbers nobody computed.
 */
static void
check_offsets(const struct stream *s, int cls, const struct cols *c)
{
	const struct field *f = s->fs.f;
	uint64_t gs, ge, ps, pe;
	bool same, overlap;

	if (cls >= CLS_MISSED || c->gstart < 0 || c->gend < 0 ||
	    c->pstart < 0 || c->pend < 0)
		return;
	gs = field_u64(s, &f[c->gstart], "gold_start");
	ge = field_u64(s, &f[c->gend], "gold_end");
	ps = field_u64(s, &f[c->pstart], "pred_start");
	pe = field_u64(s, &f[c->pend], "pred_end");
	same = gs == ps && ge == pe;
	overlap = (gs > ps ? gs : ps) < (ge < pe ? ge : pe);
	if ((cls == CLS_EXACT || cls == CLS_WRONG_TYPE) && !same)
		die_at(s->in.name, s->in.lineno, "a %s record needs equal "
		    "gold and predicted offsets", class_names[cls]);
	if ((cls == CLS_WRONG_BOUNDS || cls == CLS_WRONG_BOTH) &&
	    (same || !overlap))
		die_at(s->in.name, s->in.lineno, "a %s record needs other "
		    "but overlapping gold and predicted offsets",
		    class_names[cls]);
}

static void
read_match(struct counts *into, struct stream *s, const struct cols *c,
    const struct tally *t)
{
	const struct field *f = s->fs.f;
	int cls = class_parse(f[c->class].p, f[c->class].len);
	uint32_t gold = TYPE_NONE, pred = TYPE_NONE;

	if (cls < 0)
		die_at(s->in.name, s->in.lineno, "unknown class '%.*s'",
		    (int)f[c->class].len, f[c->class].p);
	if (!types_fit(cls, &f[c->gold], &f[c->pred]))
		check_types(s, cls, &f[c->gold], &f[c->pred]);
	check_offsets(s, cls, c);
	if (cls != CLS_SPURIOUS)
		gold = intern_field(&f[c->gold]);
	if (cls != CLS_MISSED)
		pred = intern_field(&f[c->pred]);
	counts_add(into, gold, pred, (uint32_t)cls, 1);
	if (t->on_match != NULL)
		t->on_match(t->arg, s, (uint32_t)cls, gold, pred);
}

/*
 * Close the unit of a #unit line, whose records are in t->unit, or in
 * t->total when direct is set.
 */
static void
read_unit(struct tally *t, struct stream *s, bool direct)
{
	const struct field *f = s->fs.f;

	if (!t->doc_open || !key_is(&t->doc_key, &f[1]))
		open_doc(t, f[1].p, f[1].len);
	if (direct) {
		t->total.units = add_u64(t->total.units, 1);
		counts_add_tokens(&t->total, &s->tok);
		return;
	}
	key_set(&t->unit_key, f[2].p, f[2].len);
	t->unit.units = 1;
	counts_add_tokens(&t->unit, &s->tok);
	close_unit(t);
}

/*
 * Without a callback for units or documents, nothing looks at the counts
 * of one unit or document, so the records and token totals go straight
 * into t->total.  The merges at the ends of units and documents would add
 * up to the same counts, in the same order of cells.
 */
static void
read_matches(struct tally *t, struct stream *s)
{
	bool direct = t->on_unit == NULL && t->on_doc == NULL;
	struct counts *into = direct ? &t->total : &t->unit;
	struct cols c;
	enum record r;

	c.gstart = stream_column(s, "gold_start");
	c.gend = stream_column(s, "gold_end");
	c.pstart = stream_column(s, "pred_start");
	c.pend = stream_column(s, "pred_end");
	c.class = stream_require(s, "class");
	c.gold = stream_require(s, "gold_type");
	c.pred = stream_require(s, "pred_type");
	t->grain = GRAIN_UNIT;
	while ((r = stream_next(s)) != REC_EOF) {
		const struct field *f = s->fs.f;

		if (r == REC_DATA) {
			read_match(into, s, &c, t);
		} else if (r == REC_DOC) {
			open_doc(t, f[1].p, f[1].len);
			counts_add_tokens(direct ? &t->total : &t->own,
			    &s->tok);
		} else {
			read_unit(t, s, direct);
		}
	}
	close_doc(t);
}

/* The kind of group that the current rows belong to. */
enum group {
	GROUP_NONE,
	GROUP_TOTAL,	/* rows outside documents, within one section */
	GROUP_DOC,	/* rows of a document that belong to no unit */
	GROUP_UNIT
};

/*
 * The state of a count stream reader.  A group whose "units" row comes
 * without a "tokens" row had unknown token counts when it was written.
 */
struct group_state {
	enum group g;
	uint64_t section;
	bool	 units, tokens, correct;	/* rows of the group so far */
	bool	 any_tokens, any_correct;	/* rows of the whole stream */
};

static bool
class_is(const struct field *f, const char *name)
{
	return bytes_equal(f->p, f->len, name, strlen(name));
}

/* Add a units, tokens or tokens-correct row; return false for other rows. */
static bool
read_total_row(struct counts *into, struct stream *s, const struct cols *c,
    struct group_state *st)
{
	const struct field *f = s->fs.f;
	const struct field *cl = &f[c->class];
	uint64_t *to;

	if (class_is(cl, "units")) {
		to = &into->units;
		st->units = true;
	} else if (class_is(cl, "tokens")) {
		to = &into->tokens;
		st->tokens = st->any_tokens = true;
	} else if (class_is(cl, "tokens-correct")) {
		to = &into->correct;
		st->correct = st->any_correct = true;
	} else {
		return false;
	}
	if (f[c->gold].len > 0 || f[c->pred].len > 0)
		die_at(s->in.name, s->in.lineno, "a '%.*s' row needs empty "
		    "gold_type and pred_type", (int)cl->len, cl->p);
	*to = add_u64(*to, field_u64(s, &f[c->count], "count"));
	return true;
}

/* Add one count row to the group's counts. */
static void
read_count(struct counts *into, struct stream *s, const struct cols *c,
    struct group_state *st)
{
	const struct field *f = s->fs.f;
	const struct field *cl = &f[c->class];
	uint32_t gold = TYPE_NONE, pred = TYPE_NONE;
	uint64_t n;
	int cls;

	if (read_total_row(into, s, c, st))
		return;
	cls = class_parse(cl->p, cl->len);
	if (cls < 0)
		die_at(s->in.name, s->in.lineno, "unknown class '%.*s'",
		    (int)cl->len, cl->p);
	if (!types_fit(cls, &f[c->gold], &f[c->pred]))
		check_types(s, cls, &f[c->gold], &f[c->pred]);
	n = field_u64(s, &f[c->count], "count");
	if (cls != CLS_SPURIOUS)
		gold = intern_field(&f[c->gold]);
	if (cls != CLS_MISSED)
		pred = intern_field(&f[c->pred]);
	counts_add(into, gold, pred, (uint32_t)cls, n);
}

static struct counts *
group_counts(struct tally *t, enum group g)
{
	if (g == GROUP_UNIT)
		return &t->unit;
	return g == GROUP_DOC ? &t->own : &t->total;
}

/*
 * Close the current group.  Its tokens-correct rows may not add up to more
 * than its tokens rows: that would print an accuracy above 100%.
 */
static void
close_group(struct tally *t, const struct stream *s, struct group_state *st)
{
	struct counts *c;

	if (st->g == GROUP_NONE)
		return;
	c = group_counts(t, st->g);
	if (st->tokens && st->correct && c->tokens_known && c->correct_known &&
	    c->correct > c->tokens)
		die_at(s->in.name, s->in.lineno, "the count rows before this "
		    "line give %llu tokens-correct but only %llu tokens: the "
		    "stream is damaged; write it again with nerscore --counts",
		    (unsigned long long)c->correct,
		    (unsigned long long)c->tokens);
	if (st->units && !st->tokens)
		c->tokens_known = false;
	if (st->units && !st->correct)
		c->correct_known = false;
	if (st->g == GROUP_UNIT)
		close_unit(t);
	st->g = GROUP_NONE;
	st->units = st->tokens = st->correct = false;
}

static void
note_grain(struct tally *t, enum grain grain)
{
	if (grain > t->grain)
		t->grain = grain;
}

/* Close the current group when the row s starts another; open that one. */
static void
enter_group(struct tally *t, struct stream *s, const struct field *doc,
    const struct field *sent, struct group_state *st)
{
	enum group want = doc->len == 0 ? GROUP_TOTAL :
	    sent->len > 0 ? GROUP_UNIT : GROUP_DOC;
	bool new_section = st->section != s->sections;

	if (want == GROUP_TOTAL) {
		if (st->g != GROUP_TOTAL || new_section) {
			close_group(t, s, st);
			close_doc(t);
		}
		t->total_rows = true;
	} else if (!t->doc_open || new_section || !key_is(&t->doc_key, doc)) {
		close_group(t, s, st);
		open_doc(t, doc->p, doc->len);
	} else if (st->g != want ||
	    (want == GROUP_UNIT && !key_is(&t->unit_key, sent))) {
		close_group(t, s, st);
	}
	if (st->g == GROUP_NONE && want == GROUP_UNIT)
		key_set(&t->unit_key, sent->p, sent->len);
	if (want != GROUP_TOTAL)
		note_grain(t, want == GROUP_UNIT ? GRAIN_UNIT : GRAIN_DOC);
	st->g = want;
	st->section = s->sections;
}

/*
 * Token totals count as known when the stream has token rows and every
 * group that has a "units" row also has token rows, because a writer
 * leaves token rows out for groups whose tokens it did not know.
 */
static void
read_counts(struct tally *t, struct stream *s)
{
	struct cols c;
	struct group_state st;
	enum record r;

	memset(&st, 0, sizeof st);
	st.section = s->sections;
	c.doc = stream_require(s, "doc");
	c.sent = stream_require(s, "sent");
	c.class = stream_require(s, "class");
	c.gold = stream_require(s, "gold_type");
	c.pred = stream_require(s, "pred_type");
	c.count = stream_require(s, "count");
	while ((r = stream_next(s)) != REC_EOF) {
		const struct field *f = s->fs.f;

		if (r != REC_DATA)
			die_at(s->in.name, s->in.lineno, "#doc and #unit "
			    "lines do not belong in a count stream");
		if (f[c.doc].len == 0 && f[c.sent].len > 0)
			die_at(s->in.name, s->in.lineno, "count row has a "
			    "sent but no doc");
		enter_group(t, s, &f[c.doc], &f[c.sent], &st);
		read_count(group_counts(t, st.g), s, &c, &st);
	}
	close_group(t, s, &st);
	close_doc(t);
	t->total.tokens_known = t->total.tokens_known && st.any_tokens;
	t->total.correct_known = t->total.correct_known && st.any_correct;
	if (t->total.tokens_known && t->total.correct_known &&
	    t->total.correct > t->total.tokens)
		die_at(s->in.name, 0, "the count records give %llu tokens with "
		    "correct tags but only %llu tokens",
		    (unsigned long long)t->total.correct,
		    (unsigned long long)t->total.tokens);
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
