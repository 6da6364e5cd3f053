/*
 * matrix_text: the text layouts of the confusion matrix.
 *
 * TSV layouts write type names as they are; the table replaces invalid
 * UTF-8 and control characters, because it is meant for a terminal.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "matrix_text.h"
#include "out.h"
#include "utf8.h"

#define VALUE_MAX 64

/* The shades of the table, lightest first: 256-colour background, text. */
static const struct {
	int	 bg, fg;
} shades[] = {
	{ 195, 16 }, { 153, 16 }, { 111, 16 }, { 69, 231 }, { 27, 231 },
	{ 19, 231 },
};
#define NSHADES ((int)(sizeof shades / sizeof shades[0]))

static void
out_label(const struct matrix *m, uint32_t i, bool row)
{
	size_t len;
	const char *s = matrix_label(m, i, row, &len);

	out_write(s, len);
}

static void
out_corner(const struct matrix *m)
{
	out_printf("%s\\%s (%s; %s%s)", matrix_axis_name(m, true),
	    matrix_axis_name(m, false), matrix_pairs_text(m),
	    matrix_values_text(m), m->o.errors ? "; diagonal blanked" : "");
}

static void
out_value(const struct matrix *m, uint32_t row, uint32_t col, uint64_t n)
{
	char buf[VALUE_MAX];
	struct mvalue v = matrix_value(m, row, col, n);

	out_write(buf, matrix_format(m, &v, buf, sizeof buf));
}

/* Write the wide TSV: a header of column labels, then one line per row. */
void
matrix_write_wide(const struct matrix *m)
{
	uint64_t *counts = xcalloc((size_t)m->n + 1, sizeof *counts);
	uint32_t r, c;

	out_corner(m);
	for (c = 0; c <= m->n; c++) {
		out_tab();
		out_label(m, c, false);
	}
	out_nl();
	for (r = 0; r <= m->n; r++) {
		matrix_row(m, r, counts);
		out_label(m, r, true);
		for (c = 0; c <= m->n; c++) {
			out_tab();
			out_value(m, r, c, counts[c]);
		}
		out_nl();
	}
	free(counts);
}

static const char *
value_column(const struct matrix *m)
{
	switch (m->o.norm) {
	case NORM_GOLD:
		return "gold_share";
	case NORM_PRED:
		return "pred_share";
	default:
		return "count";
	}
}

/* Write the long TSV: one line per non-zero cell that the view shows. */
void
matrix_write_long(const struct matrix *m)
{
	const struct mcell *c;
	struct mvalue v;
	size_t k;

	out_printf("%s\t%s\t%s\tpairs\n", matrix_axis_name(m, true),
	    matrix_axis_name(m, false), value_column(m));
	for (k = 0; k < m->ncells; k++) {
		c = &m->cells[k];
		v = matrix_value(m, c->row, c->col, c->n);
		if (v.kind == V_BLANK)
			continue;
		out_label(m, c->row, true);
		out_tab();
		out_label(m, c->col, false);
		out_tab();
		out_value(m, c->row, c->col, c->n);
		out_tab();
		out_str(m->o.overlap ? "overlap" : "exact");
		out_nl();
	}
}

static size_t
label_width(const struct matrix *m, uint32_t i, bool row)
{
	size_t len;
	const char *s = matrix_label(m, i, row, &len);

	return len == 0 ? 7 : utf8_width(s, len);
}

/* Write a label for a terminal; the empty type shows as "(empty)". */
static void
out_table_label(const struct matrix *m, uint32_t i, bool row)
{
	size_t len;
	const char *s = matrix_label(m, i, row, &len);

	if (len == 0)
		out_str("(empty)");
	else
		utf8_out_clean(s, len, false);
}

static void
pad(size_t n)
{
	while (n-- > 0)
		out_char(' ');
}

/* Measure each column of the table: widths[0] is the label column. */
static void
measure_table(const struct matrix *m, size_t *widths, uint64_t *counts)
{
	char buf[VALUE_MAX];
	struct mvalue v;
	uint32_t r, c;
	size_t w;

	widths[0] = strlen(matrix_axis_name(m, true)) +
	    strlen(matrix_axis_name(m, false)) + 1;
	for (c = 0; c <= m->n; c++)
		widths[c + 1] = label_width(m, c, false);
	for (r = 0; r <= m->n; r++) {
		if ((w = label_width(m, r, true)) > widths[0])
			widths[0] = w;
		matrix_row(m, r, counts);
		for (c = 0; c <= m->n; c++) {
			v = matrix_value(m, r, c, counts[c]);
			w = matrix_format(m, &v, buf, sizeof buf);
			if (w > widths[c + 1])
				widths[c + 1] = w;
		}
	}
}

/* Return the shade of a value, or -1 for none (zero, blank or NA). */
static int
shade_of(const struct matrix *m, const struct mvalue *v)
{
	double x, f;
	int level;

	if (v->kind == V_COUNT)
		x = (double)v->n;
	else if (v->kind == V_SHARE)
		x = v->share;
	else
		return -1;
	if (x <= 0 || m->scale_max <= 0)
		return -1;
	f = x / m->scale_max;
	level = (int)ceil(f * NSHADES) - 1;
	if (level < 0)
		return 0;
	if (level >= NSHADES)
		return NSHADES - 1;
	return level;
}

static void
out_shaded(const char *text, size_t len, size_t width, int shade)
{
	out_char(' ');
	if (shade >= 0)
		out_printf("\033[48;5;%dm\033[38;5;%dm", shades[shade].bg,
		    shades[shade].fg);
	pad(width + 1 - len);
	out_write(text, len);
	if (shade >= 0)
		out_str("\033[0m");
}

static void
table_heading(const struct matrix *m)
{
	char buf[HEADING_MAX];

	matrix_heading(m, 0, buf, sizeof buf);
	out_str(buf);
	out_str("; ");
	matrix_heading(m, 1, buf, sizeof buf);
	out_str(buf);
	out_nl();
	matrix_heading(m, 2, buf, sizeof buf);
	out_str(buf);
	out_nl();
}

static void
table_header_line(const struct matrix *m, const size_t *widths)
{
	uint32_t c;
	size_t w;

	out_printf("%s\\%s", matrix_axis_name(m, true),
	    matrix_axis_name(m, false));
	pad(widths[0] - (strlen(matrix_axis_name(m, true)) +
	    strlen(matrix_axis_name(m, false)) + 1));
	for (c = 0; c <= m->n; c++) {
		w = label_width(m, c, false);
		pad(widths[c + 1] + 2 - w);
		out_table_label(m, c, false);
	}
	out_nl();
}

/* Write a line of swatches: each shade with the largest value it marks. */
static void
table_scale(const struct matrix *m)
{
	char buf[VALUE_MAX];
	double top;
	int k, len;

	out_str("shades, each up to:");
	for (k = 0; k < NSHADES; k++) {
		top = m->scale_max * (k + 1) / NSHADES;
		if (m->o.norm == NORM_NONE)
			len = snprintf(buf, sizeof buf, "%.0f", floor(top));
		else
			len = snprintf(buf, sizeof buf, "%.*f", m->o.digits,
			    top);
		out_shaded(buf, (size_t)len, (size_t)len + 1, k);
	}
	out_nl();
}

/* Write the aligned table, shaded by value when color is true. */
void
matrix_write_table(const struct matrix *m, bool color)
{
	uint64_t *counts = xcalloc((size_t)m->n + 1, sizeof *counts);
	size_t *widths = xcalloc((size_t)m->n + 2, sizeof *widths);
	char buf[VALUE_MAX];
	struct mvalue v;
	uint32_t r, c;
	size_t len;

	measure_table(m, widths, counts);
	table_heading(m);
	table_header_line(m, widths);
	for (r = 0; r <= m->n; r++) {
		matrix_row(m, r, counts);
		out_table_label(m, r, true);
		pad(widths[0] - label_width(m, r, true));
		for (c = 0; c <= m->n; c++) {
			v = matrix_value(m, r, c, counts[c]);
			len = matrix_format(m, &v, buf, sizeof buf);
			out_shaded(buf, len, widths[c + 1],
			    color ? shade_of(m, &v) : -1);
		}
		out_nl();
	}
	if (color && m->scale_max > 0)
		table_scale(m);
	free(counts);
	free(widths);
}

enum {
	TOP_GOLD, TOP_PRED, TOP_COUNT, TOP_PAIRS, TOP_SOURCE, TOP_GOLD_TEXT,
	TOP_PRED_TEXT, NTOP
};

static const char *const top_names[NTOP] = {
	"gold", "pred", "count", "pairs", "source", "gold_text", "pred_text"
};

/* Fill the fields of one line of the top list, formatting the count in buf. */
static void
top_fields(const struct matrix *m, const struct examples *e,
    const struct mcell *c, struct field *f, char *buf, size_t size)
{
	const struct example *x = examples_find(e, m, c);
	uint32_t g, p;
	int len;

	matrix_axes(m, c->row, c->col, &g, &p);
	f[TOP_GOLD].p = matrix_label(m, g, !m->o.transpose, &f[TOP_GOLD].len);
	f[TOP_PRED].p = matrix_label(m, p, m->o.transpose, &f[TOP_PRED].len);
	len = snprintf(buf, size, "%llu", (unsigned long long)c->n);
	f[TOP_COUNT].p = buf;
	f[TOP_COUNT].len = len < 0 ? 0 : (size_t)len;
	f[TOP_PAIRS].p = m->o.overlap ? "overlap" : "exact";
	f[TOP_PAIRS].len = strlen(f[TOP_PAIRS].p);
	f[TOP_SOURCE].p = x != NULL ? x->source : "";
	f[TOP_GOLD_TEXT].p = x != NULL ? x->gold_text : "";
	f[TOP_PRED_TEXT].p = x != NULL ? x->pred_text : "";
	f[TOP_SOURCE].len = strlen(f[TOP_SOURCE].p);
	f[TOP_GOLD_TEXT].len = strlen(f[TOP_GOLD_TEXT].p);
	f[TOP_PRED_TEXT].len = strlen(f[TOP_PRED_TEXT].p);
}

/* The order of the columns: gold and pred swap places when transposed. */
static int
top_column(const struct matrix *m, int i)
{
	if (m->o.transpose && i == TOP_GOLD)
		return TOP_PRED;
	if (m->o.transpose && i == TOP_PRED)
		return TOP_GOLD;
	return i;
}

static void
top_tsv_line(const struct matrix *m, const struct field *f)
{
	int i;

	for (i = 0; i < NTOP; i++) {
		if (i > 0)
			out_tab();
		out_clean(f[top_column(m, i)].p, f[top_column(m, i)].len);
	}
	out_nl();
}

static void
top_table_line(const struct matrix *m, const struct field *f,
    const size_t *widths)
{
	const struct field *x;
	int i, last = TOP_COUNT;

	for (i = last; i < NTOP; i++)
		if (f[i].len > 0)
			last = i;
	for (i = 0; i <= last; i++) {
		x = &f[top_column(m, i)];
		if (i > 0)
			out_str("  ");
		if (i == TOP_COUNT)
			pad(widths[i] - x->len);
		utf8_out_clean(x->p, x->len, false);
		if (i < last && i != TOP_COUNT)
			pad(widths[i] - utf8_width(x->p, x->len));
	}
	out_nl();
}

static void
measure_top(const struct matrix *m, const struct examples *e,
    const struct mcell **top, size_t n, size_t *widths)
{
	struct field f[NTOP];
	char buf[VALUE_MAX];
	size_t k, w;
	int i;

	for (i = 0; i < NTOP; i++)
		widths[i] = strlen(top_names[top_column(m, i)]);
	for (k = 0; k < n; k++) {
		top_fields(m, e, top[k], f, buf, sizeof buf);
		for (i = 0; i < NTOP; i++) {
			w = utf8_width(f[top_column(m, i)].p,
			    f[top_column(m, i)].len);
			if (w > widths[i])
				widths[i] = w;
		}
	}
}

static void
top_names_line(const struct matrix *m, const size_t *widths, bool table)
{
	struct field f[NTOP];
	int i;

	for (i = 0; i < NTOP; i++) {
		f[i].p = top_names[i];
		f[i].len = strlen(top_names[i]);
	}
	if (table)
		top_table_line(m, f, widths);
	else
		top_tsv_line(m, f);
}

/*
 * Write the most frequent confusions, each with its example match record:
 * where it is (file:line) and the text of both sides.
 */
void
matrix_write_top(const struct matrix *m, const struct examples *e,
    size_t limit, bool table)
{
	size_t widths[NTOP] = { 0 }, k, n;
	const struct mcell **top = matrix_top(m, limit, &n);
	struct field f[NTOP];
	char buf[VALUE_MAX];

	if (table) {
		out_printf("the %zu most frequent confusions, misses and "
		    "spurious predictions\n", n);
		measure_top(m, e, top, n, widths);
	}
	top_names_line(m, widths, table);
	for (k = 0; k < n; k++) {
		top_fields(m, e, top[k], f, buf, sizeof buf);
		if (table)
			top_table_line(m, f, widths);
		else
			top_tsv_line(m, f);
	}
	free(top);
}
