/*
 * fuzz-program: run one nertools program on the fuzz input, read from
 * files through the program's own options and readers.  The program's
 * source is included with main renamed, so its static option state can be
 * restored before each run.  Build with -DPROGRAM_FILE="cmd/X.c" and
 * -DKIND=K, where K picks what the input is:
 *
 *   KIND_conll   nerspan on CoNLL columns, under every scheme and repair,
 *                --conlleval, -c, --gold/--pred, delimiters, levels, maps
 *   KIND_spans   nerspan -i spans on user span records
 *   KIND_brat    nerspan -i brat on a .ann file
 *   KIND_match   nermatch on one span stream, or on two
 *   KIND_score   nerscore on match or count streams, in every layout
 *   KIND_matrix  nermatrix on match or count streams, in every layout
 *
 * The first two bytes of the input choose the options; the rest is file
 * content.  A form feed splits it into two files where a run reads two.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"

#define KIND_conll	1
#define KIND_spans	2
#define KIND_brat	3
#define KIND_match	4
#define KIND_score	5
#define KIND_matrix	6

int	program_main(int argc, char **argv);

#define main program_main
#include PROGRAM_FILE
#undef main

#define MAXARGS 24

struct call {
	int	 argc;
	char	*argv[MAXARGS];
};

static struct options opt_initial;

static void
arg(struct call *c, const char *s)
{
	if (c->argc < MAXARGS - 1)
		c->argv[c->argc++] = (char *)s;
	c->argv[c->argc] = NULL;
}

static int
run(void *p)
{
	struct call *c = p;

	return program_main(c->argc, c->argv);
}

/* Split data at its first form feed into two files; else one file. */
static int
files(struct call *c, const uint8_t *data, size_t size, const char *opt1,
    const char *opt2)
{
	const uint8_t *ff = memchr(data, '\f', size);
	static char buf[2][64];

	if (ff == NULL) {
		arg(c, fuzz_file(0, data, size));
		return 1;
	}
	if (opt1 == NULL) {
		arg(c, fuzz_file(0, data, (size_t)(ff - data)));
		arg(c, fuzz_file(1, ff + 1, size - (size_t)(ff - data) - 1));
		return 2;
	}
	snprintf(buf[0], sizeof buf[0], "%s%s", opt1,
	    fuzz_file(0, data, (size_t)(ff - data)));
	snprintf(buf[1], sizeof buf[1], "%s%s", opt2,
	    fuzz_file(1, ff + 1, size - (size_t)(ff - data) - 1));
	arg(c, buf[0]);
	arg(c, buf[1]);
	return 2;
}

#if KIND == KIND_conll
static const char *const schemes[] = { "lenient", "iob1", "iob2", "ioe1",
	"ioe2", "iobes", "bilou", "bmes", "bmeow", "io", "raw" };
static const char *const repairs[] = { "--repair=begin",
	"--repair=discard", "--repair=error" };
static const char *const delims[] = { NULL, "tab", "space", "|" };

/* The conlleval.pl reading takes only -d, -o and -s raw. */
static void
conlleval_options(struct call *c, uint8_t a, uint8_t b, const uint8_t *data,
    size_t size)
{
	arg(c, "--conlleval");
	if (b & 1) {
		arg(c, "-s");
		arg(c, "raw");
	}
	if (b & 128) {
		arg(c, "-o");
		arg(c, "OUT");
	}
	if (delims[(a >> 5) & 3] != NULL) {
		arg(c, "-d");
		arg(c, delims[(a >> 5) & 3]);
	}
	files(c, data, size, NULL, NULL);
}

static void
options(struct call *c, uint8_t a, uint8_t b, const uint8_t *data,
    size_t size)
{
	if (a & 1) {
		conlleval_options(c, a, b, data, size);
		return;
	}
	arg(c, "-s");
	arg(c, schemes[b % 11]);
	arg(c, repairs[(b / 11) % 3]);
	if (a & 4)
		arg(c, "-c");
	if (a & 8)
		arg(c, "--empty-tag=outside");
	if (a & 16)
		arg(c, "--skip-comments");
	if (delims[(a >> 5) & 3] != NULL) {
		arg(c, "-d");
		arg(c, delims[(a >> 5) & 3]);
	}
	if (a & 128) {
		arg(c, "-g");
		arg(c, "-4,-3");
		arg(c, "-p");
		arg(c, "-2,-1");
	}
	if (b & 128) {
		arg(c, "-m");
		arg(c, "pred:*-X=*");
		arg(c, "-o");
		arg(c, "OUT");
	}
	if (a & 2) {
		arg(c, "--token-mismatch=count");
		files(c, data, size, "--gold=", "--pred=");
		return;
	}
	files(c, data, size, NULL, NULL);
}
#elif KIND == KIND_spans
static void
options(struct call *c, uint8_t a, uint8_t b, const uint8_t *data,
    size_t size)
{
	(void)a;
	(void)b;
	arg(c, "-i");
	arg(c, "spans");
	files(c, data, size, NULL, NULL);
}
#elif KIND == KIND_brat
static void
options(struct call *c, uint8_t a, uint8_t b, const uint8_t *data,
    size_t size)
{
	(void)b;
	arg(c, "-i");
	arg(c, "brat");
	arg(c, a & 1 ? "--side=pred" : "--side=gold");
	files(c, data, size, NULL, NULL);
}
#elif KIND == KIND_match
static const char *const shares[] = { NULL, "0.5", "1", ".01" };

static void
options(struct call *c, uint8_t a, uint8_t b, const uint8_t *data,
    size_t size)
{
	(void)b;
	if (a & 1)
		arg(c, "-e");
	if (a & 2) {
		arg(c, "-l");
		arg(c, a & 4 ? "2" : "1");
	}
	if (shares[(a >> 3) & 3] != NULL) {
		arg(c, "-m");
		arg(c, shares[(a >> 3) & 3]);
	}
	files(c, data, size, NULL, NULL);
}
#elif KIND == KIND_score
static const char *const layouts[] = { "-ftsv", "-ftable", "-fmarkdown",
	"-fjson", "-fconlleval", "-flatex", "--counts", "--counts=doc",
	"--counts=sent", "--explain", "--per-doc", "--muc", "--ci",
	"--compare" };
static const char *const modes[] = { "-mstrict", "-mexact", "-mpartial",
	"-mtype", "-mall" };

static void
options(struct call *c, uint8_t a, uint8_t b, const uint8_t *data,
    size_t size)
{
	const char *layout = layouts[a % 14];

	arg(c, layout);
	if (strcmp(layout, "--ci") == 0 || strcmp(layout, "--compare") == 0) {
		arg(c, "--resamples=20");
		if (b & 16)
			arg(c, b & 32 ? "-fjson" : "-ftable");
	}
	if (layout[1] != 'f' || strcmp(layout, "-ftsv") == 0 ||
	    strcmp(layout, "-fjson") == 0)
		if (strncmp(layout, "--counts", 8) != 0)
			arg(c, modes[b % 5]);
	if (b & 64)
		arg(c, "--zero-division=NA");
	if (b & 128)
		arg(c, "--macro=gold");
	files(c, data, size, NULL, NULL);
}
#elif KIND == KIND_matrix
static const char *const layouts[] = { "-ftsv", "-flong", "-ftable",
	"-fsvg", "--top=3" };
static const char *const norms[] = { "-nnone", "-ngold", "-npred" };

static void
options(struct call *c, uint8_t a, uint8_t b, const uint8_t *data,
    size_t size)
{
	const char *layout = layouts[a % 5];

	arg(c, layout);
	if (layout[1] != '-')
		arg(c, norms[b % 3]);
	if (b & 4)
		arg(c, "-poverlap");
	if (b & 8)
		arg(c, "--max-types=3");
	files(c, data, size, NULL, NULL);
}
#endif

/* Drop what the run left in the program's options. */
static void
reset(void)
{
	opt = opt_initial;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	opt_initial = opt;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct call c = { 0 };

	if (size < 2)
		return 0;
	opt = opt_initial;
	optind = 0;
	opterr = 0;
	fuzz_quiet();
	arg(&c, "nertools-fuzz");
	options(&c, data[0], data[1], data + 2, size - 2);
	fuzz_call(run, &c, reset);
	return 0;
}
