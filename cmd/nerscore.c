/*
 * nerscore: read match records (or count records) and write precision,
 * recall and F1 per type and averaged, with the counts behind them.
 * Leans on common/tally (reading), common/score (the arithmetic) and
 * common/report (the layouts).
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counts.h"
#include "err.h"
#include "out.h"
#include "report.h"
#include "score.h"
#include "stream.h"
#include "tally.h"
#include "version.h"

static const char usage_line[] =
    "usage: nerscore [-f format] [-m mode] [--beta=B] [--digits=N]\n"
    "                [--macro=all|gold] [--zero-division=0|1|NA] [file ...]\n";

static const char help_text[] =
    "Score match records (the output of nermatch) or count records: per\n"
    "type and averaged precision, recall and F1 with the counts behind them.\n"
    "\n"
    "  -f, --format=FORMAT     tsv (default), table, conlleval, latex\n"
    "  -m, --mode=MODE         strict (default: exact boundaries and type),\n"
    "                          exact (boundaries only), partial (overlap\n"
    "                          earns half), type (any overlap, right type),\n"
    "                          or all\n"
    "      --beta=B            weight of recall in F-beta (default 1)\n"
    "      --digits=N          decimals of ratios, 0 to 17 (default 4)\n"
    "      --macro=all|gold    macro average over all types seen in gold or\n"
    "                          predictions (default) or over gold types only\n"
    "      --zero-division=V   value of a ratio with a zero denominator:\n"
    "                          0 (default), 1 or NA\n"
    "  -h, --help              print this help and exit\n"
    "  -V, --version           print the version and exit\n"
    "\n"
    "Examples:\n"
    "  nerspan test.conll | nermatch | nerscore -f table\n"
    "  nerspan test.conll | nermatch | nerscore -f conlleval\n"
    "  nerspan test.conll | nermatch | nerscore -m all --macro=gold\n";

enum format {
	FMT_TSV,
	FMT_TABLE,
	FMT_CONLLEVAL,
	FMT_LATEX
};

struct options {
	enum format format;
	int	 mode;		/* a mode, or -1 for all */
	struct report_opts ro;
};

static struct options opt = {
	.format = FMT_TSV,
	.mode = MODE_STRICT,
	.ro = { .digits = 4, .sc = { .mode = MODE_STRICT, .beta = 1 } },
};

static noreturn void
usage(void)
{
	fputs(usage_line, stderr);
	exit(EXIT_USAGE);
}

static enum format
parse_format(const char *s)
{
	static const char *const names[] = { "tsv", "table", "conlleval",
	    "latex" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i]) == 0)
			return (enum format)i;
	die(EXIT_USAGE, "invalid format '%s': expected tsv, table, conlleval "
	    "or latex", s);
}

static double
parse_number(const char *s, const char *what, double lo, double hi)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || *end != '\0' || end == s || !(v >= lo && v <= hi))
		die(EXIT_USAGE, "invalid %s '%s': expected a number from %g "
		    "to %g", what, s, lo, hi);
	return v;
}

static void
parse_option(int c, const char *arg)
{
	switch (c) {
	case 'f':
		opt.format = parse_format(arg);
		break;
	case 'm':
		opt.mode = strcmp(arg, "all") == 0 ? -1 : mode_parse(arg);
		if (opt.mode == -1 && strcmp(arg, "all") != 0)
			die(EXIT_USAGE, "invalid mode '%s': expected strict, "
			    "exact, partial, type or all", arg);
		break;
	case 'b':
		opt.ro.sc.beta = parse_number(arg, "beta", 1e-6, 1e6);
		break;
	case 'd':
		opt.ro.digits = (int)parse_number(arg, "digits", 0, 17);
		if (opt.ro.digits != atof(arg))
			die(EXIT_USAGE, "invalid digits '%s': expected a whole "
			    "number from 0 to 17", arg);
		break;
	case 'a':
		if (strcmp(arg, "all") != 0 && strcmp(arg, "gold") != 0)
			die(EXIT_USAGE, "invalid --macro '%s': expected all or "
			    "gold", arg);
		opt.ro.sc.macro_gold_only = strcmp(arg, "gold") == 0;
		break;
	case 'z':
		if (strcmp(arg, "0") == 0)
			opt.ro.sc.zero = ZERO_IS_0;
		else if (strcmp(arg, "1") == 0)
			opt.ro.sc.zero = ZERO_IS_1;
		else if (strcmp(arg, "NA") == 0 || strcmp(arg, "na") == 0)
			opt.ro.sc.zero = ZERO_IS_NA;
		else
			die(EXIT_USAGE, "invalid --zero-division '%s': expected "
			    "0, 1 or NA", arg);
		break;
	default:
		usage();
	}
}

static void
parse_options(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "beta", required_argument, NULL, 'b' },
		{ "digits", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "macro", required_argument, NULL, 'a' },
		{ "mode", required_argument, NULL, 'm' },
		{ "version", no_argument, NULL, 'V' },
		{ "zero-division", required_argument, NULL, 'z' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "f:hm:V", longopts, NULL)) != -1) {
		if (c == 'h') {
			out_str(usage_line);
			out_str(help_text);
			exit(out_finish(0));
		}
		if (c == 'V') {
			out_str("nerscore (nertools) " NERTOOLS_VERSION "\n");
			exit(out_finish(0));
		}
		parse_option(c, optarg);
	}
	if ((opt.format == FMT_CONLLEVAL || opt.format == FMT_LATEX) &&
	    opt.mode != MODE_STRICT)
		die(EXIT_USAGE, "the conlleval and latex formats show strict "
		    "scores only; drop --mode");
}

/* Read every input into t; a failed or incomplete input is fatal. */
static void
read_inputs(struct tally *t, int argc, char **argv)
{
	struct stream s;
	int i;

	for (i = optind; i == optind || i < argc; i++) {
		const char *path = i < argc ? argv[i] : "-";

		if (stream_open(&s, path, STREAM_MATCHES | STREAM_COUNTS) != 0)
			die(EXIT_DATA, "%s: %s", path, strerror(errno));
		tally_read(t, &s);
		if (s.incomplete != NULL)
			die_at(s.in.name, 0, "the input is incomplete, so no "
			    "scores are printed: %s", s.incomplete);
		stream_close(&s);
	}
}

static void
print(const struct counts *c)
{
	struct report reps[NMODE];
	int first = opt.mode < 0 ? 0 : opt.mode;
	int last = opt.mode < 0 ? NMODE - 1 : opt.mode;
	int m, n = 0;

	for (m = first; m <= last; m++) {
		opt.ro.sc.mode = (enum mode)m;
		report_build(&reps[n++], c, &opt.ro.sc);
	}
	switch (opt.format) {
	case FMT_TSV:
		report_tsv(reps, n, &opt.ro);
		break;
	case FMT_TABLE:
		report_table(reps, n, c, &opt.ro);
		break;
	case FMT_CONLLEVAL:
	case FMT_LATEX:
		report_conlleval(&reps[0], c, opt.format == FMT_LATEX);
		break;
	}
	for (m = 0; m < n; m++)
		report_free(&reps[m]);
}

int
main(int argc, char **argv)
{
	struct tally t;

	err_init(argv[0]);
	parse_options(argc, argv);

	tally_init(&t);
	read_inputs(&t, argc, argv);
	print(&t.total);
	tally_free(&t);
	return out_finish(0);
}
