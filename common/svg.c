/*
 * svg: the confusion matrix as an SVG heatmap that any browser opens.
 *
 * The file is self-contained: no scripts, no style sheets, no external
 * fonts.  Text uses the generic monospace family.  Its usual fonts on
 * Debian, DejaVu Sans Mono and Liberation Mono, advance 1233 and 1229 of
 * 2048 units a character (0.6 em), so label widths follow from their
 * column counts and the canvas is sized to fit them.  Column labels are
 * turned to vertical, so that a label never runs into its neighbour
 * however long it is.  Labels longer than LABEL_MAX columns are cut with
 * an ellipsis and carry the whole name in a tooltip.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "out.h"
#include "svg.h"
#include "utf8.h"

#define FONT		12	/* px, labels and cells */
#define CHAR_W		7.4	/* px per column at FONT, with some slack */
#define TITLE_FONT	15
#define TITLE_CHAR_W	9.3
#define LINE_H		18
#define CELL_H		22
#define CELL_W_MIN	34
#define GAP		6	/* before the missed column and spurious row */
#define MARGIN		16
#define LABEL_MAX	40	/* columns of a label before it is cut */
#define LEGEND_W	200
#define VALUE_MAX	64

/* The colour ramp, light to dark; a value's shade is interpolated. */
static const struct {
	double	 t;
	int	 r, g, b;
} ramp[] = {
	{ 0.00, 0xf1, 0xf6, 0xfb }, { 0.25, 0xc4, 0xdb, 0xee },
	{ 0.50, 0x7d, 0xb0, 0xd8 }, { 0.75, 0x3b, 0x78, 0xb4 },
	{ 1.00, 0x0e, 0x3b, 0x72 },
};
#define NRAMP ((int)(sizeof ramp / sizeof ramp[0]))

static const char title[] = "Confusion matrix of entity types";

/* The positions and sizes of the parts of the heatmap, in px. */
struct layout {
	double	 cell_w;
	double	 grid_x, grid_y;	/* top left of the first cell */
	double	 grid_w, grid_h;
	double	 row_label_w, col_label_h;
	double	 axis_title_y;		/* baseline of the column axis title */
	double	 width, height;
	double	 legend_y;
};

struct rgb {
	int	 r, g, b;
};

static struct rgb
ramp_at(double t)
{
	struct rgb c;
	double u;
	int k;

	for (k = 1; k < NRAMP - 1 && t > ramp[k].t; k++)
		continue;
	u = (t - ramp[k - 1].t) / (ramp[k].t - ramp[k - 1].t);
	if (u < 0)
		u = 0;
	if (u > 1)
		u = 1;
	c.r = (int)lround(ramp[k - 1].r + u * (ramp[k].r - ramp[k - 1].r));
	c.g = (int)lround(ramp[k - 1].g + u * (ramp[k].g - ramp[k - 1].g));
	c.b = (int)lround(ramp[k - 1].b + u * (ramp[k].b - ramp[k - 1].b));
	return c;
}

/* Tell dark fills, which need light text, by their relative luminance. */
static bool
is_dark(struct rgb c)
{
	return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b < 140;
}

/* Return the columns a label takes once cut to LABEL_MAX. */
static size_t
shown_width(const char *s, size_t len)
{
	size_t w;

	if (len == 0)
		return 7;	/* "(empty)" */
	w = utf8_width(s, len);
	return w > LABEL_MAX ? LABEL_MAX : w;
}

/* Write a label as text content: cut with an ellipsis, and a tooltip. */
static void
out_label_text(const char *s, size_t len)
{
	size_t keep;

	if (len == 0) {
		out_str("(empty)");
		return;
	}
	if (utf8_width(s, len) <= LABEL_MAX) {
		utf8_out_clean(s, len, true);
		return;
	}
	out_str("<title>");
	utf8_out_clean(s, len, true);
	out_str("</title>");
	keep = utf8_prefix(s, len, LABEL_MAX - 1);
	utf8_out_clean(s, keep, true);
	out_str("\xE2\x80\xA6");
}

static double
col_x(const struct layout *l, const struct matrix *m, uint32_t c)
{
	return l->grid_x + c * l->cell_w + (c == m->n ? GAP : 0);
}

static double
row_y(const struct layout *l, const struct matrix *m, uint32_t r)
{
	return l->grid_y + r * CELL_H + (r == m->n ? GAP : 0);
}

static size_t
value_columns(const struct matrix *m)
{
	char buf[VALUE_MAX];
	int len;

	if (m->o.norm != NORM_NONE)
		return (size_t)m->o.digits + 2;
	len = snprintf(buf, sizeof buf, "%.0f", m->scale_max);
	return len < 1 ? 1 : (size_t)len;
}

static double
heading_width(const struct matrix *m)
{
	char buf[HEADING_MAX];
	double w = strlen(title) * TITLE_CHAR_W, x;
	int part;

	for (part = 0; part < 3; part++) {
		matrix_heading(m, part, buf, sizeof buf);
		x = strlen(buf) * CHAR_W;
		if (x > w)
			w = x;
	}
	return w;
}

static void
place(struct layout *l, const struct matrix *m)
{
	size_t w, row_w = 0, col_w = 0;
	uint32_t i;
	const char *s;
	double need;

	for (i = 0; i <= m->n; i++) {
		s = matrix_label(m, i, true, &w);
		if ((w = shown_width(s, w)) > row_w)
			row_w = w;
		s = matrix_label(m, i, false, &w);
		if ((w = shown_width(s, w)) > col_w)
			col_w = w;
	}
	l->cell_w = value_columns(m) * CHAR_W + 12;
	if (l->cell_w < CELL_W_MIN)
		l->cell_w = CELL_W_MIN;
	l->row_label_w = row_w * CHAR_W + 10;
	l->col_label_h = col_w * CHAR_W + 10;
	l->grid_x = MARGIN + LINE_H + 6 + l->row_label_w;
	l->axis_title_y = MARGIN + TITLE_FONT + 4 * LINE_H + 6;
	l->grid_y = l->axis_title_y + 6 + l->col_label_h;
	l->grid_w = (m->n + 1) * l->cell_w + GAP;
	l->grid_h = (m->n + 1) * CELL_H + GAP;
	l->legend_y = l->grid_y + l->grid_h + 20;
	l->width = l->grid_x + l->grid_w + MARGIN;
	need = MARGIN * 2 + heading_width(m);
	if (need > l->width)
		l->width = need;
	need = l->grid_x + LEGEND_W + 16 * CHAR_W + 60 + MARGIN;
	if (need > l->width)
		l->width = need;
	l->height = l->legend_y + 2 * LINE_H + 12 + MARGIN;
}

static void
header(const struct layout *l)
{
	out_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	out_printf("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
	    "font-family=\"monospace\" font-size=\"%d\">\n", ceil(l->width),
	    ceil(l->height), ceil(l->width), ceil(l->height), FONT);
	out_printf("<title>%s</title>\n", title);
	out_printf("<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>"
	    "\n");
}

static void
headings(const struct matrix *m)
{
	char buf[HEADING_MAX];
	int part;

	out_printf("<text x=\"%d\" y=\"%d\" font-size=\"%d\" "
	    "font-weight=\"bold\">%s</text>\n", MARGIN, MARGIN + TITLE_FONT,
	    TITLE_FONT, title);
	for (part = 0; part < 3; part++) {
		matrix_heading(m, part, buf, sizeof buf);
		out_printf("<text x=\"%d\" y=\"%d\">", MARGIN,
		    MARGIN + TITLE_FONT + (part + 1) * LINE_H);
		utf8_out_clean(buf, strlen(buf), true);
		out_str("</text>\n");
	}
}

static const char *
axis_title(const struct matrix *m, bool row)
{
	return strcmp(matrix_axis_name(m, row), "gold") == 0 ?
	    "gold type" : "predicted type";
}

/* Write the axis titles and the labels of every row and column. */
static void
axes(const struct layout *l, const struct matrix *m)
{
	size_t len;
	const char *s;
	uint32_t i;

	out_printf("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
	    "font-weight=\"bold\">%s</text>\n", l->grid_x + l->grid_w / 2,
	    l->axis_title_y, axis_title(m, false));
	out_printf("<text transform=\"translate(%.1f,%.1f) rotate(-90)\" "
	    "text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n",
	    (double)MARGIN + LINE_H - 4, l->grid_y + l->grid_h / 2,
	    axis_title(m, true));
	for (i = 0; i <= m->n; i++) {
		s = matrix_label(m, i, false, &len);
		out_printf("<text transform=\"translate(%.1f,%.1f) "
		    "rotate(-90)\" dy=\"0.35em\"%s>", col_x(l, m, i) +
		    l->cell_w / 2, l->grid_y - 6, i == m->n ?
		    " font-style=\"italic\"" : "");
		out_label_text(s, len);
		out_str("</text>\n");
		s = matrix_label(m, i, true, &len);
		out_printf("<text x=\"%.1f\" y=\"%.1f\" dy=\"0.35em\" "
		    "text-anchor=\"end\"%s>", l->grid_x - 8, row_y(l, m, i) +
		    CELL_H / 2.0, i == m->n ? " font-style=\"italic\"" : "");
		out_label_text(s, len);
		out_str("</text>\n");
	}
}

/* Return the fill of a value: white for zero, else a shade of the ramp. */
static struct rgb
fill_of(const struct matrix *m, const struct mvalue *v)
{
	struct rgb white = { 0xff, 0xff, 0xff }, grey = { 0xee, 0xee, 0xee };
	double x;

	if (v->kind == V_BLANK || v->kind == V_NA)
		return grey;
	x = v->kind == V_COUNT ? (double)v->n : v->share;
	if (x <= 0 || m->scale_max <= 0)
		return white;
	return ramp_at(x / m->scale_max);
}

static void
cell_title(const struct matrix *m, uint32_t r, uint32_t c, const char *text)
{
	size_t len;
	const char *s;

	out_printf("<title>%s ", matrix_axis_name(m, true));
	s = matrix_label(m, r, true, &len);
	utf8_out_clean(s, len, true);
	out_printf(", %s ", matrix_axis_name(m, false));
	s = matrix_label(m, c, false, &len);
	utf8_out_clean(s, len, true);
	out_printf(": %s</title>", text[0] != '\0' ? text : "not shown");
}

static void
cell(const struct layout *l, const struct matrix *m, uint32_t r, uint32_t c,
    uint64_t n)
{
	struct mvalue v = matrix_value(m, r, c, n);
	struct rgb f = fill_of(m, &v);
	char buf[VALUE_MAX];
	double x = col_x(l, m, c), y = row_y(l, m, r);
	const char *ink;

	if (r == m->n && c == m->n)
		return;
	matrix_format(m, &v, buf, sizeof buf);
	out_printf("<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
	    "height=\"%d\" fill=\"#%02x%02x%02x\" stroke=\"%s\"%s/>", x, y,
	    l->cell_w, CELL_H, f.r, f.g, f.b, r == c ? "#333333" : "#ffffff",
	    r == c ? " stroke-width=\"1.5\"" : "");
	cell_title(m, r, c, buf);
	ink = is_dark(f) ? "#ffffff" : (n == 0 || v.kind == V_NA) ?
	    "#999999" : "#1a1a1a";
	if (buf[0] != '\0')
		out_printf("<text x=\"%.1f\" y=\"%.1f\" dy=\"0.35em\" "
		    "text-anchor=\"middle\" fill=\"%s\">%s</text>", x +
		    l->cell_w / 2, y + CELL_H / 2.0, ink, buf);
	out_str("</g>\n");
}

static void
grid(const struct layout *l, const struct matrix *m)
{
	uint64_t *counts = xcalloc((size_t)m->n + 1, sizeof *counts);
	uint32_t r, c;

	for (r = 0; r <= m->n; r++) {
		matrix_row(m, r, counts);
		for (c = 0; c <= m->n; c++)
			cell(l, m, r, c, counts[c]);
	}
	free(counts);
}

/* Write a value of the legend: a count, possibly a half, or a share. */
static void
out_scale_value(const struct matrix *m, double x)
{
	if (m->o.norm != NORM_NONE)
		out_printf("%.*f", m->o.digits, x);
	else if (x == floor(x))
		out_printf("%.0f", x);
	else
		out_printf("%.1f", x);
}

/* Write the colour legend: white for zero, then the ramp to the maximum. */
static void
legend(const struct layout *l, const struct matrix *m)
{
	double x = l->grid_x, y = l->legend_y;
	int k;

	out_str("<defs><linearGradient id=\"ramp\">");
	for (k = 0; k < NRAMP; k++)
		out_printf("<stop offset=\"%.2f\" stop-color=\"#%02x%02x%02x\""
		    "/>", ramp[k].t, ramp[k].r, ramp[k].g, ramp[k].b);
	out_str("</linearGradient></defs>\n");
	out_printf("<text x=\"%.1f\" y=\"%.1f\">colour: %s, 0 to ", x,
	    y + 10, matrix_values_text(m));
	out_scale_value(m, m->scale_max);
	out_str(m->o.errors ? " (largest off the diagonal)</text>\n" :
	    " (largest shown)</text>\n");
	y += LINE_H;
	out_printf("<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"12\" "
	    "fill=\"#ffffff\" stroke=\"#999999\"/>\n", x, y);
	out_printf("<text x=\"%.1f\" y=\"%.1f\" dy=\"0.35em\">0</text>\n",
	    x + 18, y + 6);
	x += 18 + 2 * CHAR_W;
	out_printf("<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"12\" "
	    "fill=\"url(#ramp)\" stroke=\"#999999\"/>\n", x, y, LEGEND_W);
	out_printf("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
	    "&gt;0</text>\n", x, y + 26);
	out_printf("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
	    x + LEGEND_W / 2.0, y + 26);
	out_scale_value(m, m->scale_max / 2);
	out_printf("</text>\n<text x=\"%.1f\" y=\"%.1f\" "
	    "text-anchor=\"middle\">", x + LEGEND_W, y + 26);
	out_scale_value(m, m->scale_max);
	out_str("</text>\n");
}

/* Write the matrix m as an SVG document. */
void
svg_write(const struct matrix *m)
{
	struct layout l;

	place(&l, m);
	header(&l);
	headings(m);
	axes(&l, m);
	grid(&l, m);
	legend(&l, m);
	out_str("</svg>\n");
}
