/*
 * sentence: buffer the tokens of one sentence, then decode each side and
 * level under the declared scheme and write its spans (or, when checking,
 * list the entities that break the scheme).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "err.h"
#include "out.h"
#include "sentence.h"
#include "stream.h"

enum { GOLD, PRED };

static const char *const side_name[2] = { "gold", "pred" };

/* The side column of a span record, with the TAB after it. */
static const char side_tab[2][6] = { "gold\t", "pred\t" };

void
sentence_init(struct sentence *s, size_t ngold, size_t npred)
{
	memset(s, 0, sizeof *s);
	s->ngold = ngold;
	s->npred = npred;
	/* An arena from the start, so arena + off is never NULL + 0. */
	sentence_grow_arena(s, 1);
}

void
sentence_free(struct sentence *s)
{
	free(s->arena);
	free(s->tok);
	free(s->tag);
	memset(s, 0, sizeof *s);
}

/* Make room for len more bytes in the arena. */
void
sentence_grow_arena(struct sentence *s, size_t len)
{
	while (len > s->cap - s->used)
		s->cap = s->cap ? s->cap * 2 : 4096;
	s->arena = xrealloc(s->arena, s->cap);
}

/*
 * Keep p[0..len) for every sentence to come, and return where it is: the
 * tag that most tokens share is kept once, not once a token.  Call it
 * while the sentence is empty.
 */
struct ref
sentence_keep_fixed(struct sentence *s, const char *p, size_t len)
{
	struct ref r;

	r.off = sentence_keep(s, p, len);
	r.len = len;
	s->fixed = s->used;
	return r;
}

/* Make room for more tokens; sentence_add() calls it when full. */
void
sentence_grow(struct sentence *s)
{
	size_t stride = s->ngold + s->npred;

	s->tokcap = s->tokcap ? s->tokcap * 2 : 64;
	s->tok = xrealloc(s->tok, s->tokcap * sizeof *s->tok);
	s->tag = xrealloc(s->tag, s->tokcap * stride * sizeof *s->tag);
}

static const char *
bytes_of(const struct sentence *s, struct ref r)
{
	return s->arena + r.off;
}

void
decoder_init(struct decoder *d)
{
	int side, level, sc;

	memset(d, 0, sizeof *d);
	d->outside = "O";
	d->outlen = 1;
	for (side = 0; side < 2; side++)
		for (level = 0; level < MAX_LEVELS; level++)
			for (sc = 0; sc < NSCHEME; sc++)
				d->consistent[side][level][sc] = true;
}

void
decoder_free(struct decoder *d)
{
	free(d->tags);
	free(d->middle[GOLD]);
	free(d->middle[PRED]);
	spans_free(&d->spans);
}

static uint64_t
line_of(const struct sentence *s, size_t tok, int side)
{
	return side == GOLD ? s->tok[tok].gline : s->tok[tok].pline;
}

static const char *
file_of(const struct decoder *d, int side)
{
	return side == GOLD ? d->gold_file : d->pred_file;
}

/*
 * Make d->middle[side] for a level: the part of a span record that stays
 * the same for every record of the level.  The file name goes in as
 * out_clean() writes it.  The names last as long as the run.
 */
static void
make_middle(struct decoder *d, int side, size_t level)
{
	const char *name = file_of(d, side);
	size_t namelen = strlen(name), len;
	char *p;

	/* 16 bytes more for the whole blocks of decoder_put_head(). */
	if (1 + 20 + 1 + namelen + 1 + 16 > d->middlecap[side]) {
		d->middlecap[side] = 1 + 20 + 1 + namelen + 1 + 16;
		d->middle[side] = xrealloc(d->middle[side], d->middlecap[side]);
	}
	p = d->middle[side];
	len = 0;
	p[len++] = '\t';
	len = (size_t)(put_u64(p + len, level + 1) - p);
	p[len++] = '\t';
	len += clean_copy(p + len, name, namelen);
	p[len++] = ':';
	d->middlelen[side] = len;
	d->middle_level[side] = level;
	d->middle_file[side] = name;
}

static struct ref
tag_ref(const struct sentence *s, size_t tok, int side, size_t level)
{
	size_t slot = side == GOLD ? level : s->ngold + level;

	return s->tag[tok * (s->ngold + s->npred) + slot];
}

/*
 * Copy p[0..len) to dst, as it is when plain is set, else as out_clean()
 * writes it.  Return the end of the copy.
 */
static inline char *
put_text(char *dst, const char *p, size_t len, bool plain)
{
	if (plain)
		copy_bytes(dst, p, len);
	else
		clean_copy(dst, p, len);
	return dst + len;
}

/*
 * Return the room that decoder_put_head() needs.  That is the longest
 * head of a span record, with 20 digits for each of its three numbers,
 * plus 16 bytes for its copies in whole blocks.
 */
size_t
decoder_head_max(const struct decoder *d, int side, size_t typelen)
{
	return d->unitlen + sizeof side_tab[0] - 1 + 21 + 21 + typelen +
	    d->middlelen[side] + 21 + 16;
}

/*
 * Store at p the part of a span record before its tokens: unit, side,
 * offsets, type (as it is when plain is set), level and source line.
 * Call decoder_side_begin() first.  Returns the end.
 */
char *
decoder_put_head(const struct decoder *d, char *p, int side, uint64_t start,
    uint64_t end, const char *type, size_t typelen, bool plain,
    uint64_t line)
{
	/* d->unit ends with the side and its TAB (decoder_side_begin()).
	 * It and d->middle have room for whole blocks of 16 bytes. */
	p = put_padded(p, d->unit, d->unitlen + sizeof side_tab[0] - 1);
	p = put_u64(p, start);
	*p++ = '\t';
	p = put_u64(p, end);
	*p++ = '\t';
	p = put_text(p, type, typelen, plain);
	p = put_padded(p, d->middle[side], d->middlelen[side]);
	p = put_u64(p, line);
	*p++ = '\t';
	return p;
}

/*
 * Write the record of span sp with the given type, which the type map
 * made of sp->type.  The record goes out with one room check in the
 * output buffer, not one per field: a corpus has millions of records.
 */
static void
write_span(const struct decoder *d, const struct sentence *s,
    const struct span *sp, int side, const char *type, size_t typelen)
{
	size_t max = decoder_head_max(d, side, typelen), i;
	char *record, *p;

	for (i = sp->start; i < sp->end; i++)
		max += s->tok[i].text.len + 1;
	record = out_begin(max);
	p = decoder_put_head(d, record, side, s->tok[sp->start].index,
	    s->tok[sp->end - 1].index + 1, type, typelen,
	    d->clean_text && type == sp->type, line_of(s, sp->start, side));
	/* Each token is followed by a space, and the last one by the newline. */
	for (i = sp->start; i < sp->end; i++) {
		p = put_text(p, bytes_of(s, s->tok[i].text), s->tok[i].text.len,
		    d->clean_text);
		*p++ = ' ';
	}
	p[-1] = '\n';
	out_end(record, (size_t)(p - record));
}

/* Make d ready to write the span records of a side and level. */
void
decoder_side_begin(struct decoder *d, int side, size_t level)
{
	if (d->middle[side] == NULL || d->middle_level[side] != level ||
	    d->middle_file[side] != file_of(d, side))
		make_middle(d, side, level);
	memcpy(d->unit + d->unitlen, side_tab[side], sizeof side_tab[0] - 1);
}

/* Write the records of the spans in d->spans, except those the map drops. */
static void
write_spans(struct decoder *d, const struct sentence *s, int side,
    size_t level)
{
	const struct span *sp;
	const char *type;
	size_t typelen, i;
	uint64_t written = 0;

	decoder_side_begin(d, side, level);
	for (i = 0; i < d->spans.n; i++) {
		sp = &d->spans.v[i];
		if (!typemap_apply(d->map, side == GOLD ? MAP_GOLD : MAP_PRED,
		    sp->type, sp->typelen, &type, &typelen))
			continue;
		write_span(d, s, sp, side, type, typelen);
		written++;
	}
	writer_records_done(written);
}

/* Parse the tags of one side and level under scheme sc into d->tags. */
static bool
parse_tags(struct decoder *d, const struct sentence *s, int side,
    size_t level, enum scheme sc, size_t *badtok)
{
	size_t stride = s->ngold + s->npred, i;
	const struct ref *r = &s->tag[side == GOLD ? level : s->ngold + level];
	const char *outside = d->outside;
	size_t outlen = d->outlen;
	struct tag *tags;

	if (s->n > d->tagcap) {
		d->tagcap = s->n;
		d->tags = xrealloc(d->tags, d->tagcap * sizeof *d->tags);
	}
	tags = d->tags;
	for (i = 0; i < s->n; i++, r += stride) {
		/*
		 * Most tags are outside: spare them the full parse.  The
		 * decoders read the kind of an outside tag, and at most the
		 * length of its type, which is 0.
		 */
		if (same_bytes(bytes_of(s, *r), r->len, outside, outlen)) {
			tags[i].kind = TAG_O;
			tags[i].typelen = 0;
			continue;
		}
		if (!scheme_tag(sc, &tags[i], bytes_of(s, *r), r->len,
		    outside, outlen)) {
			*badtok = i;
			return false;
		}
	}
	return true;
}

/* Tell whether a tag has a space at an end, or after its prefix. */
static bool
stray_space(const struct decoder *d, const char *p, size_t len)
{
	const char *hyphen = memchr(p, '-', len);

	if (len > 0 && (p[0] == ' ' || p[len - 1] == ' '))
		return true;
	return d->scheme != SCHEME_RAW && hyphen != NULL &&
	    hyphen + 1 < p + len && hyphen[1] == ' ';
}

/*
 * Suggest a fix for a tag that the scheme rejects, on a line whose token
 * begins with '#' when hash is set.
 */
static const char *
bad_tag_hint(const struct decoder *d, const char *p, size_t len, bool hash)
{
	if (hash)
		return "; if lines that begin with '#' are comments, use "
		    "--skip-comments";
	if (stray_space(d, p, len))
		return "; remove the space at the start or end of the tag or "
		    "after its prefix";
	if (len >= 2 && p[1] == '-' && strchr("biesluwm", p[0]) != NULL)
		return "; prefixes are upper case";
	if (d->hint_columns && d->scheme == SCHEME_LENIENT)
		return "; the tags are the last two fields unless -g and -p say "
		    "otherwise, a file with one tag column needs --gold and "
		    "--pred, and tags with no prefix need -s raw or -s io";
	if (d->scheme == SCHEME_IO)
		return "; io also reads a tag without a hyphen as I-, and "
		    "nerspan -c names the schemes the tags fit";
	if (d->scheme != SCHEME_LENIENT)
		return "; nerspan -c names the schemes the tags fit";
	return "";
}

static void
report_bad_tag(struct decoder *d, const struct sentence *s, int side,
    size_t level, size_t tok)
{
	struct ref r = tag_ref(s, tok, side, level);
	struct ref token = s->tok[tok].text;
	bool hash = token.len > 0 && bytes_of(s, token)[0] == '#';
	const char *how = d->scheme == SCHEME_LENIENT ? "" : " under ";
	char expected[128];

	if (d->scheme == SCHEME_RAW)
		snprintf(expected, sizeof expected, "%s or another tag",
		    d->outside);
	else
		snprintf(expected, sizeof expected, "%s or a tag with %s prefix",
		    d->outside, scheme_prefixes(d->scheme));
	if (!d->check)
		die_at(file_of(d, side), line_of(s, tok, side), "unknown %s "
		    "tag '%.*s': expected %s%s%s%s",
		    side == GOLD ? "gold" : "predicted", (int)r.len,
		    bytes_of(s, r), expected, how,
		    d->scheme == SCHEME_LENIENT ? "" : scheme_names[d->scheme],
		    bad_tag_hint(d, bytes_of(s, r), r.len, hash));
	out_printf("%s:%llu: %s: tag '%.*s' ", file_of(d, side),
	    (unsigned long long)line_of(s, tok, side), side_name[side],
	    (int)r.len, bytes_of(s, r));
	if (stray_space(d, bytes_of(s, r), r.len))
		out_str("has a space at an end or after its prefix\n");
	else
		out_printf("has no prefix %s allows (%s)\n",
		    scheme_names[d->scheme], scheme_prefixes(d->scheme));
	d->problems++;
}

/* Describe an invalid entity: the offending tag, the one before, the rule. */
static void
report_invalid(struct decoder *d, const struct sentence *s, int side,
    size_t level, const struct invalid *bad)
{
	struct ref r = tag_ref(s, bad->token, side, level);
	struct ref before = bad->token > 0 ?
	    tag_ref(s, bad->token - 1, side, level) : r;
	const char *prev = bad->token > 0 ? bytes_of(s, before) : "(start)";
	int prevlen = bad->token > 0 ? (int)before.len : 7;

	if (d->repair == REPAIR_ERROR && !d->check)
		die_at(file_of(d, side), line_of(s, bad->token, side), "invalid "
		    "%s sequence: '%.*s' after '%.*s': %s; --repair=begin or "
		    "--repair=discard goes on", side == GOLD ? "gold" : "predicted",
		    (int)r.len,
		    bytes_of(s, r), prevlen, prev, bad->rule);
	if (!d->check)
		return;
	out_printf("%s:%llu: %s: '%.*s' after '%.*s': %s\n", file_of(d, side),
	    (unsigned long long)line_of(s, bad->token, side), side_name[side],
	    (int)r.len, bytes_of(s, r), prevlen, prev, bad->rule);
	d->problems++;
}

/* Record which schemes this side and level of the sentence is valid under. */
static void
note_consistency(struct decoder *d, const struct sentence *s, int side,
    size_t level)
{
	struct invalid bad;
	size_t tok;
	int sc;

	d->seen[side][level] = true;
	for (sc = SCHEME_IOB1; sc < SCHEME_RAW; sc++) {
		if (!d->consistent[side][level][sc])
			continue;
		d->spans.n = 0;
		if (!parse_tags(d, s, side, level, sc, &tok) ||
		    scheme_decode(sc, d->tags, s->n, REPAIR_BEGIN, &d->spans,
		    &bad, 1) > 0)
			d->consistent[side][level][sc] = false;
	}
}

static void
decode_side(struct decoder *d, const struct sentence *s, int side,
    size_t level)
{
	struct invalid bad[64];
	size_t tok, nbad, i;

	if (d->check)
		note_consistency(d, s, side, level);
	d->spans.n = 0;
	if (!parse_tags(d, s, side, level, d->scheme, &tok)) {
		report_bad_tag(d, s, side, level, tok);
		return;
	}
	nbad = scheme_decode(d->scheme, d->tags, s->n, d->repair, &d->spans,
	    bad, sizeof bad / sizeof bad[0]);
	d->repairs[side] += nbad;
	for (i = 0; i < nbad && i < sizeof bad / sizeof bad[0]; i++)
		report_invalid(d, s, side, level, &bad[i]);
	if (!d->check)
		write_spans(d, s, side, level);
}

/*
 * Set d->sent to the next unit of d->doc and write both numbers into
 * d->unit, once for every record of the unit.
 */
void
decoder_next_unit(struct decoder *d)
{
	char *digit;

	d->sent++;
	/* The next unit of the same document: add 1 to the text in place. */
	if (d->unitlen > 0 && d->unit_doc == d->doc &&
	    d->unit_sent + 1 == d->sent) {
		d->unit_sent = d->sent;
		digit = d->unit + d->unitlen - 2;
		for (; *digit == '9'; digit--)
			*digit = '0';
		if (*digit != '\t') {
			(*digit)++;
			return;
		}
	}
	d->unit_doc = d->doc;
	d->unit_sent = d->sent;
	d->doclen = fmt_u64(d->unit, d->doc);
	d->unit[d->doclen] = '\t';
	d->unitlen = d->doclen + 1;
	d->unitlen += fmt_u64(d->unit + d->unitlen, d->sent);
	d->unit[d->unitlen++] = '\t';
}

/* Decode and write every side and level of s (decoder_next_unit() first). */
void
decode_sentence(struct decoder *d, struct sentence *s)
{
	size_t level;

	/* Outside tags only, as in a third of sentences: nothing to write. */
	if (!d->check && s->nruns == s->n)
		return;
	for (level = 0; level < s->ngold; level++)
		decode_side(d, s, GOLD, level);
	for (level = 0; level < s->npred; level++)
		decode_side(d, s, PRED, level);
}

static void
report_schemes(const struct decoder *d, int side, size_t level,
    size_t nlevels)
{
	int sc, n = 0;

	if (!d->seen[side][level])
		return;
	out_str(side_name[side]);
	if (nlevels > 1)
		out_printf(" level %zu", level + 1);
	out_str(": consistent with");
	for (sc = SCHEME_IOB1; sc < SCHEME_RAW; sc++) {
		if (!d->consistent[side][level][sc])
			continue;
		out_str(n++ ? ", " : " ");
		out_str(scheme_names[sc]);
	}
	out_str(n ? "\n" : " no scheme\n");
}

/*
 * Write the check's summary of schemes, or, after a decoding run, one line
 * to standard error on the invalid entities that the policy handled.
 */
void
decoder_report(const struct decoder *d, size_t ngold, size_t npred)
{
	static const char *const done[] = { "kept as conlleval.pl reads them",
	    "dropped", "" };
	size_t level;

	if (d->check) {
		for (level = 0; level < ngold; level++)
			report_schemes(d, GOLD, level, ngold);
		for (level = 0; level < npred; level++)
			report_schemes(d, PRED, level, npred);
		return;
	}
	if (d->repairs[GOLD] + d->repairs[PRED] == 0)
		return;
	warnx("%s: %llu invalid %s in gold and %llu in predictions, %s "
	    "(--repair=%s)", scheme_names[d->scheme],
	    (unsigned long long)d->repairs[GOLD],
	    d->repairs[GOLD] == 1 ? "entity" : "entities",
	    (unsigned long long)d->repairs[PRED], done[d->repair],
	    d->repair == REPAIR_BEGIN ? "begin" : "discard");
}
