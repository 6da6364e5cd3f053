/*
 * nermatch: read a span stream, pair the gold and predicted spans of each
 * unit one to one, and write one match record per pair or unpaired span.
 * Leans on common/stream (records) and common/align (the pairing).
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
#include "out.h"
#include "stream.h"
#include "version.h"

static const char usage_line[] =
    "usage: nermatch [-e] [-m fraction] [file]\n";

static const char help_text[] =
    "Pair the gold and predicted spans of each sentence (or document) one\n"
    "to one and write a match record per pair, missed gold span and\n"
    "spurious prediction.\n"
    "\n"
    "  -e, --errors              write only the records that are not exact\n"
    "                            matches (the error listing)\n"
    "  -m, --min-overlap=F       pair overlapping spans only when the\n"
    "                            overlap covers at least the share F of the\n"
    "                            gold span, 0 < F <= 1 (default: any overlap)\n"
    "  -h, --help                print this help and exit\n"
    "  -V, --version             print the version and exit\n"
    "\n"
    "Examples:\n"
    "  nerspan test.conll | nermatch | nerscore\n"
    "  nerspan test.conll | nermatch --errors | less -S\n";

struct options {
	bool	 errors_only;
	double	 min_cover;
};

/* A span of the current unit; strings are offsets into the unit's arena. */
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

/* Column indices of the input stream. */
struct columns {
	int	 doc, sent, side, start, end, type, source, text;
};

/* A record to write: a pair, or one span with no partner. */
struct outrec {
	size_t	 g, p;		/* indices, or ALIGN_NONE */
	uint64_t pos, end;
};

static struct options opt;

static noreturn void
usage(void)
{
	fputs(usage_line, stderr);
	exit(EXIT_USAGE);
}

static void
parse_options(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "errors", no_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ "min-overlap", required_argument, NULL, 'm' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	int c;

	while ((c = getopt_long(argc, argv, "ehm:V", longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			opt.errors_only = true;
			break;
		case 'h':
			out_str(usage_line);
			out_str(help_text);
			exit(out_finish(0));
		case 'm':
			errno = 0;
			opt.min_cover = strtod(optarg, &end);
			if (errno != 0 || *end != '\0' || end == optarg ||
			    !(opt.min_cover > 0 && opt.min_cover <= 1))
				die(EXIT_USAGE, "invalid --min-overlap '%s': "
				    "expected a share of the gold span, "
				    "0 < F <= 1", optarg);
			break;
		case 'V':
			out_str("nermatch (nertools) " NERTOOLS_VERSION "\n");
			exit(out_finish(0));
		default:
			usage();
		}
	}
	if (argc - optind > 1)
		usage();
}

static size_t
arena_add(struct unit *u, const struct field *f)
{
	size_t off = u->used;

	if (f->len == 0)
		return off;
	if (f->len > u->cap - u->used) {
		while (f->len > u->cap - u->used)
			u->cap = u->cap ? u->cap * 2 : 4096;
		u->arena = xrealloc(u->arena, u->cap);
	}
	memcpy(u->arena + off, f->p, f->len);
	u->used += f->len;
	return off;
}

static bool
field_is(const struct field *f, const char *s)
{
	size_t n = strlen(s);

	return f->len == n && memcmp(f->p, s, n) == 0;
}

static bool
key_equal(const struct unit *u, const struct field *doc,
    const struct field *sent)
{
	return bytes_equal(u->arena + u->doc, u->doclen, doc->p, doc->len) &&
	    bytes_equal(u->arena + u->sent, u->sentlen, sent->p, sent->len);
}

static void
add_span(struct unit *u, struct stream *s, const struct columns *col)
{
	const struct field *f = s->fs.f;
	struct side *side;
	struct uspan *sp;

	if (!u->keyed) {
		u->doc = arena_add(u, &f[col->doc]);
		u->doclen = f[col->doc].len;
		u->sent = arena_add(u, &f[col->sent]);
		u->sentlen = f[col->sent].len;
		u->keyed = true;
	} else if (!key_equal(u, &f[col->doc], &f[col->sent])) {
		die_at(s->in.name, s->in.lineno, "span of document '%.*s' "
		    "unit '%.*s' follows spans of another unit that no #unit "
		    "line closed", (int)f[col->doc].len, f[col->doc].p,
		    (int)f[col->sent].len, f[col->sent].p);
	}
	if (field_is(&f[col->side], "gold"))
		side = &u->gold;
	else if (field_is(&f[col->side], "pred"))
		side = &u->pred;
	else
		die_at(s->in.name, s->in.lineno, "invalid side '%.*s', "
		    "expected gold or pred", (int)f[col->side].len,
		    f[col->side].p);
	if (side->n == side->cap) {
		side->cap = side->cap ? side->cap * 2 : 16;
		side->v = xrealloc(side->v, side->cap * sizeof *side->v);
	}
	sp = &side->v[side->n++];
	sp->a.start = field_u64(s, &f[col->start], "start");
	sp->a.end = field_u64(s, &f[col->end], "end");
	if (sp->a.end <= sp->a.start)
		die_at(s->in.name, s->in.lineno, "span ends at %llu, not after "
		    "its start %llu", (unsigned long long)sp->a.end,
		    (unsigned long long)sp->a.start);
	sp->a.typelen = f[col->type].len;
	sp->type = arena_add(u, &f[col->type]);
	sp->sourcelen = col->source >= 0 ? f[col->source].len : 0;
	sp->source = col->source >= 0 ? arena_add(u, &f[col->source]) : 0;
	sp->textlen = col->text >= 0 ? f[col->text].len : 0;
	sp->text = col->text >= 0 ? arena_add(u, &f[col->text]) : 0;
}

static const char *
classify(const struct aspan *g, const struct aspan *p)
{
	bool bounds = g->start == p->start && g->end == p->end;
	bool type = bytes_equal(g->type, g->typelen, p->type, p->typelen);

	if (bounds)
		return type ? "exact" : "wrong-type";
	return type ? "wrong-bounds" : "wrong-both";
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

static void
write_side_fields(const struct unit *u, const struct uspan *sp)
{
	if (sp == NULL) {
		out_tab();
		return;
	}
	out_write(u->arena + sp->type, sp->a.typelen);
	out_tab();
}

static void
write_offsets(const struct uspan *sp)
{
	if (sp != NULL)
		out_u64(sp->a.start);
	out_tab();
	if (sp != NULL)
		out_u64(sp->a.end);
	out_tab();
}

static void
write_record(const struct unit *u, const struct outrec *r)
{
	const struct uspan *g = r->g != ALIGN_NONE ? &u->gold.v[r->g] : NULL;
	const struct uspan *p = r->p != ALIGN_NONE ? &u->pred.v[r->p] : NULL;
	const char *class = g == NULL ? "spurious" : p == NULL ? "missed" :
	    classify(&g->a, &p->a);

	if (opt.errors_only && strcmp(class, "exact") == 0)
		return;
	out_write(u->arena + u->doc, u->doclen);
	out_tab();
	out_write(u->arena + u->sent, u->sentlen);
	out_tab();
	out_str(class);
	out_tab();
	write_side_fields(u, g);
	write_side_fields(u, p);
	write_offsets(g);
	write_offsets(p);
	if (g != NULL)
		out_write(u->arena + g->source, g->sourcelen);
	else
		out_write(u->arena + p->source, p->sourcelen);
	out_tab();
	if (g != NULL)
		out_write(u->arena + g->text, g->textlen);
	out_tab();
	if (p != NULL)
		out_write(u->arena + p->text, p->textlen);
	out_nl();
	writer_record_done();
}

static void
fix_pointers(struct unit *u, struct side *side)
{
	size_t i;

	for (i = 0; i < side->n; i++)
		side->v[i].a.type = u->arena + side->v[i].type;
}

/* Pair the spans of the unit in u and write its records in order. */
static void
match_unit(struct unit *u, struct align_work *w, struct outrec **recs,
    size_t *reccap)
{
	struct align_opts ao = { opt.min_cover };
	static struct aspan *ga, *pa;
	static size_t gacap, pacap;
	size_t i, n = 0;

	fix_pointers(u, &u->gold);
	fix_pointers(u, &u->pred);
	if (u->gold.n > gacap) {
		gacap = u->gold.n;
		ga = xrealloc(ga, gacap * sizeof *ga);
	}
	if (u->pred.n > pacap) {
		pacap = u->pred.n;
		pa = xrealloc(pa, pacap * sizeof *pa);
	}
	for (i = 0; i < u->gold.n; i++)
		ga[i] = u->gold.v[i].a;
	for (i = 0; i < u->pred.n; i++)
		pa[i] = u->pred.v[i].a;
	if (align_unit(ga, u->gold.n, pa, u->pred.n, &ao, w) != 0)
		die(EXIT_DATA, "unit too large to align");

	if (u->gold.n + u->pred.n > *reccap) {
		*reccap = u->gold.n + u->pred.n;
		*recs = xrealloc(*recs, *reccap * sizeof **recs);
	}
	for (i = 0; i < u->gold.n; i++) {
		(*recs)[n].g = i;
		(*recs)[n].p = ga[i].partner;
		(*recs)[n].pos = ga[i].start;
		(*recs)[n].end = ga[i].end;
		n++;
	}
	for (i = 0; i < u->pred.n; i++) {
		if (pa[i].partner != ALIGN_NONE)
			continue;
		(*recs)[n].g = ALIGN_NONE;
		(*recs)[n].p = i;
		(*recs)[n].pos = pa[i].start;
		(*recs)[n].end = pa[i].end;
		n++;
	}
	if (n > 1)
		qsort(*recs, n, sizeof **recs, outrec_cmp);
	for (i = 0; i < n; i++)
		write_record(u, &(*recs)[i]);
}

static void
reset_unit(struct unit *u)
{
	u->used = 0;
	u->gold.n = u->pred.n = 0;
	u->keyed = false;
}

static void
check_offsets(const struct unit *u, const struct stream *s)
{
	const struct side *sides[2] = { &u->gold, &u->pred };
	size_t i, k;

	if (!s->tok.known || s->tok.tokens == 0)
		return;
	for (k = 0; k < 2; k++)
		for (i = 0; i < sides[k]->n; i++)
			if (sides[k]->v[i].a.end > s->tok.tokens)
				die_at(s->in.name, s->in.lineno, "a span of "
				    "this unit ends at token %llu, but the "
				    "unit has %llu tokens",
				    (unsigned long long)sides[k]->v[i].a.end,
				    (unsigned long long)s->tok.tokens);
}

static void
run(struct stream *s)
{
	struct columns col;
	struct unit u = { 0 };
	struct align_work *w = align_work_new();
	struct outrec *recs = NULL;
	size_t reccap = 0;
	enum record r;

	col.doc = stream_require(s, "doc");
	col.sent = stream_require(s, "sent");
	col.side = stream_require(s, "side");
	col.start = stream_require(s, "start");
	col.end = stream_require(s, "end");
	col.type = stream_require(s, "type");
	col.source = stream_column(s, "source");
	col.text = stream_column(s, "text");

	while ((r = stream_next(s)) != REC_EOF) {
		const struct field *f = s->fs.f;

		switch (r) {
		case REC_DATA:
			add_span(&u, s, &col);
			break;
		case REC_UNIT:
			if (u.keyed && !key_equal(&u, &f[1], &f[2]))
				die_at(s->in.name, s->in.lineno, "#unit line "
				    "names another unit than the spans before "
				    "it");
			if (!u.keyed) {
				u.doc = arena_add(&u, &f[1]);
				u.doclen = f[1].len;
				u.sent = arena_add(&u, &f[2]);
				u.sentlen = f[2].len;
			}
			check_offsets(&u, s);
			match_unit(&u, w, &recs, &reccap);
			writer_unit(f[1].p, f[1].len, f[2].p, f[2].len,
			    &s->tok);
			reset_unit(&u);
			break;
		case REC_DOC:
			if (u.keyed)
				die_at(s->in.name, s->in.lineno, "#doc line "
				    "inside a unit: the spans before it have "
				    "no #unit line");
			writer_doc(f[1].p, f[1].len, &s->tok);
			break;
		case REC_EOF:
			break;
		}
	}
	if (u.keyed)
		die_at(s->in.name, 0, "the last spans have no #unit line");
	free(recs);
	free(u.arena);
	free(u.gold.v);
	free(u.pred.v);
	align_work_free(w);
}

int
main(int argc, char **argv)
{
	struct stream s;
	const char *path;

	err_init(argv[0]);
	parse_options(argc, argv);

	path = optind < argc ? argv[optind] : "-";
	if (stream_open(&s, path, STREAM_SPANS) != 0)
		die(EXIT_DATA, "%s: %s", path, strerror(errno));
	writer_header(STREAM_MATCHES);
	run(&s);
	if (s.incomplete != NULL)
		writer_incomplete(s.incomplete);
	writer_end();
	stream_close(&s);
	return out_finish(0);
}
