/*
 * nerspan: read token-tagged text (CoNLL columns) and write one span record
 * per gold and predicted entity, in the span stream of nertools(5).
 * Leans on common/conll (reading), common/sentence (decoding under a
 * scheme), common/compat (conlleval.pl's reading) and common/stream.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "compat.h"
#include "conll.h"
#include "err.h"
#include "lines.h"
#include "out.h"
#include "scheme.h"
#include "sentence.h"
#include "sentfast.h"
#include "spanin.h"
#include "stream.h"
#include "typemap.h"
#include "version.h"

static const char usage_line[] =
    "usage: nerspan [-c] [-d delim] [-g columns] [-m map] [-o tag]\n"
    "               [-p columns] [-s scheme] [-t column] [--allow-empty]\n"
    "               [--conlleval]\n"
    "               [--empty-tag=error|outside] [--repair=policy]\n"
    "               [--skip-comments[=files]] [--token-mismatch=count|error]\n"
    "               [--pred-token-column=N] [file ... | --gold=file "
    "--pred=file]\n"
    "       nerspan -i spans [file ...]\n"
    "       nerspan -i brat [--side=gold|pred] file.ann ...\n";

static const char help_text[] =
    "Read CoNLL columns (one token a line, a blank line between sentences)\n"
    "and write one span record per gold and predicted entity.\n"
    "\n"
    "  -c, --check                list every tag sequence the scheme does not\n"
    "                             allow, and the schemes each side is\n"
    "                             consistent with, instead of spans\n"
    "  -d, --delimiter=tab|space|C  how fields are split: each TAB, runs of\n"
    "                             blanks, or each byte C (default: tab if\n"
    "                             the first token line has one, else space)\n"
    "  -g, --gold-column=N[,N...] columns of the gold tags, one per level:\n"
    "                             1 is the first, -1 the last (default -2,\n"
    "                             or -1 of the --gold file)\n"
    "  -i, --input-format=conll|brat|spans  what the input is: CoNLL\n"
    "                             columns (default), brat .ann files, or\n"
    "                             span records with a header line\n"
    "  -m, --map=[gold:|pred:]FROM=TO  rename type FROM to TO (a '*' in\n"
    "                             both stands for any text; an empty TO\n"
    "                             drops the entity); repeatable\n"
    "  -o, --outside=TAG          the tag outside every entity (default O)\n"
    "  -p, --pred-column=N[,N...] columns of the predicted tags (default -1)\n"
    "  -s, --scheme=SCHEME        decode and check by a tagging scheme: iob1,\n"
    "                             iob2 (bio), ioe1, ioe2, iobes (bioes),\n"
    "                             bilou, bmes, bmeow (bmewo), io, raw; the\n"
    "                             default, lenient, reads every prefix\n"
    "  -t, --token-column=N       column of the token text (default 1)\n"
    "      --allow-empty          read an input without token lines (empty\n"
    "                             or blank) as an empty corpus, not an error\n"
    "      --conlleval            read and chunk exactly as conlleval.pl does\n"
    "      --empty-tag=error|outside  an empty tag field is an error\n"
    "                             (default) or reads as outside\n"
    "      --gold=FILE            the gold tags are in FILE ...\n"
    "      --pred=FILE            ... and the predicted tags in FILE, token\n"
    "                             by token\n"
    "      --pred-token-column=N  column of the token in the --pred file\n"
    "                             (default 1)\n"
    "      --side=gold|pred       the side of the entities of -i brat\n"
    "                             (default gold)\n"
    "      --repair=POLICY        what to do with an entity the scheme does\n"
    "                             not allow: begin (keep it as conlleval.pl\n"
    "                             does; default), discard, error\n"
    "      --skip-comments[=gold|pred|both|none]  skip lines that begin\n"
    "                             with '#' in the gold file, the predicted\n"
    "                             file, both (the default) or none\n"
    "      --token-mismatch=count|error  tokens that differ between --gold\n"
    "                             and --pred are counted (default) or stop\n"
    "  -h, --help                 print this help and exit\n"
    "  -V, --version              print the version and exit\n"
    "\n"
    "Examples:\n"
    "  nerspan test.conll | nermatch | nerscore\n"
    "  nerspan -s iob2 --repair=discard test.conll | nermatch | nerscore\n"
    "  nerspan --gold=test.tsv --pred=run.tsv | nermatch | nermatrix\n";

/* Which files --skip-comments applies to; a single file counts as both. */
enum {
	COMMENTS_NONE,
	COMMENTS_GOLD,
	COMMENTS_PRED,
	COMMENTS_BOTH
};

enum {
	OPT_ALLOW_EMPTY = 256,
	OPT_CONLLEVAL,
	OPT_EMPTY_TAG,
	OPT_GOLD,
	OPT_PRED,
	OPT_PRED_TOKEN,
	OPT_REPAIR,
	OPT_SIDE,
	OPT_SKIP_COMMENTS,
	OPT_TOKEN_MISMATCH
};

enum input_format {
	INPUT_CONLL,
	INPUT_BRAT,
	INPUT_SPANS
};

struct columns {
	long	 v[MAX_LEVELS];
	size_t	 n;
};

struct options {
	enum input_format format;
	bool	 side_pred;	/* -i brat: the entities are predictions */
	bool	 side_given;
	struct conll_opts conll;
	struct columns gold, pred;
	long	 token, pred_token;
	bool	 empty_is_outside;
	bool	 mismatch_is_error;
	bool	 allow_empty;	/* an input without tokens is no error */
	int	 comments;	/* files whose '#' lines are skipped */
	const char *gold_path, *pred_path;
	struct decoder dec;
};

/* Reading state: the sentence being read and the token mismatches so far. */
struct position {
	bool	 doc_open;
	bool	 whole;		/* sentences may be read whole (sentfast.c) */
	struct sentfast fast;
	struct sentence s;
	struct ref outside;	/* the outside tag, kept for every sentence */
	uint64_t mismatches;
	uint64_t first_mismatch[2];
};

static struct options opt = {
	.conll = { .delim = DELIM_AUTO },
	.token = 1,
	.pred_token = 1,
};

static noreturn void
usage(void)
{
	fputs(usage_line, stderr);
	exit(EXIT_USAGE);
}

static long
parse_column(const char *arg, const char *end_of, const char *name)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end != end_of || end == arg || v == 0 ||
	    v > 100000 || v < -100000)
		die(EXIT_USAGE, "invalid %s '%s': expected column numbers, 1 "
		    "for the first or -1 for the last, separated by commas",
		    name, arg);
	return v;
}

static void
parse_columns(struct columns *c, const char *arg, const char *name)
{
	const char *p = arg, *comma;

	c->n = 0;
	for (;;) {
		comma = strchr(p, ',');
		if (c->n == MAX_LEVELS)
			die(EXIT_USAGE, "too many %s: at most %d levels", name,
			    MAX_LEVELS);
		c->v[c->n++] = parse_column(p, comma ? comma : p + strlen(p),
		    name);
		if (comma == NULL)
			return;
		p = comma + 1;
	}
}

static void
parse_delim(const char *arg)
{
	if (strcmp(arg, "tab") == 0) {
		opt.conll.delim = DELIM_TAB;
		opt.conll.delimch = '\t';
	} else if (strcmp(arg, "space") == 0) {
		opt.conll.delim = DELIM_SPACE;
		opt.conll.delimch = ' ';
	} else if (strlen(arg) == 1) {
		opt.conll.delim = arg[0] == '\t' ? DELIM_TAB : DELIM_CHAR;
		opt.conll.delimch = arg[0];
	} else {
		die(EXIT_USAGE, "invalid delimiter '%s': expected tab, space "
		    "or a single character", arg);
	}
}

/* Return the index of arg in words, or stop with the words it can be. */
static int
parse_choice(const char *arg, const char *name, const char *const *words)
{
	char list[256] = "";
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(arg, words[i]) == 0)
			return i;
	for (i = 0; words[i] != NULL; i++) {
		if (i > 0)
			strcat(list, words[i + 1] != NULL ? ", " : " or ");
		strcat(list, words[i]);
	}
	die(EXIT_USAGE, "invalid %s '%s': expected %s", name, arg, list);
}

static void
parse_long_option(int c, const char *arg)
{
	static const char *const repairs[] = { "begin", "discard", "error",
	    NULL };
	static const char *const empty[] = { "error", "outside", NULL };
	static const char *const mismatch[] = { "count", "error", NULL };
	static const char *const comment_files[] = { "none", "gold", "pred",
	    "both", NULL };
	static const char *const sides[] = { "gold", "pred", NULL };

	switch (c) {
	case OPT_ALLOW_EMPTY:
		opt.allow_empty = true;
		break;
	case OPT_CONLLEVAL:
		opt.conll.conlleval = true;
		break;
	case OPT_EMPTY_TAG:
		opt.empty_is_outside = parse_choice(arg, "--empty-tag", empty);
		break;
	case OPT_GOLD:
		opt.gold_path = arg;
		break;
	case OPT_PRED:
		opt.pred_path = arg;
		break;
	case OPT_PRED_TOKEN:
		opt.pred_token = parse_column(arg, arg + strlen(arg),
		    "--pred-token-column");
		break;
	case OPT_REPAIR:
		opt.dec.repair = parse_choice(arg, "--repair", repairs);
		break;
	case OPT_SIDE:
		opt.side_pred = parse_choice(arg, "--side", sides);
		opt.side_given = true;
		break;
	case OPT_SKIP_COMMENTS:
		opt.comments = arg == NULL ? COMMENTS_BOTH :
		    parse_choice(arg, "--skip-comments", comment_files);
		break;
	case OPT_TOKEN_MISMATCH:
		opt.mismatch_is_error = parse_choice(arg, "--token-mismatch",
		    mismatch);
		break;
	default:
		usage();
	}
}

static void
parse_option(int c, const char *arg)
{
	static const char *const formats[] = { "conll", "brat", "spans",
	    NULL };
	int sc;

	switch (c) {
	case 'c':
		opt.dec.check = true;
		break;
	case 'd':
		parse_delim(arg);
		break;
	case 'g':
		parse_columns(&opt.gold, arg, "gold columns");
		break;
	case 'i':
		opt.format = parse_choice(arg, "--input-format", formats);
		break;
	case 'm':
		typemap_add(opt.dec.map, arg);
		break;
	case 'o':
		opt.dec.outside = arg;
		opt.dec.outlen = strlen(arg);
		break;
	case 'p':
		parse_columns(&opt.pred, arg, "predicted columns");
		break;
	case 's':
		if ((sc = scheme_parse(arg)) < 0)
			die(EXIT_USAGE, "invalid scheme '%s': expected iob1, "
			    "iob2, ioe1, ioe2, iobes, bilou, bmes, bmeow, io, "
			    "raw or lenient", arg);
		opt.dec.scheme = (enum scheme)sc;
		break;
	case 't':
		opt.token = parse_column(arg, arg + strlen(arg),
		    "token column");
		break;
	default:
		parse_long_option(c, arg);
	}
}

/*
 * Let the reader skip splitting the lines tagged outside on both sides
 * (CONLL_OUTSIDE) when one file contains both tags in the default columns,
 * the last two, one level each, and the token is the first column.  Each
 * of these columns exists in every line once it exists in the first, so
 * skipping the column checks of such a line changes no message.
 */
static void
fast_options(bool paired)
{
	if (paired || opt.conll.conlleval || opt.format != INPUT_CONLL ||
	    opt.token != 1 || opt.gold.n != 1 || opt.gold.v[0] != -2 ||
	    opt.pred.n != 1 || opt.pred.v[0] != -1)
		return;
	opt.conll.outside = opt.dec.outside;
	opt.conll.outlen = opt.dec.outlen;
}

static void
check_options(int nfiles)
{
	bool paired = opt.gold_path != NULL || opt.pred_path != NULL;

	if (opt.side_given && opt.format != INPUT_BRAT)
		die(EXIT_USAGE, "--side applies to -i brat only: span records "
		    "have a side column, CoNLL files both sides");
	if (opt.format != INPUT_CONLL && (paired || opt.dec.check ||
	    opt.conll.conlleval))
		die(EXIT_USAGE, "--gold, --pred, --check and --conlleval read "
		    "CoNLL files, not -i %s", opt.format == INPUT_BRAT ?
		    "brat" : "spans");
	if (paired && (opt.gold_path == NULL || opt.pred_path == NULL))
		die(EXIT_USAGE, "--gold and --pred go together");
	if (paired && nfiles > 0)
		die(EXIT_USAGE, "file arguments and --gold/--pred exclude each "
		    "other");
	if (paired && strcmp(opt.gold_path, "-") == 0 &&
	    strcmp(opt.pred_path, "-") == 0)
		die(EXIT_USAGE, "--gold and --pred cannot both read standard "
		    "input");
	if (!paired && (opt.mismatch_is_error || opt.pred_token != 1))
		die(EXIT_USAGE, "--token-mismatch and --pred-token-column "
		    "compare the tokens of a --pred file; give --gold and "
		    "--pred");
	if (opt.dec.outlen == 0)
		die(EXIT_USAGE, "the outside tag (-o) cannot be empty; use "
		    "--empty-tag=outside to read empty tag fields as outside");
	opt.dec.hint_columns = !paired && opt.gold.n == 0 && opt.pred.n == 0;
	if (opt.conll.conlleval && paired)
		die(EXIT_USAGE, "--conlleval reads one file of token, gold and "
		    "predicted tag, as conlleval.pl does");
	if (opt.conll.conlleval && (opt.gold.n > 0 || opt.pred.n > 0 ||
	    opt.token != 1 || opt.dec.check || opt.dec.repair != REPAIR_BEGIN ||
	    opt.empty_is_outside || opt.comments != COMMENTS_NONE ||
	    typemap_rules(opt.dec.map) > 0 || (opt.dec.scheme != SCHEME_LENIENT &&
	    opt.dec.scheme != SCHEME_RAW)))
		die(EXIT_USAGE, "--conlleval takes the last two fields as "
		    "conlleval.pl does, and no other option than -d, -o and "
		    "-s raw (the script's -r)");
	opt.conll.skip_comments = opt.comments != COMMENTS_NONE;
	if (opt.gold.n == 0) {
		opt.gold.v[0] = paired ? -1 : -2;
		opt.gold.n = 1;
	}
	if (opt.pred.n == 0) {
		opt.pred.v[0] = -1;
		opt.pred.n = 1;
	}
	fast_options(paired);
	/*
	 * Fields split at TABs or at blanks contain no TAB, and the reader
	 * rejects a CR inside a line, so only a delimiter of another byte
	 * lets a token or tag contain a TAB.
	 */
	opt.dec.clean_text = opt.conll.delim == DELIM_AUTO ||
	    opt.conll.delim == DELIM_TAB || opt.conll.delim == DELIM_SPACE;
	if (opt.conll.conlleval && opt.conll.delim == DELIM_AUTO) {
		opt.conll.delim = DELIM_PERL;
		opt.conll.delimch = ' ';
	} else if (opt.conll.conlleval) {
		opt.conll.delim = DELIM_PERL;
	}
}

static void
parse_options(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "allow-empty", no_argument, NULL, OPT_ALLOW_EMPTY },
		{ "check", no_argument, NULL, 'c' },
		{ "conlleval", no_argument, NULL, OPT_CONLLEVAL },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "empty-tag", required_argument, NULL, OPT_EMPTY_TAG },
		{ "gold", required_argument, NULL, OPT_GOLD },
		{ "gold-column", required_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ "input-format", required_argument, NULL, 'i' },
		{ "map", required_argument, NULL, 'm' },
		{ "outside", required_argument, NULL, 'o' },
		{ "pred", required_argument, NULL, OPT_PRED },
		{ "pred-column", required_argument, NULL, 'p' },
		{ "pred-token-column", required_argument, NULL,
		    OPT_PRED_TOKEN },
		{ "repair", required_argument, NULL, OPT_REPAIR },
		{ "scheme", required_argument, NULL, 's' },
		{ "side", required_argument, NULL, OPT_SIDE },
		{ "skip-comments", optional_argument, NULL,
		    OPT_SKIP_COMMENTS },
		{ "token-column", required_argument, NULL, 't' },
		{ "token-mismatch", required_argument, NULL,
		    OPT_TOKEN_MISMATCH },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "cd:g:hi:m:o:p:s:t:V", longopts,
	    NULL)) != -1) {
		if (c == 'h') {
			out_str(usage_line);
			out_str(help_text);
			exit(out_finish(0));
		}
		if (c == 'V') {
			out_str("nerspan (nertools) " NERTOOLS_VERSION "\n");
			exit(out_finish(0));
		}
		if (c == '?')
			usage();
		parse_option(c, optarg);
	}
	check_options(argc - optind);
}

static void
open_doc(struct position *pos, uint64_t tokens, uint64_t correct)
{
	struct tokens t = { tokens, correct, true, true };
	char doc[20];

	opt.dec.doc++;
	opt.dec.sent = 0;
	pos->doc_open = true;
	if (opt.dec.check)
		return;
	writer_doc(doc, fmt_u64(doc, opt.dec.doc), &t);
}

/* Decode the buffered sentence, write its spans and its #unit line. */
static void
end_sentence(struct position *pos)
{
	const struct decoder *d = &opt.dec;
	struct tokens t;

	if (pos->s.n == 0)
		return;
	if (!pos->doc_open)
		open_doc(pos, 0, 0);
	decoder_next_unit(&opt.dec);
	decode_sentence(&opt.dec, &pos->s);
	if (!opt.dec.check) {
		t.tokens = pos->s.ntok;
		t.correct = pos->s.correct;
		t.known = t.correct_known = true;
		writer_unit(d->unit, d->doclen, d->unit + d->doclen + 1,
		    d->unitlen - d->doclen - 2, &t);
	}
	sentence_clear(&pos->s);
}

static void
check_empty(const struct conll_file *f, size_t col, const char *side)
{
	if (opt.empty_is_outside || f->fs.f[col].len > 0)
		return;
	die_at(f->in.name, f->in.lineno, "empty %s tag; use --empty-tag="
	    "outside to read empty tags as %s", side, opt.dec.outside);
}

/* The arena offset of field fp of a line kept at offset base. */
static inline struct ref
ref_of(size_t base, const struct conll_file *f, const struct field *fp)
{
	struct ref r = { base + (size_t)(fp->p - f->line.p), fp->len };

	return r;
}

/* An empty tag field reads as the outside tag, or stops the run. */
static struct ref
empty_tag(struct position *pos, const struct conll_file *f, size_t col,
    const char *side)
{
	check_empty(f, col, side);
	return pos->outside;
}

/*
 * Set the tags of the current line of f, kept at offset base, as slots
 * first.. of token tok.  Inline: it runs twice for every token.
 */
static inline void
add_tags(struct position *pos, size_t tok, const struct conll_file *f,
    size_t base, const struct columns *cols, size_t first, const char *side)
{
	const struct field *fp;
	size_t k, col;

	for (k = 0; k < cols->n; k++) {
		col = conll_column(f, cols->v[k], side);
		fp = &f->fs.f[col];
		sentence_tag(&pos->s, tok, first + k, fp->len > 0 ?
		    ref_of(base, f, fp) : empty_tag(pos, f, col, side));
	}
}

/*
 * Tell whether a -DOCSTART- line counts as a correct token, as in
 * conlleval.pl: when its gold and predicted tags are equal.  In a file
 * of predicted tags alone the line has no tag, so it counts as correct.
 */
static bool
docstart_correct(const struct conll_file *g, const struct conll_file *p)
{
	const struct field *gt = &g->fs.f[conll_column(g, opt.gold.v[0],
	    "gold")];
	const struct field *pt;

	if (g != p && p->nfields == 1)
		return true;
	pt = &p->fs.f[conll_column(p, opt.pred.v[0], "predicted")];
	return bytes_equal(gt->p, gt->len, pt->p, pt->len);
}

static void
note_mismatch(struct position *pos, const struct conll_file *g,
    const struct conll_file *p)
{
	const struct field *gt = &g->fs.f[conll_column(g, opt.token, "token")];
	const struct field *pt = &p->fs.f[conll_column(p, opt.pred_token,
	    "token")];

	if (bytes_equal(gt->p, gt->len, pt->p, pt->len))
		return;
	if (opt.mismatch_is_error)
		die(EXIT_DATA, "%s:%llu: token '%.*s' differs from '%.*s' at "
		    "%s:%llu; drop --token-mismatch=error to only count such "
		    "tokens", g->in.name, (unsigned long long)g->in.lineno,
		    (int)gt->len, gt->p, (int)pt->len, pt->p, p->in.name,
		    (unsigned long long)p->in.lineno);
	if (pos->mismatches++ == 0) {
		pos->first_mismatch[0] = g->in.lineno;
		pos->first_mismatch[1] = p->in.lineno;
	}
}

/* Add the run of lines of the fast path that f read last (CONLL_OUTSIDE). */
static inline void
add_outside(struct position *pos, const struct conll_file *f)
{
	sentence_add_outside(&pos->s, pos->outside, f->in.lineno - f->run + 1,
	    f->run);
}

/* Handle one event read from both files (the same file when not paired). */
static void
take(struct position *pos, enum conll_line k, const struct conll_file *g,
    const struct conll_file *p)
{
	size_t tok, gbase, pbase;

	switch (k) {
	case CONLL_BREAK:
		end_sentence(pos);
		break;
	case CONLL_DOCSTART:
		end_sentence(pos);
		open_doc(pos, 1, docstart_correct(g, p));
		break;
	case CONLL_TOKEN:
		gbase = sentence_keep(&pos->s, g->line.p, g->line.len);
		pbase = g == p ? gbase :
		    sentence_keep(&pos->s, p->line.p, p->line.len);
		tok = sentence_add(&pos->s, ref_of(gbase, g,
		    &g->fs.f[conll_column(g, opt.token, "token")]),
		    g->in.lineno, p->in.lineno);
		add_tags(pos, tok, g, gbase, &opt.gold, 0, "gold");
		add_tags(pos, tok, p, pbase, &opt.pred, opt.gold.n,
		    "predicted");
		sentence_note_correct(&pos->s, tok);
		/* A file of tags alone has no token to compare. */
		if (g != p && (p->nfields > 1 || opt.pred_token != 1))
			note_mismatch(pos, g, p);
		break;
	case CONLL_OUTSIDE:
		add_outside(pos, g);
		break;
	case CONLL_EOF:
		break;
	}
}

/*
 * Read the next sentence whole and write its records, when it is of the
 * commonest kind (conll_sentence(), sentfast.c).  Returns false, having
 * read nothing, for any other sentence.
 */
static bool
whole_sentence(struct position *pos, struct conll_file *f)
{
	struct tokens t;
	const struct decoder *d = &opt.dec;

	if (!conll_sentence(f, &pos->fast.cs) ||
	    !sentfast_decode(&pos->fast, &opt.dec))
		return false;
	if (!pos->doc_open)
		open_doc(pos, 0, 0);
	decoder_next_unit(&opt.dec);
	sentfast_write(&pos->fast, &opt.dec);
	t.tokens = pos->fast.cs.ntok;
	t.correct = pos->fast.correct;
	t.known = t.correct_known = true;
	/* d->unit is "doc TAB sent TAB", in a buffer of 48 bytes. */
	writer_unit_key(d->unit, d->unitlen - 1, &t);
	conll_sentence_take(f, &pos->fast.cs);
	return true;
}

static void
read_single(struct position *pos, struct conll_file *f)
{
	enum conll_line k;

	opt.dec.gold_file = opt.dec.pred_file = f->in.name;
	pos->doc_open = false;
	for (;;) {
		/* Between sentences, try to read the next one whole. */
		if (pos->whole && pos->s.n == 0 && whole_sentence(pos, f))
			continue;
		k = conll_next(f, &opt.conll);
		/* The commonest events first, with one call less. */
		if (k == CONLL_OUTSIDE)
			add_outside(pos, f);
		else if (k == CONLL_BREAK)
			end_sentence(pos);
		else if (k == CONLL_EOF)
			break;
		else
			take(pos, k, f, f);
	}
	end_sentence(pos);
}

static const char *
line_kind(enum conll_line k)
{
	switch (k) {
	case CONLL_TOKEN:
	case CONLL_OUTSIDE:
		return "a token line";
	case CONLL_BREAK:
		return "the end of a sentence";
	case CONLL_DOCSTART:
		return "a -DOCSTART- line";
	default:
		return "the end of the file";
	}
}

/*
 * Describe where file f is for a layout error: its line and what the line
 * is, or the end of the file, which also ends the file's last sentence.
 */
static void
describe_place(char *buf, size_t size, const struct conll_file *f,
    enum conll_line k)
{
	if (f->at_end && (k == CONLL_BREAK || k == CONLL_EOF))
		snprintf(buf, size, "%s has the end of the file (after line "
		    "%llu)", f->in.name, (unsigned long long)f->in.lineno);
	else
		snprintf(buf, size, "%s:%llu has %s", f->in.name,
		    (unsigned long long)f->in.lineno, line_kind(k));
}

static noreturn void
layouts_differ(const struct conll_file *g, enum conll_line kg,
    const struct conll_file *p, enum conll_line kp)
{
	char at_g[1024], at_p[1024];

	describe_place(at_g, sizeof at_g, g, kg);
	describe_place(at_p, sizeof at_p, p, kp);
	die(EXIT_DATA, "sentence layouts differ: %s but %s; both files need "
	    "the same sentences and tokens%s", at_g, at_p,
	    kg == CONLL_DOCSTART || kp == CONLL_DOCSTART ? ", and a "
	    "-DOCSTART- line in one needs a -DOCSTART- line in the other" : "");
}

static void
read_pair(struct position *pos, struct conll_file *g, struct conll_file *p)
{
	enum conll_line kg, kp;

	opt.dec.gold_file = g->in.name;
	opt.dec.pred_file = p->in.name;
	for (;;) {
		kg = conll_next(g, &opt.conll);
		kp = conll_next(p, &opt.conll);
		if (kg != kp)
			layouts_differ(g, kg, p, kp);
		if (kg == CONLL_EOF)
			break;
		take(pos, kg, g, p);
	}
	end_sentence(pos);
	if (pos->mismatches > 0)
		warnx("%llu tokens of %s differ from %s (the first at lines "
		    "%llu and %llu); the spans show the gold tokens",
		    (unsigned long long)pos->mismatches, p->in.name, g->in.name,
		    (unsigned long long)pos->first_mismatch[1],
		    (unsigned long long)pos->first_mismatch[0]);
}

/*
 * Open a file of --gold or --pred.  A --pred file may hold the predicted
 * tags alone, one a line, as many taggers write them.
 */
static void
open_or_die(struct conll_file *f, const char *path, bool skip_comments,
    bool pred)
{
	if (conll_open(f, path, &opt.conll) != 0)
		die(EXIT_DATA, "%s: %s", path, strerror(errno));
	f->skip_comments = skip_comments;
	f->min_fields = pred ? 1 : 2;
	f->fields_meaning = pred ? "the predicted tag" : "token and gold tag";
	if (!pred)
		f->fields_hint = "; only the --pred file may hold its tags "
		    "alone";
}

/*
 * An input with no token line is most likely the output of a program that
 * failed, so it counts as unreadable: scores of the other files alone
 * would look whole.
 */
static const char no_tokens[] = "no token lines (the file is empty or "
    "blank); if a program wrote it, that program failed, and if it is a "
    "shard of a corpus, --allow-empty reads it as empty";

/* Read each file argument; one that cannot be opened is reported, and the
 * others are still read. */
static int
read_files(struct position *pos, int argc, char **argv, char **failed)
{
	struct conll_file f;
	int i, status = 0;

	for (i = optind; i == optind || i < argc; i++) {
		const char *path = i < argc ? argv[i] : "-";

		if (conll_open(&f, path, &opt.conll) != 0) {
			input_failed(path, failed);
			status = EXIT_DATA;
			continue;
		}
		if (opt.conll.conlleval)
			read_compat(&f, &opt.conll, &opt.dec);
		else
			read_single(pos, &f);
		if (f.nfields == 0 && !opt.allow_empty) {
			input_unusable(f.in.name, no_tokens, failed);
			status = EXIT_DATA;
		}
		conll_close(&f);
	}
	return status;
}

int
main(int argc, char **argv)
{
	struct position pos = { 0 };
	struct conll_file g, p;
	char *failed = NULL;
	int status = 0;

	err_init(argv[0]);
	decoder_init(&opt.dec);
	opt.dec.map = typemap_new();
	parse_options(argc, argv);
	lines_check_operands(argv + optind, argc - optind);
	sentence_init(&pos.s, opt.gold.n, opt.pred.n);
	pos.outside = sentence_keep_fixed(&pos.s, opt.dec.outside,
	    opt.dec.outlen);
	/* Read sentences whole where the reader's fast paths are on. */
	pos.whole = opt.conll.outside != NULL && !opt.dec.check &&
	    opt.dec.scheme == SCHEME_LENIENT;

	if (!opt.dec.check)
		writer_header(STREAM_SPANS);
	if (opt.format == INPUT_BRAT) {
		status = brat_run(argv + optind, argc - optind, opt.side_pred,
		    &failed);
	} else if (opt.format == INPUT_SPANS) {
		status = spanin_run(argv + optind, argc - optind, &failed);
	} else if (opt.gold_path != NULL) {
		open_or_die(&g, opt.gold_path, opt.comments == COMMENTS_GOLD ||
		    opt.comments == COMMENTS_BOTH, false);
		open_or_die(&p, opt.pred_path, opt.comments == COMMENTS_PRED ||
		    opt.comments == COMMENTS_BOTH, true);
		read_pair(&pos, &g, &p);
		if (g.nfields == 0 && !opt.allow_empty)
			die_at(g.in.name, 0, "%s", no_tokens);
		conll_close(&g);
		conll_close(&p);
	} else {
		status = read_files(&pos, argc, argv, &failed);
	}
	decoder_report(&opt.dec, opt.gold.n, opt.pred.n);
	if (!opt.dec.check && failed != NULL)
		writer_incomplete(failed);
	if (!opt.dec.check)
		writer_end();
	else if (opt.dec.problems > 0)
		status = EXIT_DATA;

	free(failed);
	sentence_free(&pos.s);
	sentfast_free(&pos.fast);
	typemap_free(opt.dec.map);
	decoder_free(&opt.dec);
	return out_finish(status);
}
