/*
 * nerspan: read token-tagged text (CoNLL columns) and write one span record
 * per gold and predicted entity, in the span stream of nertools(5).
 * Leans on common/lines (input), common/fields (columns), common/tag
 * (decoding) and common/stream (output).
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "err.h"
#include "fields.h"
#include "lines.h"
#include "out.h"
#include "spanin.h"
#include "stream.h"
#include "tag.h"
#include "version.h"

static const char usage_line[] =
    "usage: nerspan [-d delim] [-g column] [-o tag] [-p column] "
    "[-t column]\n"
    "               [--empty-tag=error|outside] [file ...]\n"
    "       nerspan -i spans [file ...]\n"
    "       nerspan -i brat [--side=gold|pred] file.ann ...\n";

static const char help_text[] =
    "Read CoNLL columns (one token a line, a blank line between sentences)\n"
    "and write one span record per gold and predicted entity.\n"
    "\n"
    "  -d, --delimiter=tab|space|C  how fields are split: each TAB, runs of\n"
    "                               blanks, or each byte C (default: tab if\n"
    "                               the first token line has one, else space)\n"
    "  -g, --gold-column=N          column of the gold tag: 1 is the first,\n"
    "                               -1 the last (default -2)\n"
    "  -p, --pred-column=N          column of the predicted tag (default -1)\n"
    "  -t, --token-column=N         column of the token text (default 1)\n"
    "  -o, --outside=TAG            the tag outside every entity (default O)\n"
    "      --empty-tag=error|outside  an empty tag field is an error\n"
    "                               (default) or reads as outside\n"
    "  -i, --input-format=conll|brat|spans  what the input is: CoNLL\n"
    "                               columns (default), brat .ann files, or\n"
    "                               span records with a header line\n"
    "      --side=gold|pred         the side of the entities of -i brat\n"
    "                               (default gold)\n"
    "  -h, --help                   print this help and exit\n"
    "  -V, --version                print the version and exit\n"
    "\n"
    "Examples:\n"
    "  nerspan test.conll | nermatch | nerscore\n"
    "  nerspan -g 3 -p 4 -d tab run.tsv | nermatch | nermatrix\n"
    "  nermatch <(nerspan -i brat gold/*.ann) \\\n"
    "      <(nerspan -i brat --side=pred pred/*.ann) | nerscore\n";

enum input_format { INPUT_CONLL, INPUT_BRAT, INPUT_SPANS };

struct options {
	enum input_format format;
	bool	 side_pred;	/* -i brat: the entities are predictions */
	bool	 side_given;
	enum delim delim;
	char	 delimch;
	long	 goldcol;
	long	 predcol;
	long	 tokencol;
	const char *outside;
	size_t	 outlen;
	bool	 empty_is_outside;
};

/* One token line, its text and tags kept as offsets into the arena. */
struct tok {
	size_t	 text, textlen;
	size_t	 gold, goldlen;
	size_t	 pred, predlen;
	uint64_t line;
};

struct sentence {
	char	*arena;
	size_t	 used, cap;
	struct tok *tok;
	size_t	 n, ncap;
	struct tag *tags;
	size_t	 tagcap;
	struct spans spans;
};

/* Document and sentence numbering across all inputs of one run. */
struct position {
	uint64_t doc;
	uint64_t sent;
	bool	 doc_open;
};

static struct options opt = {
	.delim = DELIM_AUTO,
	.goldcol = -2,
	.predcol = -1,
	.tokencol = 1,
	.outside = "O",
	.outlen = 1,
};

static noreturn void
usage(void)
{
	fputs(usage_line, stderr);
	exit(EXIT_USAGE);
}

static long
parse_column(const char *arg, const char *name)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || *end != '\0' || end == arg || v == 0 ||
	    v > 100000 || v < -100000)
		die(EXIT_USAGE, "invalid %s '%s': expected a column number, "
		    "1 for the first or -1 for the last", name, arg);
	return v;
}

static void
parse_delim(const char *arg)
{
	if (strcmp(arg, "tab") == 0) {
		opt.delim = DELIM_TAB;
	} else if (strcmp(arg, "space") == 0) {
		opt.delim = DELIM_SPACE;
	} else if (strlen(arg) == 1) {
		opt.delim = arg[0] == '\t' ? DELIM_TAB : DELIM_CHAR;
		opt.delimch = arg[0];
	} else {
		die(EXIT_USAGE, "invalid delimiter '%s': expected tab, space "
		    "or a single character", arg);
	}
}

static void
parse_format(const char *arg)
{
	if (strcmp(arg, "conll") == 0)
		opt.format = INPUT_CONLL;
	else if (strcmp(arg, "brat") == 0)
		opt.format = INPUT_BRAT;
	else if (strcmp(arg, "spans") == 0)
		opt.format = INPUT_SPANS;
	else
		die(EXIT_USAGE, "invalid --input-format '%s': expected conll, "
		    "brat or spans", arg);
}

static void
parse_side_option(const char *arg)
{
	if (strcmp(arg, "gold") == 0)
		opt.side_pred = false;
	else if (strcmp(arg, "pred") == 0)
		opt.side_pred = true;
	else
		die(EXIT_USAGE, "invalid --side '%s': expected gold or pred",
		    arg);
	opt.side_given = true;
}

static void
parse_options(int argc, char **argv)
{
	enum { OPT_EMPTY_TAG = 256, OPT_SIDE };
	static const struct option longopts[] = {
		{ "delimiter", required_argument, NULL, 'd' },
		{ "empty-tag", required_argument, NULL, OPT_EMPTY_TAG },
		{ "gold-column", required_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ "input-format", required_argument, NULL, 'i' },
		{ "outside", required_argument, NULL, 'o' },
		{ "pred-column", required_argument, NULL, 'p' },
		{ "side", required_argument, NULL, OPT_SIDE },
		{ "token-column", required_argument, NULL, 't' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "d:g:hi:o:p:t:V", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'd':
			parse_delim(optarg);
			break;
		case 'g':
			opt.goldcol = parse_column(optarg, "gold column");
			break;
		case 'h':
			out_str(usage_line);
			out_str(help_text);
			exit(out_finish(0));
		case 'i':
			parse_format(optarg);
			break;
		case 'o':
			opt.outside = optarg;
			opt.outlen = strlen(optarg);
			break;
		case 'p':
			opt.predcol = parse_column(optarg, "predicted column");
			break;
		case 't':
			opt.tokencol = parse_column(optarg, "token column");
			break;
		case 'V':
			out_str("nerspan (nertools) " NERTOOLS_VERSION "\n");
			exit(out_finish(0));
		case OPT_EMPTY_TAG:
			if (strcmp(optarg, "error") == 0)
				opt.empty_is_outside = false;
			else if (strcmp(optarg, "outside") == 0)
				opt.empty_is_outside = true;
			else
				die(EXIT_USAGE, "invalid --empty-tag '%s': "
				    "expected error or outside", optarg);
			break;
		case OPT_SIDE:
			parse_side_option(optarg);
			break;
		default:
			usage();
		}
	}
	if (opt.side_given && opt.format != INPUT_BRAT)
		die(EXIT_USAGE, "--side applies to -i brat only: span records "
		    "have a side column, CoNLL files both sides");
}

static size_t
arena_add(struct sentence *s, const char *p, size_t len)
{
	size_t off = s->used;

	if (len == 0)
		return off;
	if (len > s->cap - s->used) {
		while (len > s->cap - s->used)
			s->cap = s->cap ? s->cap * 2 : 4096;
		s->arena = xrealloc(s->arena, s->cap);
	}
	memcpy(s->arena + off, p, len);
	s->used += len;
	return off;
}

static void
sentence_add(struct sentence *s, const struct field *text,
    const struct field *gold, const struct field *pred, uint64_t line)
{
	struct tok *t;

	if (s->n == s->ncap) {
		s->ncap = s->ncap ? s->ncap * 2 : 64;
		s->tok = xrealloc(s->tok, s->ncap * sizeof *s->tok);
	}
	t = &s->tok[s->n++];
	t->textlen = text->len;
	t->text = arena_add(s, text->p, text->len);
	t->goldlen = gold->len;
	t->gold = arena_add(s, gold->p, gold->len);
	t->predlen = pred->len;
	t->pred = arena_add(s, pred->p, pred->len);
	t->line = line;
}

static void
sentence_free(struct sentence *s)
{
	free(s->arena);
	free(s->tok);
	free(s->tags);
	spans_free(&s->spans);
}

static void
open_doc(struct position *pos, uint64_t tokens, uint64_t correct)
{
	struct tokens t = { tokens, correct, true, true };
	char doc[24];
	int n;

	pos->doc++;
	pos->sent = 0;
	pos->doc_open = true;
	n = snprintf(doc, sizeof doc, "%llu", (unsigned long long)pos->doc);
	writer_doc(doc, (size_t)n, &t);
}

/* Parse the tags of one side into s->tags; reject tags no rule reads. */
static void
parse_side(struct sentence *s, bool gold, const char *file)
{
	size_t i;

	if (s->n > s->tagcap) {
		s->tagcap = s->n;
		s->tags = xrealloc(s->tags, s->tagcap * sizeof *s->tags);
	}
	for (i = 0; i < s->n; i++) {
		const struct tok *t = &s->tok[i];
		const char *p = s->arena + (gold ? t->gold : t->pred);
		size_t len = gold ? t->goldlen : t->predlen;

		if (len == 0 && opt.empty_is_outside) {
			p = opt.outside;
			len = opt.outlen;
		}
		tag_parse(&s->tags[i], p, len, opt.outside, opt.outlen);
		if (s->tags[i].kind == TAG_BAD)
			die_at(file, t->line, "unknown %s tag '%.*s': expected "
			    "%s or a tag with a B-, I-, E-, S-, L-, U- or M- "
			    "prefix", gold ? "gold" : "predicted", (int)len, p,
			    opt.outside);
	}
}

static void
write_span(const struct sentence *s, const struct position *pos,
    const struct span *sp, const char *side, const char *file)
{
	size_t i;

	out_u64(pos->doc);
	out_tab();
	out_u64(pos->sent);
	out_tab();
	out_str(side);
	out_tab();
	out_u64(sp->start);
	out_tab();
	out_u64(sp->end);
	out_tab();
	out_clean(sp->type, sp->typelen);
	out_str("\t1\t");
	out_clean(file, strlen(file));
	out_char(':');
	out_u64(s->tok[sp->start].line);
	out_tab();
	for (i = sp->start; i < sp->end; i++) {
		if (i > sp->start)
			out_char(' ');
		out_clean(s->arena + s->tok[i].text, s->tok[i].textlen);
	}
	out_nl();
	writer_record_done();
}

static void
emit_side(struct sentence *s, const struct position *pos, bool gold,
    const char *file)
{
	size_t i;

	parse_side(s, gold, file);
	s->spans.n = 0;
	decode_lenient(s->tags, s->n, &s->spans);
	for (i = 0; i < s->spans.n; i++)
		write_span(s, pos, &s->spans.v[i], gold ? "gold" : "pred",
		    file);
}

static uint64_t
count_correct(const struct sentence *s)
{
	uint64_t n = 0;
	size_t i;

	for (i = 0; i < s->n; i++) {
		const struct tok *t = &s->tok[i];

		if (bytes_equal(s->arena + t->gold, t->goldlen,
		    s->arena + t->pred, t->predlen))
			n++;
	}
	return n;
}

/* Write the spans of the buffered sentence and its #unit line. */
static void
end_sentence(struct sentence *s, struct position *pos, const char *file)
{
	struct tokens t;
	char doc[24], sent[24];
	int dn, sn;

	if (s->n == 0)
		return;
	if (!pos->doc_open)
		open_doc(pos, 0, 0);
	pos->sent++;
	emit_side(s, pos, true, file);
	emit_side(s, pos, false, file);
	t.tokens = s->n;
	t.correct = count_correct(s);
	t.known = t.correct_known = true;
	dn = snprintf(doc, sizeof doc, "%llu", (unsigned long long)pos->doc);
	sn = snprintf(sent, sizeof sent, "%llu", (unsigned long long)pos->sent);
	writer_unit(doc, (size_t)dn, sent, (size_t)sn, &t);
	s->n = 0;
	s->used = 0;
}

static size_t
resolve_column(long col, size_t nfields, const char *file, uint64_t line,
    const char *what)
{
	long idx = col > 0 ? col - 1 : (long)nfields + col;

	if (idx < 0 || idx >= (long)nfields)
		die_at(file, line, "the %s column %ld does not exist: the "
		    "line has %zu fields", what, col, nfields);
	return (size_t)idx;
}

static bool
is_word(const struct field *f, const char *w)
{
	size_t len = strlen(w);

	return f->len == len && memcmp(f->p, w, len) == 0;
}

/* Layout of one file, fixed by its first token line. */
struct layout {
	enum delim delim;
	size_t	 nfields;
	uint64_t first_line;
	size_t	 gold, pred, token;
};

static void
check_line(struct layout *lay, const struct fields *fs, const char *file,
    uint64_t line)
{
	if (lay->nfields == 0) {
		if (fs->n < 2)
			die_at(file, line, "expected at least 2 fields (gold "
			    "and predicted tag), found %zu", fs->n);
		lay->nfields = fs->n;
		lay->first_line = line;
		lay->gold = resolve_column(opt.goldcol, fs->n, file, line,
		    "gold");
		lay->pred = resolve_column(opt.predcol, fs->n, file, line,
		    "predicted");
		lay->token = resolve_column(opt.tokencol, fs->n, file, line,
		    "token");
		return;
	}
	if (fs->n != lay->nfields)
		die_at(file, line, "found %zu fields, but the first token "
		    "line (line %llu) has %zu: every token line needs the same "
		    "columns", fs->n, (unsigned long long)lay->first_line,
		    lay->nfields);
}

static void
check_empty_tags(const struct layout *lay, const struct fields *fs,
    const char *file, uint64_t line)
{
	if (opt.empty_is_outside)
		return;
	if (fs->f[lay->gold].len == 0 || fs->f[lay->pred].len == 0)
		die_at(file, line, "empty %s tag; use --empty-tag=outside to "
		    "read empty tags as %s", fs->f[lay->gold].len == 0 ?
		    "gold" : "predicted", opt.outside);
}

static void
strip_bom(struct line *l)
{
	if (l->len >= 3 && memcmp(l->p, "\xEF\xBB\xBF", 3) == 0) {
		l->p += 3;
		l->len -= 3;
	}
}

static void
read_file(struct lines *in, struct sentence *s, struct position *pos)
{
	struct fields fs = { 0 };
	struct layout lay = { .delim = opt.delim };
	struct line l;
	const char *file = in->name;

	pos->doc_open = false;
	while (lines_next(in, &l)) {
		line_chomp_cr(&l);
		if (in->lineno == 1)
			strip_bom(&l);
		if (memchr(l.p, '\0', l.len) != NULL)
			die_at(file, in->lineno, "NUL byte in line: is this a "
			    "binary or UTF-16 file? (iconv -f UTF-16 -t UTF-8 "
			    "converts the latter)");
		if (line_is_blank(l.p, l.len)) {
			end_sentence(s, pos, file);
			continue;
		}
		if (lay.delim == DELIM_AUTO)
			lay.delim = memchr(l.p, '\t', l.len) != NULL ?
			    DELIM_TAB : DELIM_SPACE;
		fields_split(&fs, l.p, l.len, lay.delim, opt.delimch);
		check_line(&lay, &fs, file, in->lineno);
		if (is_word(&fs.f[0], "-X-")) {
			end_sentence(s, pos, file);
			continue;
		}
		if (is_word(&fs.f[0], "-DOCSTART-")) {
			const struct field *g = &fs.f[lay.gold];
			const struct field *p = &fs.f[lay.pred];

			end_sentence(s, pos, file);
			open_doc(pos, 1, bytes_equal(g->p, g->len, p->p,
			    p->len));
			continue;
		}
		check_empty_tags(&lay, &fs, file, in->lineno);
		sentence_add(s, &fs.f[lay.token], &fs.f[lay.gold],
		    &fs.f[lay.pred], in->lineno);
	}
	end_sentence(s, pos, file);
	fields_free(&fs);
}

int
main(int argc, char **argv)
{
	struct sentence s = { 0 };
	struct position pos = { 0 };
	struct lines in;
	char *failed = NULL;
	int status = 0;
	int i;

	err_init(argv[0]);
	parse_options(argc, argv);

	writer_header(STREAM_SPANS);
	if (opt.format == INPUT_BRAT)
		status = brat_run(argv + optind, argc - optind, opt.side_pred,
		    &failed);
	else if (opt.format == INPUT_SPANS)
		status = spanin_run(argv + optind, argc - optind, &failed);
	for (i = optind; opt.format == INPUT_CONLL &&
	    (i == optind || i < argc); i++) {
		const char *path = i < argc ? argv[i] : "-";

		if (lines_open(&in, path) != 0) {
			const char *why = strerror(errno);

			warnx("%s: %s", path, why);
			if (failed == NULL) {
				size_t n = strlen(path) + strlen(why) + 40;

				failed = xmalloc(n);
				snprintf(failed, n, "nerspan could not read %s: %s",
				    path, why);
			}
			status = EXIT_DATA;
			continue;
		}
		read_file(&in, &s, &pos);
		lines_close(&in);
	}

	if (failed != NULL)
		writer_incomplete(failed);
	writer_end();
	free(failed);
	sentence_free(&s);
	return out_finish(status);
}
