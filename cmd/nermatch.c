/*
 * nermatch: read span streams, pair the gold and predicted spans of each
 * unit one to one, and write one match record per pair or unpaired span.
 * With one input, both sides come from it.  With two, the gold spans come
 * from the first and the predicted spans from the second, and their units
 * are paired by key as join(1) pairs lines.  Leans on common/stream (records),
 * common/unitkey (the order of units) and common/align (the pairing).
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "bytes.h"
#include "err.h"
#include "lines.h"
#include "out.h"
#include "stream.h"
#include "unitkey.h"
#include "version.h"

static const char usage_line[] =
    "usage: nermatch [-e] [-l level] [-m share] [file | gold pred]\n";

static const char help_text[] =
    "Pair the gold and predicted spans of each sentence (or document) one\n"
    "to one and write a match record per pair, missed gold span and\n"
    "spurious prediction.  With two files, the gold spans come from the\n"
    "first and the predicted spans from the second.\n"
    "\n"
    "  -e, --errors              write only the records that are not exact\n"
    "                            matches (the error listing)\n"
    "  -l, --level=N             keep only the spans of annotation level N\n"
    "                            (default: all levels together)\n"
    "  -m, --min-overlap=SHARE   pair overlapping spans only when the\n"
    "                            overlap covers at least SHARE of the gold\n"
    "                            span's length, a decimal 0 < SHARE <= 1\n"
    "                            (default: any overlap)\n"
    "  -h, --help                print this help and exit\n"
    "  -V, --version             print the version and exit\n"
    "\n"
    "Examples:\n"
    "  nerspan test.conll | nermatch | nerscore\n"
    "  nerspan test.conll | nermatch --errors | less -S\n"
    "  nermatch gold.spans pred.spans | nerscore\n";

struct options {
	bool	 errors_only;
	uint64_t level;		/* 0: every level */
	struct align_opts align;
};

/* A span of a unit; strings are offsets into the unit's arena. */
struct uspan {
	struct aspan a;
	size_t	 type, source, sourcelen, text, textlen;
};

struct side {
	struct uspan *v;
	size_t	 n, cap;
};

struct unit {
	char	*arena;
	size_t	 used, cap;
	struct side gold, pred;
	size_t	 doc, doclen, sent, sentlen;
	bool	 keyed;
};

/* Column indices of an input stream; -1 for an optional one it lacks. */
struct columns {
	int	 doc, sent, side, start, end, type, level, source, text;
};

enum { KEEP_GOLD = 1, KEEP_PRED = 2, KEEP_BOTH = 3 };

/* The line a reader stopped at: a #doc line, a #unit line or the end. */
enum event { EV_END, EV_DOC, EV_UNIT };

struct reader {
	struct stream s;
	struct columns col;
	int	 keep;		/* the sides whose spans are kept */
	bool	 ordered;	/* check that units come in key order */
	struct unit u;		/* the spans of the unit being read */
	enum event ev;
	struct tokens tok;	/* of the #doc or #unit line */
	uint64_t line;		/* of the #doc or #unit line */
	char	*doc;		/* the document of a #doc line */
	size_t	 doclen, doccap;
	uint64_t sent;		/* the unit number, when ordered */
	char	*prev;		/* the key of the last event, when ordered */
	size_t	 prevlen, prevcap;
	enum event prevev;
	uint64_t prevsent;
	uint64_t kept, other;	/* spans of the kept sides and of the others */
	uint64_t offlevel;	/* spans of levels other than --level */
	uint64_t toplevel;	/* the highest level of those */
};

/* A record to write: a pair, or one span with no partner. */
struct outrec {
	size_t	 g, p;		/* indices, or ALIGN_NONE */
	uint64_t pos, end;
};

struct matcher {
	struct align_work *work;
	struct aspan *ga, *pa;
	size_t	 gacap, pacap;
	struct outrec *recs;	/* reccap records, then reccap to merge into */
	size_t	 reccap;
};

static struct options opt;

static noreturn void
usage(void)
{
	fputs(usage_line, stderr);
	exit(EXIT_USAGE);
}

/*
 * Read a share such as 0.5, .25 or 1 exactly, as num / 10^decimals, so
 * that an overlap of exactly that share of the gold span is enough.
 */
static void
parse_share(const char *arg)
{
	uint64_t num = 0, den = 1;
	const char *p = arg;
	bool digits = false;

	for (; *p >= '0' && *p <= '9'; p++, digits = true)
		if ((num = num * 10 + (uint64_t)(*p - '0')) > 1)
			break;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9' && den <= 100000000;
		    p++, digits = true) {
			num = num * 10 + (uint64_t)(*p - '0');
			den *= 10;
		}
	if (*p != '\0' || !digits || num == 0 || num > den)
		die(EXIT_USAGE, "invalid --min-overlap '%s': expected a "
		    "decimal share of the gold span, 0 < SHARE <= 1, with at "
		    "most 9 decimals", arg);
	opt.align.min_num = num;
	opt.align.min_den = den;
}

static uint64_t
parse_level(const char *arg)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno != 0 || *end != '\0' || end == arg || v == 0 ||
	    arg[0] == '-' || arg[0] == '+')
		die(EXIT_USAGE, "invalid --level '%s': expected a level number, "
		    "1 for the first tag column", arg);
	return v;
}

static void
parse_options(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "errors", no_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ "level", required_argument, NULL, 'l' },
		{ "min-overlap", required_argument, NULL, 'm' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "ehl:m:V", longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			opt.errors_only = true;
			break;
		case 'h':
			out_str(usage_line);
			out_str(help_text);
			exit(out_finish(0));
		case 'l':
			opt.level = parse_level(optarg);
			break;
		case 'm':
			parse_share(optarg);
			break;
		case 'V':
			out_str("nermatch (nertools) " NERTOOLS_VERSION "\n");
			exit(out_finish(0));
		default:
			usage();
		}
	}
	if (argc - optind > 2)
		usage();
	if (argc - optind == 2 && strcmp(argv[optind], "-") == 0 &&
	    strcmp(argv[optind + 1], "-") == 0)
		die(EXIT_USAGE, "the gold and the predicted stream cannot both "
		    "be standard input; give one of them as a file, or give "
		    "one stream that holds both sides");
}

/*
 * Make room for len more bytes in the unit's arena, and keep ARENA_PAD
 * zeroed bytes after its end, so that put_padded() reads defined bytes.
 */
#define ARENA_PAD 16

static void
arena_grow(struct unit *u, size_t len)
{
	while (u->cap == 0 || len > u->cap - u->used)
		u->cap = u->cap ? u->cap * 2 : 4096;
	u->arena = xrealloc(u->arena, u->cap + ARENA_PAD);
	memset(u->arena + u->cap, 0, ARENA_PAD);
}

/* Copy p[0..len) into the unit's arena and return its offset there. */
static inline size_t
arena_copy(struct unit *u, const char *p, size_t len)
{
	size_t off = u->used;

	/* An empty string allocates too, so arena + off is never NULL + 0. */
	if (u->arena == NULL || len > u->cap - u->used)
		arena_grow(u, len);
	if (len == 0)
		return off;
	put_bytes(u->arena + off, p, len);
	u->used += len;
	return off;
}

/*
 * Return the arena offset of field c, or 0 when c is -1, of a record whose
 * bytes were copied to offset line.
 */
static size_t
field_offset(const struct field *f, int c, size_t line)
{
	return c >= 0 ? line + (size_t)(f[c].p - f[0].p) : 0;
}

static bool
field_is(const struct field *f, const char *s)
{
	return bytes_equal(f->p, f->len, s, strlen(s));
}

/*
 * Return true when doc and sent, fields of the current line, are the
 * unit's key.  When both keys are doc, TAB, sent in one piece, as in
 * nerspan's column order and in #unit lines, one comparison does, because
 * neither part contains a TAB.
 */
static bool
key_equal(const struct unit *u, const struct field *doc,
    const struct field *sent)
{
	if (sent->p == doc->p + doc->len + 1 &&
	    u->sent == u->doc + u->doclen + 1)
		return bytes_equal(u->arena + u->doc, u->doclen + 1 + u->sentlen,
		    doc->p, doc->len + 1 + sent->len);
	return bytes_equal(u->arena + u->doc, u->doclen, doc->p, doc->len) &&
	    bytes_equal(u->arena + u->sent, u->sentlen, sent->p, sent->len);
}

/*
 * Keep the unit's key.  doc and sent are fields of one line, next to each
 * other in the usual column order, so one copy of the bytes from the
 * first to the end of the second keeps both.
 */
static void
set_key(struct unit *u, const struct field *doc, const struct field *sent)
{
	const char *from = doc->p < sent->p ? doc->p : sent->p;
	const char *to = doc->p + doc->len > sent->p + sent->len ?
	    doc->p + doc->len : sent->p + sent->len;
	size_t off = arena_copy(u, from, (size_t)(to - from));

	u->doc = off + (size_t)(doc->p - from);
	u->doclen = doc->len;
	u->sent = off + (size_t)(sent->p - from);
	u->sentlen = sent->len;
	u->keyed = true;
}

/* Check that the record belongs to the unit being read. */
static void
check_key(struct reader *r)
{
	const struct field *f = r->s.fs.f;
	const struct field *doc = &f[r->col.doc], *sent = &f[r->col.sent];

	if (!r->u.keyed)
		set_key(&r->u, doc, sent);
	else if (!key_equal(&r->u, doc, sent))
		die_at(r->s.in.name, r->s.in.lineno, "span of document '%.*s' "
		    "unit '%.*s' follows spans of another unit that no #unit "
		    "line closed", (int)doc->len, doc->p, (int)sent->len,
		    sent->p);
}

static int
read_side(const struct reader *r)
{
	const struct field *f = &r->s.fs.f[r->col.side];

	if (field_is(f, "gold"))
		return KEEP_GOLD;
	if (field_is(f, "pred"))
		return KEEP_PRED;
	die_at(r->s.in.name, r->s.in.lineno, "invalid side '%.*s', expected "
	    "gold or pred", (int)f->len, f->p);
}

static struct uspan *
push_span(struct side *side)
{
	if (side->n == side->cap) {
		side->cap = side->cap ? side->cap * 2 : 16;
		side->v = xrealloc(side->v, side->cap * sizeof *side->v);
	}
	return &side->v[side->n++];
}

static void
fill_span(struct reader *r, struct uspan *sp)
{
	const struct field *f = r->s.fs.f, *last = &f[r->s.fs.n - 1];
	struct unit *u = &r->u;
	const struct columns *col = &r->col;
	size_t line;

	sp->a.start = field_u64(&r->s, &f[col->start], "start");
	sp->a.end = field_u64(&r->s, &f[col->end], "end");
	if (sp->a.end <= sp->a.start)
		die_at(r->s.in.name, r->s.in.lineno, "span ends at %llu, not "
		    "after its start %llu", (unsigned long long)sp->a.end,
		    (unsigned long long)sp->a.start);
	/* The fields lie in one line: one copy keeps type, source and text. */
	line = arena_copy(u, f[0].p, (size_t)(last->p + last->len - f[0].p));
	sp->a.typelen = f[col->type].len;
	sp->type = field_offset(f, col->type, line);
	sp->sourcelen = col->source >= 0 ? f[col->source].len : 0;
	sp->source = field_offset(f, col->source, line);
	sp->textlen = col->text >= 0 ? f[col->text].len : 0;
	sp->text = field_offset(f, col->text, line);
}

static void
add_span(struct reader *r)
{
	uint64_t level;
	int side;

	check_key(r);
	side = read_side(r);
	if (opt.level != 0 && (level = field_u64(&r->s,
	    &r->s.fs.f[r->col.level], "level")) != opt.level) {
		r->offlevel += (side & r->keep) != 0;
		if (level > r->toplevel)
			r->toplevel = level;
		return;
	}
	if ((side & r->keep) == 0) {
		r->other++;
		return;
	}
	r->kept++;
	fill_span(r, push_span(side == KEEP_GOLD ? &r->u.gold : &r->u.pred));
}

static void
reset_unit(struct unit *u)
{
	u->used = 0;
	u->gold.n = u->pred.n = 0;
	u->keyed = false;
}

static void
event_doc(const struct reader *r, const char **p, size_t *len)
{
	if (r->ev == EV_DOC) {
		*p = r->doc;
		*len = r->doclen;
	} else {
		*p = r->u.arena + r->u.doc;
		*len = r->u.doclen;
	}
}

/* Order events by document, then #doc before #unit, then unit number. */
static int
event_cmp(const char *adoc, size_t alen, enum event aev, uint64_t asent,
    const char *bdoc, size_t blen, enum event bev, uint64_t bsent)
{
	int c = doc_cmp(adoc, alen, bdoc, blen);

	if (c != 0)
		return c;
	if (aev != bev)
		return aev == EV_DOC ? -1 : 1;
	if (aev == EV_DOC || asent == bsent)
		return 0;
	return asent < bsent ? -1 : 1;
}

/* Name an event's key in a message: "document 'a' unit 3". */
static const char *
describe(char *buf, size_t size, const char *doc, size_t len, enum event ev,
    uint64_t sent)
{
	int n = snprintf(buf, size, "document '%.*s'", len > 60 ? 60 : (int)len,
	    doc);

	if (ev == EV_UNIT && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " unit %llu",
		    (unsigned long long)sent);
	return buf;
}

static noreturn void
die_order(const struct reader *r, const char *doc, size_t len)
{
	char now[100], before[100];

	die_at(r->s.in.name, r->line, "%s comes after %s, but units must be "
	    "in order of document, then unit number (see nermatch(1)): run "
	    "nerspan once over all input files, or sort the records you give "
	    "nerspan -i spans (sorting a span stream itself would scramble "
	    "its header and # lines)", describe(now, sizeof now, doc, len,
	    r->ev, r->sent), describe(before, sizeof before, r->prev,
	    r->prevlen, r->prevev, r->prevsent));
}

/* Check that the reader's event comes after the one before it. */
static void
check_order(struct reader *r)
{
	const char *doc;
	size_t len;

	event_doc(r, &doc, &len);
	if (r->prevev != EV_END && event_cmp(doc, len, r->ev, r->sent,
	    r->prev, r->prevlen, r->prevev, r->prevsent) <= 0)
		die_order(r, doc, len);
	if (len > r->prevcap) {
		r->prevcap = len;
		r->prev = xrealloc(r->prev, len);
	}
	if (len > 0)
		memcpy(r->prev, doc, len);
	r->prevlen = len;
	r->prevev = r->ev;
	r->prevsent = r->sent;
}

static void
on_unit(struct reader *r)
{
	const struct field *f = r->s.fs.f;

	if (r->u.keyed && !key_equal(&r->u, &f[1], &f[2]))
		die_at(r->s.in.name, r->s.in.lineno, "#unit line names another "
		    "unit than the spans before it");
	if (!r->u.keyed)
		set_key(&r->u, &f[1], &f[2]);
	if (r->ordered)
		r->sent = field_u64(&r->s, &f[2], "unit number");
}

static void
on_doc(struct reader *r)
{
	const struct field *f = r->s.fs.f;

	if (r->u.keyed)
		die_at(r->s.in.name, r->s.in.lineno, "#doc line inside a unit: "
		    "the spans before it have no #unit line");
	if (f[1].len > r->doccap) {
		r->doccap = f[1].len;
		r->doc = xrealloc(r->doc, r->doccap);
	}
	if (f[1].len > 0)
		memcpy(r->doc, f[1].p, f[1].len);
	r->doclen = f[1].len;
}

/* Read up to the next #doc or #unit line, or to the end. */
static void
next_event(struct reader *r)
{
	enum record rec;

	reset_unit(&r->u);
	while ((rec = stream_next(&r->s)) == REC_DATA)
		add_span(r);
	if (rec == REC_UNIT)
		r->ev = EV_UNIT;
	else if (rec == REC_DOC)
		r->ev = EV_DOC;
	else
		r->ev = EV_END;
	r->tok = r->s.tok;
	r->line = r->s.in.lineno;
	if (rec == REC_UNIT)
		on_unit(r);
	else if (rec == REC_DOC)
		on_doc(r);
	else if (r->u.keyed)
		die_at(r->s.in.name, 0, "the last spans have no #unit line");
	if (r->ordered && r->ev != EV_END)
		check_order(r);
}

static void
open_reader(struct reader *r, const char *path, int keep, bool ordered)
{
	memset(r, 0, sizeof *r);
	if (stream_open(&r->s, path, STREAM_SPANS) != 0)
		die(EXIT_DATA, "%s: %s", path, strerror(errno));
	r->keep = keep;
	r->ordered = ordered;
	r->prevev = EV_END;
	r->col.doc = stream_require(&r->s, "doc");
	r->col.sent = stream_require(&r->s, "sent");
	r->col.side = stream_require(&r->s, "side");
	r->col.start = stream_require(&r->s, "start");
	r->col.end = stream_require(&r->s, "end");
	r->col.type = stream_require(&r->s, "type");
	r->col.level = stream_column(&r->s, "level");
	r->col.source = stream_column(&r->s, "source");
	r->col.text = stream_column(&r->s, "text");
	if (opt.level != 0 && r->col.level < 0)
		die_at(r->s.in.name, 1, "the header has no 'level' column, "
		    "which --level needs");
}

static void
close_reader(struct reader *r)
{
	if (r->s.incomplete != NULL)
		writer_incomplete(r->s.incomplete);
	stream_close(&r->s);
	free(r->u.arena);
	free(r->u.gold.v);
	free(r->u.pred.v);
	free(r->doc);
	free(r->prev);
}

/* The class of a record.  class_names has its text in the stream. */
enum match_class {
	CLASS_EXACT, CLASS_WRONG_TYPE, CLASS_WRONG_BOUNDS, CLASS_WRONG_BOTH,
	CLASS_MISSED, CLASS_SPURIOUS
};

static const struct field class_names[] = {
	{ "exact", 5 }, { "wrong-type", 10 }, { "wrong-bounds", 12 },
	{ "wrong-both", 10 }, { "missed", 6 }, { "spurious", 8 }
};

static enum match_class
classify(const struct unit *gu, const struct uspan *g, const struct unit *pu,
    const struct uspan *p)
{
	bool bounds, type;

	if (g == NULL)
		return CLASS_SPURIOUS;
	if (p == NULL)
		return CLASS_MISSED;
	bounds = g->a.start == p->a.start && g->a.end == p->a.end;
	type = bytes_equal(gu->arena + g->type, g->a.typelen,
	    pu->arena + p->type, p->a.typelen);
	if (bounds)
		return type ? CLASS_EXACT : CLASS_WRONG_TYPE;
	return type ? CLASS_WRONG_BOUNDS : CLASS_WRONG_BOTH;
}

static int
outrec_cmp(const void *x, const void *y)
{
	const struct outrec *a = x, *b = y;

	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	if ((a->g == ALIGN_NONE) != (b->g == ALIGN_NONE))
		return a->g == ALIGN_NONE ? 1 : -1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	if (a->g != b->g)
		return a->g < b->g ? -1 : 1;
	return a->p < b->p ? -1 : a->p > b->p;
}

static bool
recs_sorted(const struct outrec *r, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (outrec_cmp(&r[i - 1], &r[i]) > 0)
			return false;
	return true;
}

/*
 * Sort the n records of m->recs: the first ng, one per gold span, and
 * then the spurious ones.  Each part is in order when the spans of each
 * side are, as nerspan writes one level, so merging the two parts usually
 * replaces qsort().  The result is the same, because no two records
 * compare equal: each has its own gold or predicted index.
 */
static void
sort_recs(struct matcher *m, size_t n, size_t ng)
{
	const struct outrec *a, *b;
	struct outrec *to;
	size_t i = 0, j = 0, k;

	/* A unit without spans may have no array: no NULL + 0 below. */
	if (n < 2)
		return;
	a = m->recs;
	b = m->recs + ng;
	to = m->recs + m->reccap;
	if (!recs_sorted(a, ng) || !recs_sorted(b, n - ng)) {
		qsort(m->recs, n, sizeof *m->recs, outrec_cmp);
		return;
	}
	if (ng == 0 || ng == n || outrec_cmp(&a[ng - 1], &b[0]) < 0)
		return;
	for (k = 0; k < n; k++) {
		if (j == n - ng || (i < ng && outrec_cmp(&a[i], &b[j]) < 0))
			to[k] = a[i++];
		else
			to[k] = b[j++];
	}
	memcpy(m->recs, to, n * sizeof *m->recs);
}

/*
 * Return a bound on the length of a record: its strings, 12 TABs and
 * newline bytes, the maximum digits of 4 offsets, and the 16 bytes that
 * put_padded() may store past its end.  "wrong-bounds", the longest
 * class, has 12 bytes.
 */
static size_t
record_bound(const struct unit *key, const struct uspan *g,
    const struct uspan *p)
{
	size_t n = key->doclen + key->sentlen + 12 + 12 + 4 * OUT_U64_MAX +
	    16;

	if (g != NULL)
		n += g->a.typelen + g->sourcelen + g->textlen;
	if (p != NULL)
		n += p->a.typelen + p->sourcelen + p->textlen;
	return n;
}

static char *
put_type(char *d, const struct unit *u, const struct uspan *sp)
{
	if (sp != NULL)
		d = put_padded(d, u->arena + sp->type, sp->a.typelen);
	return put_char(d, '\t');
}

static char *
put_offsets(char *d, const struct uspan *sp)
{
	if (sp != NULL)
		d = put_u64(d, sp->a.start);
	d = put_char(d, '\t');
	if (sp != NULL)
		d = put_u64(d, sp->a.end);
	return put_char(d, '\t');
}

/*
 * Store the record of write_record() at d, which has room for its
 * record_bound(), and return its end.
 */
static char *
put_record(char *d, const struct unit *key, const struct unit *gu,
    const struct uspan *g, const struct unit *pu, const struct uspan *p,
    const struct field *class)
{
	d = put_padded(d, key->arena + key->doc, key->doclen);
	d = put_char(d, '\t');
	d = put_padded(d, key->arena + key->sent, key->sentlen);
	d = put_char(d, '\t');
	d = put_bytes(d, class->p, class->len);
	d = put_char(d, '\t');
	d = put_type(d, gu, g);
	d = put_type(d, pu, p);
	d = put_offsets(d, g);
	d = put_offsets(d, p);
	if (g != NULL)
		d = put_padded(d, gu->arena + g->source, g->sourcelen);
	else
		d = put_padded(d, pu->arena + p->source, p->sourcelen);
	d = put_char(d, '\t');
	if (g != NULL)
		d = put_padded(d, gu->arena + g->text, g->textlen);
	d = put_char(d, '\t');
	if (p != NULL)
		d = put_padded(d, pu->arena + p->text, p->textlen);
	return put_char(d, '\n');
}

/*
 * Write one record.  gu contains the gold spans and pu the predicted ones,
 * and they are one unit when both sides come from one stream.  The record
 * is stored whole after one check for room (out_begin()).
 */
static void
write_record(const struct unit *key, const struct unit *gu,
    const struct unit *pu, const struct outrec *r)
{
	const struct uspan *g = r->g != ALIGN_NONE ? &gu->gold.v[r->g] : NULL;
	const struct uspan *p = r->p != ALIGN_NONE ? &pu->pred.v[r->p] : NULL;
	enum match_class c = classify(gu, g, pu, p);
	char *d;

	if (opt.errors_only && c == CLASS_EXACT)
		return;
	d = out_begin(record_bound(key, g, p));
	out_end(d, (size_t)(put_record(d, key, gu, g, pu, p,
	    &class_names[c]) - d));
	writer_record_done();
}

/* Copy a side's spans into the array that align_unit reads. */
static struct aspan *
load_side(const struct unit *u, const struct side *side, struct aspan *a,
    size_t *cap)
{
	size_t i;

	if (side->n > *cap) {
		*cap = side->n;
		a = xrealloc(a, *cap * sizeof *a);
	}
	for (i = 0; i < side->n; i++) {
		a[i] = side->v[i].a;
		a[i].type = u->arena + side->v[i].type;
	}
	return a;
}

static void
add_outrec(struct matcher *m, size_t *n, size_t g, size_t p,
    const struct aspan *s)
{
	m->recs[*n].g = g;
	m->recs[*n].p = p;
	m->recs[*n].pos = s->start;
	m->recs[*n].end = s->end;
	(*n)++;
}

/* Pair the gold spans of gu with the predicted spans of pu; write them. */
static void
match_unit(struct matcher *m, const struct reader *at, const struct unit *key,
    const struct unit *gu, const struct unit *pu)
{
	size_t i, n = 0, ng = gu->gold.n, np = pu->pred.n;

	/* Units without spans (37% in the WNUT 2017 sample) need no work. */
	if (ng + np == 0)
		return;
	m->ga = load_side(gu, &gu->gold, m->ga, &m->gacap);
	m->pa = load_side(pu, &pu->pred, m->pa, &m->pacap);
	if (align_unit(m->ga, ng, m->pa, np, &opt.align, m->work) != 0)
		die_at(at->s.in.name, at->line, "the offsets of this unit are "
		    "too large to align; split the unit");
	if (ng + np > m->reccap) {
		m->reccap = ng + np;
		m->recs = xrealloc(m->recs, 2 * m->reccap * sizeof *m->recs);
	}
	for (i = 0; i < ng; i++)
		add_outrec(m, &n, i, m->ga[i].partner, &m->ga[i]);
	for (i = 0; i < np; i++)
		if (m->pa[i].partner == ALIGN_NONE)
			add_outrec(m, &n, ALIGN_NONE, i, &m->pa[i]);
	sort_recs(m, n, ng);
	for (i = 0; i < n; i++)
		write_record(key, gu, pu, &m->recs[i]);
}

static void
check_offsets(const struct unit *u, const struct reader *r)
{
	const struct side *sides[2] = { &u->gold, &u->pred };
	size_t i, k;

	if (!r->tok.known)
		return;
	for (k = 0; k < 2; k++)
		for (i = 0; i < sides[k]->n; i++)
			if (sides[k]->v[i].a.end > r->tok.tokens)
				die_at(r->s.in.name, r->line, "a span of this "
				    "unit ends at token %llu, but the unit has "
				    "%llu tokens",
				    (unsigned long long)sides[k]->v[i].a.end,
				    (unsigned long long)r->tok.tokens);
}

/*
 * Warn when --level kept no span at all but the input has spans of other
 * levels: a level number that no column has gives empty scores.
 */
static void
check_level(const struct reader *a, const struct reader *b)
{
	static const struct reader none;
	uint64_t top, off;

	if (b == NULL)
		b = &none;
	off = a->offlevel + b->offlevel;
	if (opt.level == 0 || a->kept + a->other + b->kept + b->other > 0 ||
	    off == 0)
		return;
	top = a->toplevel > b->toplevel ? a->toplevel : b->toplevel;
	warnx("no span has level %llu, but %llu spans have other levels, up "
	    "to %llu: every entity is left out; check --level",
	    (unsigned long long)opt.level, (unsigned long long)off,
	    (unsigned long long)top);
}

static void
run_one(struct matcher *m, const char *path)
{
	struct reader r;

	open_reader(&r, path, KEEP_BOTH, false);
	for (next_event(&r); r.ev != EV_END; next_event(&r)) {
		const struct unit *u = &r.u;

		if (r.ev == EV_DOC) {
			writer_doc(r.doc, r.doclen, &r.tok);
			continue;
		}
		check_offsets(u, &r);
		match_unit(m, &r, u, u, u);
		writer_unit(u->arena + u->doc, u->doclen, u->arena + u->sent,
		    u->sentlen, &r.tok);
	}
	check_level(&r, NULL);
	close_reader(&r);
}

/*
 * The token count of an event of two streams: the gold stream's, or the
 * predicted one's when the gold stream lacks the event.  The count of
 * tokens whose tags agree is unknown.
 */
static struct tokens
merged_tokens(const struct reader *g, const struct reader *p)
{
	struct tokens t = g != NULL ? g->tok : p->tok;

	if (g != NULL && p != NULL && g->tok.known && p->tok.known &&
	    g->tok.tokens != p->tok.tokens)
		die_at(p->s.in.name, p->line, "%llu tokens here, but %llu at "
		    "%s:%llu: the two streams come from different texts",
		    (unsigned long long)p->tok.tokens,
		    (unsigned long long)g->tok.tokens, g->s.in.name,
		    (unsigned long long)g->line);
	t.correct_known = false;
	t.correct = 0;
	return t;
}

/* Write the event of g, p or both (NULL for a stream that lacks it). */
static void
merge_event(struct matcher *m, struct reader *g, struct reader *p)
{
	static const struct unit empty;
	const struct reader *r = g != NULL ? g : p;
	struct tokens t = merged_tokens(g, p);
	const struct unit *key = &r->u;

	if (r->ev == EV_DOC) {
		writer_doc(r->doc, r->doclen, &t);
		return;
	}
	if (g != NULL)
		check_offsets(&g->u, g);
	if (p != NULL)
		check_offsets(&p->u, p);
	match_unit(m, r, key, g != NULL ? &g->u : &empty,
	    p != NULL ? &p->u : &empty);
	writer_unit(key->arena + key->doc, key->doclen,
	    key->arena + key->sent, key->sentlen, &t);
}

static int
reader_cmp(const struct reader *a, const struct reader *b)
{
	const char *adoc, *bdoc;
	size_t alen, blen;

	if (a->ev == EV_END || b->ev == EV_END)
		return (a->ev == EV_END) - (b->ev == EV_END);
	event_doc(a, &adoc, &alen);
	event_doc(b, &bdoc, &blen);
	return event_cmp(adoc, alen, a->ev, a->sent, bdoc, blen, b->ev,
	    b->sent);
}

/* Stop when a stream has spans of the other side only, a likely mix-up. */
static void
check_sides(const struct reader *r, const char *want, const char *other)
{
	if (r->kept == 0 && r->other > 0)
		die_at(r->s.in.name, 0, "no %s spans, but %llu %s spans: the "
		    "%s stream must mark its spans %s (nerspan --side=%s)",
		    want, (unsigned long long)r->other, other, want, want,
		    want);
}

/* The pairing of the units of two streams, to catch streams that never pair. */
struct pairing {
	uint64_t both, alone[2];
	char	 first[2][96];	/* the first unit of each stream alone */
};

/* Count the unit about to be written: in both streams, or in one alone. */
static void
note_unit(struct pairing *pc, int c, const struct reader *g,
    const struct reader *p)
{
	const struct reader *r = c <= 0 ? g : p;
	const char *doc;
	size_t len;
	int i = c > 0;

	if (r->ev != EV_UNIT)
		return;
	if (c == 0) {
		pc->both++;
		return;
	}
	if (pc->alone[i]++ > 0)
		return;
	event_doc(r, &doc, &len);
	describe(pc->first[i], sizeof pc->first[i], doc, len, r->ev, r->sent);
}

/*
 * Stop when the two streams share no unit although both have some: their
 * documents are named apart (brat files gold/a.ann and pred/a.pred.ann),
 * and every gold span would count as missed and every prediction as
 * spurious.
 */
static void
check_pairing(const struct pairing *pc, const char *gpath, const char *ppath)
{
	if (pc->both > 0 || pc->alone[0] == 0 || pc->alone[1] == 0)
		return;
	die(EXIT_DATA, "%s and %s have no unit in common (the first are %s "
	    "and %s): both streams must name their documents alike; for "
	    "brat, give the gold and the predicted .ann files the same "
	    "names", gpath, ppath, pc->first[0], pc->first[1]);
}

static void
run_two(struct matcher *m, const char *gpath, const char *ppath)
{
	struct pairing pc = { 0 };
	struct reader g, p;
	int c;

	open_reader(&g, gpath, KEEP_GOLD, true);
	open_reader(&p, ppath, KEEP_PRED, true);
	next_event(&g);
	next_event(&p);
	while (g.ev != EV_END || p.ev != EV_END) {
		c = reader_cmp(&g, &p);
		note_unit(&pc, c, &g, &p);
		merge_event(m, c <= 0 ? &g : NULL, c >= 0 ? &p : NULL);
		if (c <= 0)
			next_event(&g);
		if (c >= 0)
			next_event(&p);
	}
	check_sides(&g, "gold", "pred");
	check_sides(&p, "pred", "gold");
	check_pairing(&pc, gpath, ppath);
	check_level(&g, &p);
	close_reader(&g);
	close_reader(&p);
}

int
main(int argc, char **argv)
{
	struct matcher m = { 0 };

	err_init(argv[0]);
	parse_options(argc, argv);
	lines_check_operands(argv + optind, argc - optind);

	m.work = align_work_new();
	writer_header(STREAM_MATCHES);
	if (argc - optind == 2)
		run_two(&m, argv[optind], argv[optind + 1]);
	else
		run_one(&m, optind < argc ? argv[optind] : "-");
	if (opt.errors_only)
		writer_incomplete("an error listing (nermatch --errors) leaves "
		    "out the exact matches; score the output of nermatch "
		    "without --errors");
	writer_end();

	align_work_free(m.work);
	free(m.ga);
	free(m.pa);
	free(m.recs);
	return out_finish(0);
}
