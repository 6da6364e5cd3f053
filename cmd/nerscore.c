/*
 * nerscore: read match records (or count records) and write precision,
 * recall and F-beta per type and averaged, with the counts behind them; or
 * write the counts themselves as a count stream, or explain the scores.
 * --ci gives the scores confidence intervals and --compare compares two
 * models' scores.
 * Leans on common/tally (reading), common/score and common/perdoc (the
 * arithmetic), common/report, common/json, common/conlleval and
 * common/explain (the layouts), common/countrec (count records) and
 * common/bootcmd (intervals and comparisons by resampling).
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bootcmd.h"
#include "countrec.h"
#include "counts.h"
#include "err.h"
#include "explain.h"
#include "lines.h"
#include "out.h"
#include "perdoc.h"
#include "report.h"
#include "score.h"
#include "stream.h"
#include "tally.h"
#include "version.h"

static const char usage_line[] =
    "usage: nerscore [-f format] [-m mode] [--beta=B] [--digits=N]\n"
    "                [--macro=all|gold] [--muc] [--per-doc]\n"
    "                [--zero-division=0|1|NA] [file ...]\n"
    "       nerscore --counts[=total|doc|sent] [file ...]\n"
    "       nerscore --explain [-m mode] [--high-precision=P]\n"
    "                [--high-recall=R] [--top=N] [file ...]\n"
    "       nerscore --ci [-f tsv|table|json] [-m mode] [--level=L]\n"
    "                [--resamples=N|all] [--seed=S] [--unit=U] [file ...]\n"
    "       nerscore --compare [-f tsv|table|json] [-m mode] [--level=L]\n"
    "                [--resamples=N|all] [--seed=S] [--unit=U] a b\n";

static const char help_text[] =
    "Score match records (the output of nermatch) or count records: per\n"
    "type and averaged precision, recall and F1 with the counts behind them.\n"
    "\n"
    "  -f, --format=FORMAT     tsv (default), table, markdown, json,\n"
    "                          conlleval or latex (conlleval.pl's report and\n"
    "                          its -l table: strict mode, F1, 0 for 0/0)\n"
    "  -m, --mode=MODE         strict (default: exact boundaries and type),\n"
    "                          exact (boundaries only), partial (overlap\n"
    "                          earns half), type (any overlap, right type),\n"
    "                          or all\n"
    "      --beta=B            weight of recall in F-beta, a number from\n"
    "                          0.000001 to 1000000 (default 1)\n"
    "      --ci                write percentile bootstrap confidence\n"
    "                          intervals of precision, recall and F1\n"
    "      --compare           compare two models' outputs on one test set:\n"
    "                          differences b - a, their intervals and\n"
    "                          paired bootstrap p-values\n"
    "      --counts[=GRAIN]    write count records instead of scores: one\n"
    "                          set for all input (total, the default), per\n"
    "                          document (doc) or per sentence (sent)\n"
    "      --digits=N          decimals of ratios, 0 to 17 (default 4)\n"
    "      --explain           write in plain words what the scores of each\n"
    "                          type mean, the most frequent confusions and\n"
    "                          the types whose errors cost the most F1\n"
    "      --high-precision=P  with --explain: precision from P up is high,\n"
    "                          0 to 1 (default 0.8)\n"
    "      --high-recall=R     with --explain: recall from R up is high,\n"
    "                          0 to 1 (default 0.8)\n"
    "      --level=L           with --ci or --compare: confidence level,\n"
    "                          above 0 and below 1 (default 0.95); changes\n"
    "                          with p <= 1 - L are significant\n"
    "      --macro=all|gold    macro average over all types seen in gold or\n"
    "                          predictions (default) or over gold types only\n"
    "      --muc               add the columns correct, incorrect, partial,\n"
    "                          missed and spurious (entity counts)\n"
    "      --per-doc           add the mean and sample standard deviation\n"
    "                          of the micro scores of each document\n"
    "      --resamples=N|all   with --ci or --compare: number of bootstrap\n"
    "                          resamples, 1 to 1000000 (default 1000), or\n"
    "                          all to enumerate every resample of up to 10\n"
    "                          units\n"
    "      --seed=S            with --ci or --compare: seed of the random\n"
    "                          draws, 0 to 18446744073709551615 (default 1)\n"
    "      --top=N             with --explain: list at most N confusions\n"
    "                          and name at most N other types in a\n"
    "                          sentence, 1 to 1000 (default 5)\n"
    "      --unit=U            with --ci or --compare: the unit resampled,\n"
    "                          doc, sent or auto (default: documents when\n"
    "                          the input has -DOCSTART- lines, else\n"
    "                          sentences)\n"
    "      --zero-division=V   value of a ratio with a zero denominator:\n"
    "                          0 (default), 1 or NA\n"
    "  -h, --help              print this help and exit\n"
    "  -V, --version           print the version and exit\n"
    "\n"
    "Examples:\n"
    "  nerspan test.conll | nermatch | nerscore -f table\n"
    "  nerspan test.conll | nermatch | nerscore -f conlleval\n"
    "  nerscore --compare -f table old.matches new.matches\n";

enum format {
	FMT_TSV,
	FMT_TABLE,
	FMT_MARKDOWN,
	FMT_JSON,
	FMT_CONLLEVAL,
	FMT_LATEX
};

static const char *const format_names[] = {
	"tsv", "table", "markdown", "json", "conlleval", "latex"
};

/* The output: scores, count records or an explanation. */
enum output {
	OUT_SCORES,
	OUT_COUNTS,
	OUT_EXPLAIN,
	OUT_CI,
	OUT_COMPARE
};

struct options {
	enum output output;
	const char *output_option;	/* the option that chose output */
	enum format format;
	bool	 format_set;
	int	 mode;		/* a mode, or -1 for all */
	enum grain grain;	/* of --counts */
	bool	 per_doc;
	struct report_opts ro;
	struct explain_opts eo;
	struct bootcli boot;	/* of --ci and --compare */
	/* The last option given that only one output uses, for errors. */
	const char *score_only;
	const char *explain_only;
	const char *boot_only;
};

static struct options opt = {
	.output = OUT_SCORES,
	.format = FMT_TSV,
	.mode = MODE_STRICT,
	.ro = { .digits = 4, .sc = { .mode = MODE_STRICT, .beta = 1 } },
	.eo = { .high_precision = 0.8, .high_recall = 0.8, .top = 5 },
	.boot = { .view = { .bo = { .resamples = 1000, .level = 0.95,
	    .seed = 1 } } },
};

/* The state of a run: the counts, and what the callbacks accumulate. */
struct run {
	struct tally t;
	struct perdoc docs[NMODE];
	char	*incomplete;	/* the first #incomplete message, or NULL */
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
	size_t i;

	for (i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
		if (strcmp(s, format_names[i]) == 0)
			return (enum format)i;
	die(EXIT_USAGE, "invalid format '%s': expected tsv, table, markdown, "
	    "json, conlleval or latex", s);
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

static int
parse_whole(const char *s, const char *what, int lo, int hi)
{
	double v = parse_number(s, what, lo, hi);

	if (v != (int)v || strspn(s, "0123456789") != strlen(s))
		die(EXIT_USAGE, "invalid %s '%s': expected a whole number "
		    "from %d to %d", what, s, lo, hi);
	return (int)v;
}

static enum grain
parse_grain(const char *s)
{
	if (s == NULL || strcmp(s, "total") == 0)
		return GRAIN_TOTAL;
	if (strcmp(s, "doc") == 0)
		return GRAIN_DOC;
	if (strcmp(s, "sent") == 0)
		return GRAIN_UNIT;
	die(EXIT_USAGE, "invalid --counts '%s': expected total, doc or sent",
	    s);
}

static void
parse_mode(const char *arg)
{
	opt.mode = strcmp(arg, "all") == 0 ? -1 : mode_parse(arg);
	if (opt.mode == -1 && strcmp(arg, "all") != 0)
		die(EXIT_USAGE, "invalid mode '%s': expected strict, exact, "
		    "partial, type or all", arg);
}

static void
parse_zero(const char *arg)
{
	if (strcmp(arg, "0") == 0)
		opt.ro.sc.zero = ZERO_IS_0;
	else if (strcmp(arg, "1") == 0)
		opt.ro.sc.zero = ZERO_IS_1;
	else if (strcmp(arg, "NA") == 0 || strcmp(arg, "na") == 0)
		opt.ro.sc.zero = ZERO_IS_NA;
	else
		die(EXIT_USAGE, "invalid --zero-division '%s': expected 0, 1 "
		    "or NA", arg);
}

static void
parse_macro(const char *arg)
{
	if (strcmp(arg, "all") != 0 && strcmp(arg, "gold") != 0)
		die(EXIT_USAGE, "invalid --macro '%s': expected all or gold",
		    arg);
	opt.ro.sc.macro_gold_only = strcmp(arg, "gold") == 0;
}

static uint64_t
parse_seed(const char *s)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || *s == '\0' ||
	    strspn(s, "0123456789") != strlen(s))
		die(EXIT_USAGE, "invalid --seed '%s': expected a whole number "
		    "from 0 to 18446744073709551615", s);
	return (uint64_t)v;
}

/* Return the number of resamples, or 0 for all. */
static uint64_t
parse_resamples(const char *s)
{
	unsigned long v;
	char *end;

	if (strcmp(s, "all") == 0)
		return 0;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || *s == '\0' ||
	    strspn(s, "0123456789") != strlen(s) || v < 1 || v > 1000000)
		die(EXIT_USAGE, "invalid --resamples '%s': expected a whole "
		    "number from 1 to 1000000, or all", s);
	return v;
}

static enum boot_unit
parse_unit(const char *s)
{
	if (strcmp(s, "auto") == 0)
		return BOOT_UNIT_AUTO;
	if (strcmp(s, "doc") == 0)
		return BOOT_UNIT_DOC;
	if (strcmp(s, "sent") == 0)
		return BOOT_UNIT_SENT;
	die(EXIT_USAGE, "invalid --unit '%s': expected auto, doc or sent", s);
}

/* Parse an option of --ci and --compare, and note its name. */
static void
parse_boot_option(int c, const char *arg)
{
	struct bootopts *bo = &opt.boot.view.bo;

	switch (c) {
	case 'L':
		bo->level = parse_number(arg, "--level", 0, 1);
		if (bo->level <= 0 || bo->level >= 1)
			die(EXIT_USAGE, "invalid --level '%s': expected a "
			    "number above 0 and below 1, as 0.95", arg);
		opt.boot_only = "--level";
		break;
	case 'n':
		bo->resamples = parse_resamples(arg);
		opt.boot_only = "--resamples";
		break;
	case 'S':
		bo->seed = parse_seed(arg);
		opt.boot_only = "--seed";
		break;
	case 'U':
		opt.boot.unit = parse_unit(arg);
		opt.boot_only = "--unit";
		break;
	}
}

/*
 * Choose what nerscore writes.  --counts, --explain, --ci and --compare
 * each replace the score report, so two of them is a usage error rather
 * than the last one silently winning.
 */
static void
set_output(enum output out, const char *name)
{
	if (opt.output_option != NULL && opt.output != out)
		die(EXIT_USAGE, "%s and %s write different things; use one of "
		    "them", opt.output_option, name);
	opt.output = out;
	opt.output_option = name;
}

/* Parse an option that only shapes the score report, and note its name. */
static void
parse_report_option(int c, const char *arg)
{
	switch (c) {
	case 'b':
		opt.ro.sc.beta = parse_number(arg, "beta", 1e-6, 1e6);
		opt.score_only = "--beta";
		break;
	case 'd':
		opt.ro.digits = parse_whole(arg, "digits", 0, 17);
		opt.score_only = "--digits";
		break;
	case 'a':
		parse_macro(arg);
		opt.score_only = "--macro";
		break;
	case 'u':
		opt.ro.muc = true;
		opt.score_only = "--muc";
		break;
	case 'D':
		opt.per_doc = true;
		opt.score_only = "--per-doc";
		break;
	case 'z':
		parse_zero(arg);
		opt.score_only = "--zero-division";
		break;
	}
}

static void
parse_option(int c, const char *arg)
{
	switch (c) {
	case 'f':
		opt.format = parse_format(arg);
		opt.format_set = true;
		break;
	case 'm':
		parse_mode(arg);
		break;
	case 'c':
		set_output(OUT_COUNTS, "--counts");
		opt.grain = parse_grain(arg);
		break;
	case 'e':
		set_output(OUT_EXPLAIN, "--explain");
		break;
	case 'P':
		opt.eo.high_precision = parse_number(arg, "--high-precision",
		    0, 1);
		opt.explain_only = "--high-precision";
		break;
	case 'R':
		opt.eo.high_recall = parse_number(arg, "--high-recall", 0, 1);
		opt.explain_only = "--high-recall";
		break;
	case 'T':
		opt.eo.top = parse_whole(arg, "--top", 1, 1000);
		opt.explain_only = "--top";
		break;
	case 'a': case 'b': case 'd': case 'D': case 'u': case 'z':
		parse_report_option(c, arg);
		break;
	case 'I':
		set_output(OUT_CI, "--ci");
		break;
	case 'C':
		set_output(OUT_COMPARE, "--compare");
		break;
	case 'L': case 'n': case 'S': case 'U':
		parse_boot_option(c, arg);
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
		{ "ci", no_argument, NULL, 'I' },
		{ "compare", no_argument, NULL, 'C' },
		{ "counts", optional_argument, NULL, 'c' },
		{ "digits", required_argument, NULL, 'd' },
		{ "explain", no_argument, NULL, 'e' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "high-precision", required_argument, NULL, 'P' },
		{ "high-recall", required_argument, NULL, 'R' },
		{ "level", required_argument, NULL, 'L' },
		{ "macro", required_argument, NULL, 'a' },
		{ "mode", required_argument, NULL, 'm' },
		{ "muc", no_argument, NULL, 'u' },
		{ "per-doc", no_argument, NULL, 'D' },
		{ "resamples", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 'S' },
		{ "top", required_argument, NULL, 'T' },
		{ "unit", required_argument, NULL, 'U' },
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
}

/* Reject options that --ci and --compare do not take, and the reverse. */
static void
check_boot_options(void)
{
	bool boot = opt.output == OUT_CI || opt.output == OUT_COMPARE;
	const char *name = opt.output == OUT_CI ? "--ci" : "--compare";

	if (!boot && opt.boot_only != NULL)
		die(EXIT_USAGE, "%s only works with --ci or --compare; add one "
		    "or drop %s", opt.boot_only, opt.boot_only);
	if (!boot)
		return;
	if (opt.per_doc || opt.ro.muc)
		die(EXIT_USAGE, "%s writes intervals of precision, recall and "
		    "F; drop %s", name, opt.per_doc ? "--per-doc" : "--muc");
	if (opt.format != FMT_TSV && opt.format != FMT_TABLE &&
	    opt.format != FMT_JSON)
		die(EXIT_USAGE, "%s writes tsv, table or json; drop -f %s",
		    name, format_names[opt.format]);
}

/* Reject combinations whose meaning would be unclear. */
static void
check_options(void)
{
	bool conlleval = opt.format == FMT_CONLLEVAL ||
	    opt.format == FMT_LATEX;

	const char *extra = NULL;

	check_boot_options();
	if (opt.output == OUT_COUNTS) {
		if (opt.mode != MODE_STRICT)
			extra = "-m";
		if (opt.score_only != NULL)
			extra = opt.score_only;
		if (opt.format_set)
			extra = "-f";
		if (extra != NULL)
			die(EXIT_USAGE, "--counts writes count records, which "
			    "hold no scores; drop %s", extra);
	}
	if (opt.output != OUT_EXPLAIN && opt.explain_only != NULL)
		die(EXIT_USAGE, "%s only works with --explain; add --explain "
		    "or drop %s", opt.explain_only, opt.explain_only);
	if (opt.output == OUT_EXPLAIN) {
		if (opt.per_doc)
			extra = "--per-doc";
		if (opt.ro.muc)
			extra = "--muc";
		if (opt.format_set)
			extra = "-f";
		if (extra != NULL)
			die(EXIT_USAGE, "--explain writes plain text; drop %s",
			    extra);
	}
	if (!conlleval)
		return;
	if (opt.mode != MODE_STRICT)
		die(EXIT_USAGE, "the conlleval and latex formats show strict "
		    "scores only; drop --mode");
	if (opt.score_only != NULL)
		die(EXIT_USAGE, "the conlleval and latex formats show "
		    "conlleval.pl's numbers: F1 in percent, 0 for a zero "
		    "denominator, no macro average; drop %s", opt.score_only);
}

static void
first_last_mode(int *first, int *last)
{
	*first = opt.mode < 0 ? 0 : opt.mode;
	*last = opt.mode < 0 ? NMODE - 1 : opt.mode;
}

static void
on_unit(void *arg, const struct tally *t)
{
	(void)arg;
	countrec_group(&t->unit, t->doc_key.p, t->doc_key.len,
	    t->unit_key.p, t->unit_key.len);
}

/*
 * Write a document's own rows (those outside its units) at sentence grain:
 * always when it has no units, so that every document is listed.
 */
static void
on_doc_own(const struct tally *t)
{
	const struct counts *c = &t->own;

	if (c->ncells == 0 && c->tokens == 0 && c->correct == 0 &&
	    c->tokens_known && c->correct_known && t->doc.units > 0)
		return;
	countrec_group(c, t->doc_key.p, t->doc_key.len, "", 0);
}

static void
on_doc(void *arg, const struct tally *t)
{
	struct run *run = arg;
	struct scoring sc = opt.ro.sc;
	int m, first, last;

	if (opt.output == OUT_COUNTS) {
		if (opt.grain == GRAIN_UNIT)
			on_doc_own(t);
		else
			countrec_group(&t->doc, t->doc_key.p, t->doc_key.len,
			    "", 0);
		countrec_doc_end(t->doc_key.p, t->doc_key.len);
		return;
	}
	first_last_mode(&first, &last);
	for (m = first; m <= last; m++) {
		sc.mode = (enum mode)m;
		perdoc_add(&run->docs[m], &t->doc, &sc);
	}
}

static void
run_init(struct run *run)
{
	memset(run, 0, sizeof *run);
	tally_init(&run->t);
	run->t.arg = run;
	if (opt.output == OUT_COUNTS && opt.grain == GRAIN_UNIT)
		run->t.on_unit = on_unit;
	if ((opt.output == OUT_COUNTS && opt.grain != GRAIN_TOTAL) ||
	    opt.per_doc)
		run->t.on_doc = on_doc;
}

/*
 * Read every input into the run.  An incomplete input stops a report, but
 * count records pass its message on, as nertools(5) requires.
 */
static void
read_inputs(struct run *run, int argc, char **argv)
{
	struct stream s;
	int i;

	for (i = optind; i == optind || i < argc; i++) {
		const char *path = i < argc ? argv[i] : "-";

		if (stream_open(&s, path, STREAM_MATCHES | STREAM_COUNTS) != 0)
			die(EXIT_DATA, "%s: %s", path, strerror(errno));
		tally_read(&run->t, &s);
		if (s.incomplete != NULL && opt.output != OUT_COUNTS)
			die_at(s.in.name, 0, "the input is incomplete, so no "
			    "scores are printed: %s", s.incomplete);
		if (s.incomplete != NULL && run->incomplete == NULL)
			run->incomplete = xstrndup(s.incomplete,
			    strlen(s.incomplete));
		stream_close(&s);
	}
}

/* Stop when the input is coarser than the counts or averages asked for. */
static void
check_grain(const struct tally *t)
{
	static const char *const grains[] = { "total", "doc", "sent" };
	enum grain want = opt.output == OUT_COUNTS ? opt.grain :
	    opt.per_doc ? GRAIN_DOC : GRAIN_TOTAL;

	if (want == GRAIN_TOTAL)
		return;
	if (t->grain < want)
		die(EXIT_DATA, "%s needs %s, but the input has only total "
		    "counts; write them with --counts=%s", opt.per_doc &&
		    opt.output != OUT_COUNTS ? "--per-doc" : "--counts",
		    want == GRAIN_UNIT ? "per-sentence counts" :
		    "per-document counts", grains[want]);
	if (t->total_rows)
		die(EXIT_DATA, "%s needs every count row in a document, but "
		    "the input has rows with an empty doc field; write them "
		    "with --counts=%s", opt.output == OUT_COUNTS ? "--counts" :
		    "--per-doc", grains[want]);
}

static void
print_scores(struct run *run)
{
	struct report reps[NMODE];
	struct docavg docs[NMODE];
	const struct counts *c = &run->t.total;
	int m, n = 0, first, last;

	/* At least one mode is built, but gcc -flto cannot see it. */
	memset(reps, 0, sizeof reps);
	if (opt.format == FMT_CONLLEVAL && !(c->tokens_known &&
	    c->correct_known))
		die(EXIT_DATA, "the conlleval format reports token counts, but "
		    "the input does not have them; use another format");
	first_last_mode(&first, &last);
	for (m = first; m <= last; m++) {
		opt.ro.sc.mode = (enum mode)m;
		report_build(&reps[n], c, &opt.ro.sc);
		if (opt.per_doc) {
			perdoc_result(&run->docs[m], opt.ro.sc.zero, &docs[n]);
			reps[n].doc = &docs[n];
		}
		n++;
	}
	switch (opt.format) {
	case FMT_TSV:
		report_tsv(reps, n, &opt.ro);
		break;
	case FMT_TABLE:
		report_table(reps, n, c, &opt.ro);
		break;
	case FMT_MARKDOWN:
		report_markdown(reps, n, c, &opt.ro);
		break;
	case FMT_JSON:
		report_json(reps, n, c, &opt.ro);
		break;
	case FMT_CONLLEVAL:
	case FMT_LATEX:
		report_conlleval(&reps[0], c, opt.format == FMT_LATEX);
		break;
	}
	for (m = 0; m < n; m++)
		report_free(&reps[m]);
}

static void
print_explanation(struct run *run)
{
	struct report rep;
	int m, first, last;

	first_last_mode(&first, &last);
	for (m = first; m <= last; m++) {
		if (m > first)
			out_nl();
		opt.ro.sc.mode = (enum mode)m;
		report_build(&rep, &run->t.total, &opt.ro.sc);
		explain_write(&rep, &run->t.total, &opt.ro, &opt.eo);
		report_free(&rep);
	}
}

static void
write_output(struct run *run)
{
	switch (opt.output) {
	case OUT_COUNTS:
		if (opt.grain == GRAIN_TOTAL)
			countrec_group(&run->t.total, "", 0, "", 0);
		countrec_end(run->incomplete);
		break;
	case OUT_EXPLAIN:
		print_explanation(run);
		break;
	case OUT_SCORES:
		print_scores(run);
		break;
	case OUT_CI:
	case OUT_COMPARE:
		break;	/* run_boot writes these */
	}
}

/* Work out intervals (--ci) or compare two inputs (--compare). */
static void
run_boot(int argc, char **argv)
{
	struct bootcli *b = &opt.boot;

	first_last_mode(&b->first_mode, &b->last_mode);
	b->compare = opt.output == OUT_COMPARE;
	b->view.ro = opt.ro;
	b->view.table = opt.format == FMT_TABLE;
	b->view.json = opt.format == FMT_JSON;
	bootcmd_run(b, argc - optind, argv + optind);
}

int
main(int argc, char **argv)
{
	struct run run;

	err_init(argv[0]);
	parse_options(argc, argv);
	lines_check_operands(argv + optind, argc - optind);
	check_options();
	if (opt.output == OUT_CI || opt.output == OUT_COMPARE) {
		run_boot(argc, argv);
		return out_finish(0);
	}

	run_init(&run);
	if (opt.output == OUT_COUNTS)
		countrec_header();
	read_inputs(&run, argc, argv);
	check_grain(&run.t);
	write_output(&run);

	tally_free(&run.t);
	free(run.incomplete);
	return out_finish(0);
}
