/*
 * nermatrix: read match records (or count records) and write the confusion
 * matrix of gold types against predicted types, with a column of missed
 * gold entities and a row of spurious predictions.  The matrix comes as
 * TSV, a terminal table or an SVG heatmap, or as a list of the most
 * frequent confusions with an example of each.  Leans on common/tally
 * (reading), common/matrix (the cells and views), common/matrix_text and
 * common/svg (the layouts).
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "counts.h"
#include "err.h"
#include "lines.h"
#include "matrix.h"
#include "matrix_text.h"
#include "out.h"
#include "stream.h"
#include "svg.h"
#include "tally.h"
#include "version.h"

static const char usage_line[] =
    "usage: nermatrix [-et] [-f format] [-n none|gold|pred] "
    "[-p exact|overlap]\n"
    "                 [--color=when] [--digits=N] [--max-types=N] "
    "[--top=N]\n"
    "                 [file ...]\n";

static const char help_text[] =
    "Write the confusion matrix of gold types against predicted types, with\n"
    "a (missed) column for gold entities no prediction matches and a\n"
    "(spurious) row for predictions that match no gold entity.  Reads match\n"
    "records (the output of nermatch) or count records.\n"
    "\n"
    "  -f, --format=FORMAT    tsv (default: the wide matrix), long (one line\n"
    "                         per non-zero cell: gold, pred, count, pairs),\n"
    "                         table (aligned, for terminals) or svg (a\n"
    "                         heatmap for browsers)\n"
    "  -p, --pairs=MODE       which gold and predicted entities pair up:\n"
    "                         exact (default: equal boundaries only; any\n"
    "                         other overlap is a miss plus a spurious\n"
    "                         prediction) or overlap (any overlap)\n"
    "  -t, --transpose        put predicted types in rows, gold types in\n"
    "                         columns (default: gold types in rows)\n"
    "  -n, --normalize=AXIS   none (default: counts), gold (each cell over\n"
    "                         its gold type's total: the recall view) or\n"
    "                         pred (over its predicted type's total: the\n"
    "                         precision view)\n"
    "  -e, --errors           blank the diagonal, leaving confusions,\n"
    "                         misses and spurious predictions\n"
    "      --top=N            list the N most frequent confusions, misses\n"
    "                         and spurious predictions instead, each with\n"
    "                         the source line and text of one example;\n"
    "                         needs match records\n"
    "      --color=WHEN       shade the cells of -f table: auto (default:\n"
    "                         when standard output is a terminal and\n"
    "                         NO_COLOR is unset or empty), always or never\n"
    "      --digits=N         decimals of shares, 0 to 17 (default: 4 for\n"
    "                         tsv and long, 2 for table and svg)\n"
    "      --max-types=N      the maximum number of types that tsv, table\n"
    "                         and svg print (default 500); long has no\n"
    "                         limit\n"
    "  -h, --help             print this help and exit\n"
    "  -V, --version          print the version and exit\n"
    "\n"
    "Examples:\n"
    "  nerspan test.conll | nermatch | nermatrix -f table\n"
    "  nerspan test.conll | nermatch | nermatrix -f svg > matrix.svg\n"
    "  nerspan test.conll | nermatch | nermatrix --top 10 -f table\n";

enum format {
	FMT_TSV,
	FMT_LONG,
	FMT_TABLE,
	FMT_SVG
};

static const char *const format_names[] = { "tsv", "long", "table", "svg" };

enum color {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

enum {
	OPT_COLOR = 256,
	OPT_DIGITS,
	OPT_MAX_TYPES,
	OPT_TOP
};

struct options {
	enum format format;
	enum color color;
	struct matrix_opts mo;
	uint64_t max_types;
	uint64_t top;		/* 0: write the matrix */
};

static struct options opt = {
	.format = FMT_TSV,
	.color = COLOR_AUTO,
	.mo = { .digits = -1 },
	.max_types = 500,
};

static noreturn void
usage(void)
{
	fputs(usage_line, stderr);
	exit(EXIT_USAGE);
}

/* Return the index of s in names[0..n), or stop with a usage error. */
static int
pick(const char *s, const char *const *names, int n, const char *what)
{
	char list[80] = "";
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	for (i = 0; i < n; i++) {
		strcat(list, names[i]);
		if (i < n - 1)
			strcat(list, i < n - 2 ? ", " : " or ");
	}
	die(EXIT_USAGE, "invalid %s '%s': expected %s", what, s, list);
}

static uint64_t
parse_whole(const char *s, const char *what, uint64_t lo, uint64_t hi)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || *s < '0' || *s > '9' ||
	    v < lo || v > hi)
		die(EXIT_USAGE, "invalid %s '%s': expected a whole number from "
		    "%llu to %llu", what, s, (unsigned long long)lo,
		    (unsigned long long)hi);
	return v;
}

static void
parse_option(int c, const char *arg)
{
	static const char *const pairs[] = { "exact", "overlap" };
	static const char *const norms[] = { "none", "gold", "pred" };
	static const char *const colors[] = { "auto", "always", "never" };

	switch (c) {
	case 'e':
		opt.mo.errors = true;
		break;
	case 'f':
		opt.format = (enum format)pick(arg, format_names, 4, "format");
		break;
	case 'n':
		opt.mo.norm = (enum norm)pick(arg, norms, 3, "--normalize");
		break;
	case 'p':
		opt.mo.overlap = pick(arg, pairs, 2, "--pairs") == 1;
		break;
	case 't':
		opt.mo.transpose = true;
		break;
	case OPT_COLOR:
		opt.color = (enum color)pick(arg, colors, 3, "--color");
		break;
	case OPT_DIGITS:
		opt.mo.digits = (int)parse_whole(arg, "--digits", 0, 17);
		break;
	case OPT_MAX_TYPES:
		opt.max_types = parse_whole(arg, "--max-types", 1, UINT32_MAX);
		break;
	case OPT_TOP:
		opt.top = parse_whole(arg, "--top", 1, SIZE_MAX);
		break;
	default:
		usage();
	}
}

static void
check_options(void)
{
	if (opt.mo.digits < 0)
		opt.mo.digits = opt.format == FMT_TSV ||
		    opt.format == FMT_LONG ? 4 : 2;
	if (opt.top == 0)
		return;
	if (opt.format == FMT_SVG)
		die(EXIT_USAGE, "--top writes a list, not a matrix: use -f tsv "
		    "or -f table, or drop --top for the SVG heatmap");
	if (opt.mo.norm != NORM_NONE)
		die(EXIT_USAGE, "--top lists counts: drop --normalize");
}

static void
parse_options(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "digits", required_argument, NULL, OPT_DIGITS },
		{ "errors", no_argument, NULL, 'e' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "max-types", required_argument, NULL, OPT_MAX_TYPES },
		{ "normalize", required_argument, NULL, 'n' },
		{ "pairs", required_argument, NULL, 'p' },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "transpose", no_argument, NULL, 't' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "ef:hn:p:tV", longopts,
	    NULL)) != -1) {
		if (c == 'h') {
			out_str(usage_line);
			out_str(help_text);
			exit(out_finish(0));
		}
		if (c == 'V') {
			out_str("nermatrix (nertools) " NERTOOLS_VERSION "\n");
			exit(out_finish(0));
		}
		parse_option(c, optarg);
	}
	check_options();
}

/*
 * Read every input into t, keeping examples in ex for --top.  A failed or
 * incomplete input is fatal, because a matrix of part of the data would
 * look whole.
 */
static void
read_inputs(struct tally *t, struct examples *ex, int argc, char **argv)
{
	struct stream s;
	int i;

	for (i = optind; i == optind || i < argc; i++) {
		const char *path = i < argc ? argv[i] : "-";

		if (stream_open(&s, path, STREAM_MATCHES | STREAM_COUNTS) != 0)
			die(EXIT_DATA, "%s: %s", path, strerror(errno));
		if (opt.top > 0 && s.kind == STREAM_COUNTS)
			die(EXIT_USAGE, "%s:1: --top needs match records (the "
			    "output of nermatch), but this is a count stream, "
			    "which has no entity text or source lines",
			    s.in.name);
		if (opt.top > 0)
			examples_columns(ex, &s);
		tally_read(t, &s);
		if (s.incomplete != NULL)
			die_at(s.in.name, 0, "the input is incomplete, so no "
			    "matrix is printed: %s", s.incomplete);
		stream_close(&s);
	}
}

/* Decide whether -f table shades its cells, as --color and NO_COLOR say. */
static bool
want_color(void)
{
	const char *e;

	if (opt.format != FMT_TABLE || opt.color == COLOR_NEVER)
		return false;
	if (opt.color == COLOR_ALWAYS)
		return true;
	e = getenv("NO_COLOR");
	if (e != NULL && *e != '\0')
		return false;
	e = getenv("TERM");
	if (e != NULL && strcmp(e, "dumb") == 0)
		return false;
	return isatty(STDOUT_FILENO) == 1;
}

static void
write_output(const struct matrix *m, const struct examples *ex)
{
	if (opt.top > 0) {
		matrix_write_top(m, ex, (size_t)opt.top,
		    opt.format == FMT_TABLE);
		return;
	}
	if (opt.format != FMT_LONG)
		matrix_check_size(m, (uint32_t)opt.max_types,
		    format_names[opt.format]);
	switch (opt.format) {
	case FMT_TSV:
		matrix_write_wide(m);
		break;
	case FMT_LONG:
		matrix_write_long(m);
		break;
	case FMT_TABLE:
		matrix_write_table(m, want_color());
		break;
	case FMT_SVG:
		svg_write(m);
		break;
	}
}

int
main(int argc, char **argv)
{
	struct tally t;
	struct examples ex;
	struct matrix m;

	err_init(argv[0]);
	parse_options(argc, argv);
	lines_check_operands(argv + optind, argc - optind);

	tally_init(&t);
	examples_init(&ex, opt.mo.overlap);
	if (opt.top > 0) {
		t.on_match = examples_on_match;
		t.arg = &ex;
	}
	read_inputs(&t, &ex, argc, argv);

	matrix_build(&m, &t.total, &opt.mo);
	write_output(&m, &ex);

	matrix_free(&m);
	examples_free(&ex);
	tally_free(&t);
	return out_finish(0);
}
