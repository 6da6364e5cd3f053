/*
 * bootreport: write the intervals of nerscore --ci and the comparison of
 * nerscore --compare as TSV, or as an aligned table.  Notes below the
 * table state in plain words what changed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bootreport.h"
#include "err.h"
#include "out.h"

static const char *const metric_names[3] = { "precision", "recall", NULL };

/* A table of text cells, every column as wide as its widest cell. */
struct table {
	char	**cell;
	size_t	 nrows, ncols, cap;
};

const char *
boot_metric_name(int metric, const struct bootview *v)
{
	return metric < 2 ? metric_names[metric] : fbeta_name(v->ro.sc.beta);
}

static void
table_row(struct table *t)
{
	size_t i;

	if ((t->nrows + 1) * t->ncols > t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32 * t->ncols;
		t->cell = xrealloc(t->cell, t->cap * sizeof *t->cell);
	}
	for (i = 0; i < t->ncols; i++)
		t->cell[t->nrows * t->ncols + i] = NULL;
	t->nrows++;
}

static void
table_put(struct table *t, size_t col, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		die(EXIT_DATA, "cannot format a table cell");
	t->cell[(t->nrows - 1) * t->ncols + col] = xstrndup(buf, strlen(buf));
}

static const char *
table_at(const struct table *t, size_t r, size_t c)
{
	const char *s = t->cell[r * t->ncols + c];

	return s != NULL ? s : "";
}

/* Write the table, the first column flush left, the others flush right. */
static void
table_write(struct table *t)
{
	size_t r, c, *w = xcalloc(t->ncols, sizeof *w);

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++)
			if (strlen(table_at(t, r, c)) > w[c])
				w[c] = strlen(table_at(t, r, c));
	for (r = 0; r < t->nrows; r++) {
		out_str(table_at(t, r, 0));
		pad_left((int)w[0], (int)strlen(table_at(t, r, 0)));
		for (c = 1; c < t->ncols; c++) {
			pad_left((int)w[c] + 2, (int)strlen(table_at(t, r, c)));
			out_str(table_at(t, r, c));
		}
		out_nl();
	}
	for (r = 0; r < t->nrows * t->ncols; r++)
		free(t->cell[r]);
	free(t->cell);
	free(w);
}

/* Format a ratio into buf: NA, or fixed with digits decimals. */
static const char *
fmt_ratio(char *buf, size_t size, struct ratio r, int digits, bool sign)
{
	if (r.na)
		snprintf(buf, size, "NA");
	else if (fixed_text(buf, size, r.v, digits, sign) < 0)
		snprintf(buf, size, sign ? "%+.*f" : "%.*f", digits, r.v);
	return buf;
}

/* The scope and type name of row i: a type, micro or macro. */
static const char *
row_scope(const struct bootrows *br, size_t i, const struct bootview *v)
{
	if (i < br->ntypes)
		return "type";
	return scope_name(i == br->ntypes ? "micro" : "macro", &v->ro);
}

static void
out_row_type(const struct bootrows *br, size_t i)
{
	const char *name;
	size_t len;

	if (i >= br->ntypes)
		return;
	name = type_name(br->types[i], &len);
	out_write(name, len);
}

static const char *
label(const struct bootrows *br, size_t i, const struct bootview *v)
{
	size_t len;
	static char buf[512];
	const char *name;

	if (i >= br->ntypes)
		return row_scope(br, i, v);
	name = type_name(br->types[i], &len);
	if (len == 0)
		return "(empty)";
	snprintf(buf, sizeof buf, "%.*s", (int)len, name);
	return buf;
}

static void
out_ratio_tab(struct ratio r, int digits)
{
	out_tab();
	out_ratio(&r, digits);
}

/* --ci as TSV: a row per type and average with each ratio's interval. */
static void
ci_tsv(const struct bootresult *res, const struct bootview *v)
{
	const char *f = fbeta_name(v->ro.sc.beta);
	size_t i;
	int m, k;

	out_printf("mode\tscope\ttype\ttp\tgold\tpred\tprecision\tprecision_lo"
	    "\tprecision_hi\trecall\trecall_lo\trecall_hi\t%s\t%s_lo\t%s_hi\n",
	    f, f, f);
	for (m = 0; m < res->nmodes; m++) {
		const struct bootrows *br = &res->rows[m];

		for (i = 0; i < (size_t)br->ntypes + 2; i++) {
			const struct stats *s = &br->stats[0][i];

			out_printf("%s\t%s\t", mode_names[br->mode],
			    row_scope(br, i, v));
			out_row_type(br, i);
			out_tab();
			out_half(s->tp2);
			out_printf("\t%llu\t%llu", (unsigned long long)s->gold,
			    (unsigned long long)s->pred);
			for (k = 0; k < 3; k++) {
				out_ratio_tab(row_value(s, k), v->ro.digits);
				out_ratio_tab(br->iv[i * 3 + (size_t)k].lo,
				    v->ro.digits);
				out_ratio_tab(br->iv[i * 3 + (size_t)k].hi,
				    v->ro.digits);
			}
			out_nl();
		}
	}
}

static void
put_interval(struct table *t, size_t col, const struct interval *iv,
    int digits, bool sign)
{
	char lo[64], hi[64];

	table_put(t, col, "[%s, %s]", fmt_ratio(lo, sizeof lo, iv->lo, digits,
	    sign), fmt_ratio(hi, sizeof hi, iv->hi, digits, sign));
}

static void
note_resampling(const struct bootresult *res, const struct bootview *v,
    const char *what)
{
	out_printf("%s: %g%% percentile bootstrap intervals over the %zu %ss "
	    "of the input, ", what, v->bo.level * 100, res->units, v->unit);
	if (res->exact)
		out_printf("from all %llu distinct resamples, each weighted by "
		    "the number of draws that give it.\n",
		    (unsigned long long)res->resamples);
	else
		out_printf("from %llu resamples drawn with seed %llu.\n",
		    (unsigned long long)res->resamples,
		    (unsigned long long)v->bo.seed);
}

static void
ci_table_mode(const struct bootresult *res, const struct bootrows *br,
    const struct bootview *v)
{
	struct table t = { NULL, 0, 9, 0 };
	char buf[64];
	size_t i;
	int k;

	table_row(&t);
	table_put(&t, 0, "type");
	table_put(&t, 1, "gold");
	table_put(&t, 2, "pred");
	for (k = 0; k < 3; k++) {
		table_put(&t, 3 + 2 * (size_t)k, "%s", boot_metric_name(k, v));
		table_put(&t, 4 + 2 * (size_t)k, "%g%% interval",
		    v->bo.level * 100);
	}
	for (i = 0; i < (size_t)br->ntypes + 2; i++) {
		const struct stats *s = &br->stats[0][i];

		table_row(&t);
		table_put(&t, 0, "%s", label(br, i, v));
		if (i <= br->ntypes) {
			table_put(&t, 1, "%llu", (unsigned long long)s->gold);
			table_put(&t, 2, "%llu", (unsigned long long)s->pred);
		}
		for (k = 0; k < 3; k++) {
			table_put(&t, 3 + 2 * (size_t)k, "%s", fmt_ratio(buf,
			    sizeof buf, row_value(s, k), v->ro.digits, false));
			put_interval(&t, 4 + 2 * (size_t)k,
			    &br->iv[i * 3 + (size_t)k], v->ro.digits, false);
		}
	}
	table_write(&t);
	out_nl();
	out_printf("mode %s: %s.\n", mode_names[br->mode],
	    mode_meaning[br->mode]);
	note_resampling(res, v, "Intervals");
}

void
bootreport_ci(const struct bootresult *res, const struct bootview *v)
{
	int m;

	if (v->json) {
		bootjson_ci(res, v);
		return;
	}
	if (!v->table) {
		ci_tsv(res, v);
		return;
	}
	for (m = 0; m < res->nmodes; m++) {
		if (m > 0)
			out_nl();
		ci_table_mode(res, &res->rows[m], v);
	}
}

/* The verdict on a difference: better, worse or not significant. */
const char *
boot_change(struct ratio diff, const struct interval *iv, double level,
    bool words)
{
	if (diff.na || iv->p.na || !(iv->p.v <= 1 - level) || diff.v == 0)
		return words ? "not significant" : "not-significant";
	return diff.v > 0 ? "better" : "worse";
}

struct ratio
boot_diff(const struct bootrows *br, size_t i, int k)
{
	struct ratio a = row_value(&br->stats[0][i], k);
	struct ratio b = row_value(&br->stats[1][i], k);
	struct ratio d;

	d.na = a.na || b.na;
	d.v = d.na ? 0 : b.v - a.v;
	return d;
}

/* --compare as TSV: a row per type or average and metric. */
static void
compare_tsv(const struct bootresult *res, const struct bootview *v)
{
	size_t i;
	int m, k;

	out_str("mode\tscope\ttype\tmetric\ta\tb\tdiff\tdiff_lo\tdiff_hi\tp\t"
	    "change\n");
	for (m = 0; m < res->nmodes; m++) {
		const struct bootrows *br = &res->rows[m];

		for (i = 0; i < (size_t)br->ntypes + 2; i++)
			for (k = 0; k < 3; k++) {
				const struct interval *iv = &br->iv[i * 3 +
				    (size_t)k];

				out_printf("%s\t%s\t", mode_names[br->mode],
				    row_scope(br, i, v));
				out_row_type(br, i);
				out_printf("\t%s", boot_metric_name(k, v));
				out_ratio_tab(row_value(&br->stats[0][i], k),
				    v->ro.digits);
				out_ratio_tab(row_value(&br->stats[1][i], k),
				    v->ro.digits);
				out_ratio_tab(boot_diff(br, i, k), v->ro.digits);
				out_ratio_tab(iv->lo, v->ro.digits);
				out_ratio_tab(iv->hi, v->ro.digits);
				out_ratio_tab(iv->p, v->ro.digits);
				out_printf("\t%s\n", boot_change(boot_diff(br, i,
				    k), iv, v->bo.level, false));
			}
	}
}

static void
compare_table_row(struct table *t, const struct bootrows *br, size_t i,
    int k, const struct bootview *v)
{
	const struct interval *iv = &br->iv[i * 3 + (size_t)k];
	char buf[64];

	table_row(t);
	if (k == 0)
		table_put(t, 0, "%s", label(br, i, v));
	table_put(t, 1, "%s", boot_metric_name(k, v));
	table_put(t, 2, "%s", fmt_ratio(buf, sizeof buf,
	    row_value(&br->stats[0][i], k), v->ro.digits, false));
	table_put(t, 3, "%s", fmt_ratio(buf, sizeof buf,
	    row_value(&br->stats[1][i], k), v->ro.digits, false));
	table_put(t, 4, "%s", fmt_ratio(buf, sizeof buf, boot_diff(br, i, k),
	    v->ro.digits, true));
	put_interval(t, 5, iv, v->ro.digits, true);
	table_put(t, 6, "%s", fmt_ratio(buf, sizeof buf, iv->p, v->ro.digits,
	    false));
	table_put(t, 7, "%s", boot_change(boot_diff(br, i, k), iv, v->bo.level,
	    true));
}

/* Name the types whose F changed one way, as a sentence. */
static void
note_types(const struct bootrows *br, const struct bootview *v,
    const char *verdict, const char *lead)
{
	char buf[64];
	size_t i, n = 0;

	for (i = 0; i < br->ntypes; i++) {
		const struct interval *iv = &br->iv[i * 3 + 2];
		struct ratio d = boot_diff(br, i, 2);

		if (strcmp(boot_change(d, iv, v->bo.level, true), verdict) != 0)
			continue;
		out_str(n++ == 0 ? lead : ", ");
		out_str(label(br, i, v));
		if (strcmp(verdict, "not significant") != 0)
			out_printf(" (%s, p = %s)", fmt_ratio(buf, sizeof buf,
			    d, v->ro.digits, true), fmt_ratio(buf + 32, 32,
			    iv->p, v->ro.digits, false));
	}
	if (n > 0)
		out_str(".\n");
}

static void
note_overall(const struct bootrows *br, const struct bootview *v)
{
	size_t i = br->ntypes;
	const struct interval *iv = &br->iv[i * 3 + 2];
	struct ratio d = boot_diff(br, i, 2);
	const char *change = boot_change(d, iv, v->bo.level, true);
	char a[64], b[64], p[64];

	out_printf("Overall (micro %s) B is %s: %s against %s, p = %s.\n",
	    boot_metric_name(2, v), strcmp(change, "better") == 0 ? "better than A" :
	    strcmp(change, "worse") == 0 ? "worse than A" :
	    "not significantly different from A", fmt_ratio(b, sizeof b,
	    row_value(&br->stats[1][i], 2), v->ro.digits, false),
	    fmt_ratio(a, sizeof a, row_value(&br->stats[0][i], 2), v->ro.digits,
	    false), fmt_ratio(p, sizeof p, iv->p, v->ro.digits, false));
}

static void
compare_notes(const struct bootresult *res, const struct bootrows *br,
    const struct bootview *v)
{
	char alpha[32];

	snprintf(alpha, sizeof alpha, "%g", 1 - v->bo.level);
	out_printf("A is %s, B is %s; diff is B - A.\n", v->input[0],
	    v->input[1]);
	out_printf("mode %s: %s.\n", mode_names[br->mode],
	    mode_meaning[br->mode]);
	note_resampling(res, v, "Paired resampling");
	out_printf("p is the two-sided paired bootstrap p-value; a change is "
	    "significant when p <= %s.\n", alpha);
	note_overall(br, v);
	note_types(br, v, "better", "Better types by F: ");
	note_types(br, v, "worse", "Worse types by F: ");
	note_types(br, v, "not significant", "No significant change: ");
}

static void
compare_table_mode(const struct bootresult *res, const struct bootrows *br,
    const struct bootview *v)
{
	static const char *const head[] = { "type", "metric", "A", "B",
	    "diff", NULL, "p", "change" };
	struct table t = { NULL, 0, 8, 0 };
	size_t i, c;
	int k;

	table_row(&t);
	for (c = 0; c < 8; c++)
		if (head[c] != NULL)
			table_put(&t, c, "%s", head[c]);
	table_put(&t, 5, "%g%% interval", v->bo.level * 100);
	for (i = 0; i < (size_t)br->ntypes + 2; i++)
		for (k = 0; k < 3; k++)
			compare_table_row(&t, br, i, k, v);
	table_write(&t);
	out_nl();
	compare_notes(res, br, v);
}

void
bootreport_compare(const struct bootresult *res, const struct bootview *v)
{
	int m;

	if (v->json) {
		bootjson_compare(res, v);
		return;
	}
	if (!v->table) {
		compare_tsv(res, v);
		return;
	}
	for (m = 0; m < res->nmodes; m++) {
		if (m > 0)
			out_nl();
		compare_table_mode(res, &res->rows[m], v);
	}
}
