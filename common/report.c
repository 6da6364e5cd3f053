/*
 * report: write per-type and averaged scores as TSV, an aligned table or
 * Markdown.  The table and Markdown are built as a grid of cells first, so
 * that every column is as wide as its widest cell.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "out.h"
#include "report.h"
#include "utf8.h"

const char *const mode_meaning[NMODE] = {
	[MODE_STRICT] = "a prediction counts when its boundaries and type "
	    "equal those of a gold entity",
	[MODE_EXACT] = "a prediction counts when its boundaries equal those "
	    "of a gold entity, whatever its type",
	[MODE_PARTIAL] = "exact boundaries earn full credit and any other "
	    "overlap half, whatever the type",
	[MODE_TYPE] = "a prediction counts when it overlaps a gold entity of "
	    "its type",
};

const char *const zero_names[3] = { "0", "1", "NA" };

static const char *const muc_names[5] = {
	"correct", "incorrect", "partial", "missed", "spurious"
};

/*
 * Return beta in the fewest significant digits that read back as the same
 * double, so 1.0000001 never prints as 1.
 */
const char *
beta_text(double beta)
{
	static char buf[40];
	int digits;

	for (digits = 6; digits < 17; digits++) {
		snprintf(buf, sizeof buf, "%.*g", digits, beta);
		if (strtod(buf, NULL) == beta)
			break;
	}
	return buf;
}

/* Return the name of the F column: "f1" for beta 1, else "f2", "f0.5". */
const char *
fbeta_name(double beta)
{
	static char buf[48];

	snprintf(buf, sizeof buf, "f%s", beta_text(beta));
	return buf;
}

const char *
scope_name(const char *scope, const struct report_opts *o)
{
	if (strcmp(scope, "macro") == 0 && o->sc.macro_gold_only)
		return "macro-gold";
	return scope;
}

void
out_ratio(const struct ratio *r, int digits)
{
	if (r->na)
		out_str("NA");
	else
		out_fixed(r->v, digits);
}

/* Write a count stored doubled: 7 as "3.5", 6 as "3". */
void
out_half(uint64_t doubled)
{
	out_u64(doubled / 2);
	if (doubled % 2)
		out_str(".5");
}

void
pad_left(int width, int used)
{
	while (used++ < width)
		out_char(' ');
}

static uint64_t
muc_value(const struct stats *s, int k)
{
	const uint64_t v[5] = { s->cor, s->inc, s->par, s->mis, s->spu };

	return v[k];
}

/* TSV: one row per type and average, every field filled. */

static void
tsv_begin(const struct report *rep, const char *scope, const struct stats *s,
    const struct report_opts *o)
{
	size_t len = 0;
	const char *name = s->type == TYPE_NONE ? "" : type_name(s->type, &len);

	out_str(mode_names[rep->mode]);
	out_tab();
	out_str(scope_name(scope, o));
	out_tab();
	out_write(name, len);
	out_tab();
	out_half(s->tp2);
	out_tab();
	out_half(twice(s->pred) - s->tp2);
	out_tab();
	out_half(twice(s->gold) - s->tp2);
	out_tab();
	out_u64(s->gold);
	out_tab();
	out_u64(s->pred);
}

static void
tsv_end(const struct stats *s, const struct report_opts *o)
{
	int k;

	if (o->muc)
		for (k = 0; k < 5; k++) {
			out_tab();
			out_u64(muc_value(s, k));
		}
	out_nl();
}

static void
tsv_row(const struct report *rep, const char *scope, const struct stats *s,
    const struct ratio v[3], const struct report_opts *o)
{
	int k;

	tsv_begin(rep, scope, s, o);
	for (k = 0; k < 3; k++) {
		out_tab();
		out_ratio(&v[k], o->digits);
	}
	tsv_end(s, o);
}

static void
tsv_stats(const struct report *rep, const char *scope, const struct stats *s,
    const struct report_opts *o)
{
	const struct ratio v[3] = { s->p, s->r, s->f };

	tsv_row(rep, scope, s, v, o);
}

/* The rows of the per-document averages: mean, sd, and n as counts. */
static void
tsv_docs(const struct report *rep, const struct report_opts *o)
{
	const struct docavg *d = rep->doc;
	int k;

	tsv_row(rep, "doc-mean", &rep->micro, d->mean, o);
	tsv_row(rep, "doc-sd", &rep->micro, d->sd, o);
	tsv_begin(rep, "doc-n", &rep->micro, o);
	for (k = 0; k < 3; k++) {
		out_tab();
		out_u64(d->n[k]);
	}
	tsv_end(&rep->micro, o);
}

void
report_tsv(const struct report *reps, int nreps, const struct report_opts *o)
{
	uint32_t i;
	int m, k;

	out_str("mode\tscope\ttype\ttp\tfp\tfn\tgold\tpred\tprecision\t"
	    "recall\t");
	out_str(fbeta_name(o->sc.beta));
	if (o->muc)
		for (k = 0; k < 5; k++) {
			out_tab();
			out_str(muc_names[k]);
		}
	out_nl();
	for (m = 0; m < nreps; m++) {
		const struct report *rep = &reps[m];

		for (i = 0; i < rep->ntypes; i++)
			tsv_stats(rep, "type", &rep->types[i], o);
		tsv_stats(rep, "micro", &rep->micro, o);
		tsv_stats(rep, "macro", &rep->macro, o);
		tsv_stats(rep, "weighted", &rep->weighted, o);
		if (rep->doc != NULL)
			tsv_docs(rep, o);
	}
}

/* The grid behind the table and Markdown layouts. */
struct grid {
	char	**cell;		/* row-major; NULL is an empty cell */
	size_t	 nrows, ncols, cap;
};

static void
grid_add_row(struct grid *g)
{
	size_t i;

	if ((g->nrows + 1) * g->ncols > g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64 * g->ncols;
		g->cell = xrealloc(g->cell, g->cap * sizeof *g->cell);
	}
	for (i = 0; i < g->ncols; i++)
		g->cell[g->nrows * g->ncols + i] = NULL;
	g->nrows++;
}

static void
grid_put_bytes(struct grid *g, size_t col, const char *p, size_t len)
{
	g->cell[(g->nrows - 1) * g->ncols + col] = xstrndup(p, len);
}

static void
grid_put(struct grid *g, size_t col, const char *fmt, ...)
{
	char buf[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof buf)
		die(EXIT_DATA, "cannot format a table cell");
	grid_put_bytes(g, col, buf, (size_t)n);
}

static void
grid_free(struct grid *g)
{
	size_t i;

	for (i = 0; i < g->nrows * g->ncols; i++)
		free(g->cell[i]);
	free(g->cell);
}

static void
put_half(struct grid *g, size_t col, uint64_t doubled)
{
	grid_put(g, col, "%llu%s", (unsigned long long)(doubled / 2),
	    doubled % 2 ? ".5" : "");
}

static void
put_ratio(struct grid *g, size_t col, const struct ratio *r, int digits)
{
	if (r->na)
		grid_put(g, col, "NA");
	else
		grid_put(g, col, "%.*f", digits, r->v);
}

/* Put the row label: a type name, "(empty)" for the empty one, or label. */
static void
put_label(struct grid *g, const struct stats *s, const char *label)
{
	size_t len;
	const char *name;

	if (s == NULL || s->type == TYPE_NONE) {
		grid_put(g, 0, "%s", label);
		return;
	}
	name = type_name(s->type, &len);
	if (len == 0)
		grid_put(g, 0, "(empty)");
	else
		g->cell[(g->nrows - 1) * g->ncols] = utf8_clean_copy(name, len);
}

static void
put_counts(struct grid *g, const struct stats *s, const struct report_opts *o)
{
	size_t col = 6;
	int k;

	put_half(g, 1, s->tp2);
	put_half(g, 2, twice(s->pred) - s->tp2);
	put_half(g, 3, twice(s->gold) - s->tp2);
	grid_put(g, 4, "%llu", (unsigned long long)s->gold);
	grid_put(g, 5, "%llu", (unsigned long long)s->pred);
	if (o->muc)
		for (k = 0; k < 5; k++)
			grid_put(g, col++, "%llu",
			    (unsigned long long)muc_value(s, k));
}

static void
put_ratios(struct grid *g, const struct ratio v[3], const struct report_opts *o)
{
	int k;

	for (k = 0; k < 3; k++)
		put_ratio(g, g->ncols - 3 + (size_t)k, &v[k], o->digits);
}

static void
grid_stats(struct grid *g, const struct stats *s, const char *label,
    bool counts, const struct report_opts *o)
{
	const struct ratio v[3] = { s->p, s->r, s->f };

	grid_add_row(g);
	put_label(g, s, label);
	if (counts)
		put_counts(g, s, o);
	put_ratios(g, v, o);
}

static void
grid_head(struct grid *g, const struct report_opts *o)
{
	static const char *const names[] = { "type", "tp", "fp", "fn", "gold",
	    "pred" };
	size_t col;
	int k;

	grid_add_row(g);
	for (col = 0; col < 6; col++)
		grid_put(g, col, "%s", names[col]);
	if (o->muc)
		for (k = 0; k < 5; k++)
			grid_put(g, col++, "%s", muc_names[k]);
	grid_put(g, col++, "precision");
	grid_put(g, col++, "recall");
	grid_put(g, col, "%s", fbeta_name(o->sc.beta));
}

static void
grid_build(struct grid *g, const struct report *rep,
    const struct report_opts *o)
{
	uint32_t i;

	memset(g, 0, sizeof *g);
	g->ncols = o->muc ? 14 : 9;
	grid_head(g, o);
	for (i = 0; i < rep->ntypes; i++)
		grid_stats(g, &rep->types[i], "", true, o);
	grid_stats(g, &rep->micro, "micro", true, o);
	grid_stats(g, &rep->macro, scope_name("macro", o), false, o);
	grid_stats(g, &rep->weighted, "weighted", false, o);
	if (rep->doc == NULL)
		return;
	grid_add_row(g);
	grid_put(g, 0, "doc-mean");
	put_ratios(g, rep->doc->mean, o);
	grid_add_row(g);
	grid_put(g, 0, "doc-sd");
	put_ratios(g, rep->doc->sd, o);
}

static const char *
grid_at(const struct grid *g, size_t row, size_t col)
{
	const char *s = g->cell[row * g->ncols + col];

	return s != NULL ? s : "";
}

/* Return the terminal columns the cell takes. */
static int
cell_width(const struct grid *g, size_t row, size_t col)
{
	const char *s = grid_at(g, row, col);

	return (int)utf8_width(s, strlen(s));
}

/* Table: the first column flush left, the others flush right. */
static void
grid_table(const struct grid *g)
{
	size_t r, c;
	int *w = xcalloc(g->ncols, sizeof *w);

	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++)
			if (cell_width(g, r, c) > w[c])
				w[c] = cell_width(g, r, c);
	for (r = 0; r < g->nrows; r++) {
		out_str(grid_at(g, r, 0));
		pad_left(w[0], cell_width(g, r, 0));
		for (c = 1; c < g->ncols; c++) {
			pad_left(w[c] + 2, cell_width(g, r, c));
			out_str(grid_at(g, r, c));
		}
		out_nl();
	}
	free(w);
}

/* Write s as Markdown text: ASCII punctuation that marks up is escaped. */
static void
out_markdown_text(const char *s)
{
	for (; *s != '\0'; s++) {
		if (strchr("\\`*_[]<>|~&", *s) != NULL)
			out_char('\\');
		out_char(*s);
	}
}

static void
grid_markdown(const struct grid *g)
{
	size_t r, c;

	for (r = 0; r < g->nrows; r++) {
		for (c = 0; c < g->ncols; c++) {
			out_str(c == 0 ? "| " : " | ");
			if (r == 0)
				out_str(grid_at(g, r, c));
			else
				out_markdown_text(grid_at(g, r, c));
		}
		out_str(" |\n");
		if (r > 0)
			continue;
		out_str("| :---");
		for (c = 1; c < g->ncols; c++)
			out_str(" | ---:");
		out_str(" |\n");
	}
}

/* The notes under a table: every definition its numbers depend on. */

static void
note_types(const struct report *rep, const char *prefix)
{
	out_printf("%stp, fp, fn, gold and pred count entities; ", prefix);
	if (mode_counts_own_type(rep->mode))
		out_str("each entity counts under its own type, so a pair of "
		    "two types is a miss of the gold type and a spurious "
		    "prediction of the other.\n");
	else
		out_str("a pair counts under the type of its gold entity, an "
		    "unpaired prediction under its own type.\n");
}

static void
note_averages(const struct report *rep, const struct report_opts *o,
    const char *prefix)
{
	out_printf("%smicro sums the counts of all types; %s is the mean over "
	    "the %u type%s with %s; weighted is the mean over all types, each "
	    "weighted by its gold count.\n", prefix, scope_name("macro", o),
	    rep->nmacro, rep->nmacro == 1 ? "" : "s",
	    o->sc.macro_gold_only ? "gold entities" :
	    "gold entities or predictions");
}

static void
note_ratios(const struct report_opts *o, const char *prefix)
{
	out_printf("%s%s is F-beta with beta %s; ", prefix,
	    fbeta_name(o->sc.beta), beta_text(o->sc.beta));
	if (o->sc.zero == ZERO_IS_NA)
		out_str("a ratio with a zero denominator is NA, and means "
		    "leave NA values out.\n");
	else
		out_printf("a ratio with a zero denominator counts as %s.\n",
		    zero_names[o->sc.zero]);
}

static void
note_muc(const struct report *rep, const char *prefix)
{
	out_printf("%scorrect, incorrect, partial, missed and spurious are "
	    "the MUC categories of the mode", prefix);
	if (mode_counts_own_type(rep->mode))
		out_str("; a pair of two types is one incorrect entity in the "
		    "micro row, a missed and a spurious one in the type rows");
	out_str(".\n");
}

static void
note_docs(const struct docavg *d, const struct report_opts *o,
    const char *prefix)
{
	out_printf("%sdoc-mean and doc-sd are the mean and the sample standard "
	    "deviation (n - 1 denominator) of the micro scores of the %llu "
	    "document%s", prefix, (unsigned long long)d->docs,
	    d->docs == 1 ? "" : "s");
	if (d->n[0] != d->docs || d->n[1] != d->docs || d->n[2] != d->docs)
		out_printf(" (precision over %llu, recall over %llu, %s over "
		    "%llu where they are defined)", (unsigned long long)d->n[0],
		    (unsigned long long)d->n[1], fbeta_name(o->sc.beta),
		    (unsigned long long)d->n[2]);
	if (d->empty == 1)
		out_str("; the document with no gold and no predicted entity "
		    "scores 1");
	else if (d->empty > 1)
		out_printf("; the %llu documents with no gold and no predicted "
		    "entity score 1", (unsigned long long)d->empty);
	out_str(".\n");
}

static void
notes(const struct report *rep, const struct counts *c,
    const struct report_opts *o, const char *prefix)
{
	out_printf("%smode %s: %s.\n", prefix, mode_names[rep->mode],
	    mode_meaning[rep->mode]);
	note_types(rep, prefix);
	note_averages(rep, o, prefix);
	note_ratios(o, prefix);
	if (o->muc)
		note_muc(rep, prefix);
	if (rep->doc != NULL)
		note_docs(rep->doc, o, prefix);
	if (c->tokens_known && c->correct_known && c->tokens > 0)
		out_printf("%sToken accuracy %.*f over %llu tokens.\n", prefix,
		    o->digits, (double)c->correct / (double)c->tokens,
		    (unsigned long long)c->tokens);
}

/* Write each report as a table or in Markdown, with its notes below it. */
static void
report_grid(const struct report *reps, int nreps, const struct counts *c,
    const struct report_opts *o, bool markdown)
{
	struct grid g;
	int m;

	for (m = 0; m < nreps; m++) {
		if (m > 0)
			out_nl();
		grid_build(&g, &reps[m], o);
		if (markdown)
			grid_markdown(&g);
		else
			grid_table(&g);
		grid_free(&g);
		out_nl();
		if (markdown) {
			notes(&reps[m], c, o, "- ");
		} else {
			size_t mark = out_mark();

			notes(&reps[m], c, o, "");
			out_wrap_since(mark, 78);
		}
	}
}

void
report_table(const struct report *reps, int nreps, const struct counts *c,
    const struct report_opts *o)
{
	report_grid(reps, nreps, c, o, false);
}

void
report_markdown(const struct report *reps, int nreps, const struct counts *c,
    const struct report_opts *o)
{
	report_grid(reps, nreps, c, o, true);
}
