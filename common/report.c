/* report: write scores as TSV, an aligned table, or conlleval.pl's layouts. */
#include <stdio.h>
#include <string.h>

#include "out.h"
#include "report.h"

static const char *const mode_meaning[NMODE] = {
	[MODE_STRICT] = "a prediction counts when its boundaries and type "
	    "equal those of a gold entity",
	[MODE_EXACT] = "a prediction counts when its boundaries equal those "
	    "of a gold entity, whatever its type",
	[MODE_PARTIAL] = "exact boundaries earn full credit and any other "
	    "overlap half, whatever the type",
	[MODE_TYPE] = "a prediction counts when it overlaps a gold entity of "
	    "its type",
};

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
out_half(uint64_t twice)
{
	out_u64(twice / 2);
	if (twice % 2)
		out_str(".5");
}

static const char *
scope_name(const char *scope, const struct report_opts *o)
{
	if (strcmp(scope, "macro") == 0 && o->sc.macro_gold_only)
		return "macro-gold";
	return scope;
}

static void
tsv_row(const struct report *rep, const char *scope, const struct stats *s,
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
	out_half(2 * s->pred - s->tp2);
	out_tab();
	out_half(2 * s->gold - s->tp2);
	out_tab();
	out_u64(s->gold);
	out_tab();
	out_u64(s->pred);
	out_tab();
	out_ratio(&s->p, o->digits);
	out_tab();
	out_ratio(&s->r, o->digits);
	out_tab();
	out_ratio(&s->f, o->digits);
	out_nl();
}

void
report_tsv(const struct report *reps, int nreps, const struct report_opts *o)
{
	uint32_t i;
	int m;

	out_str("mode\tscope\ttype\ttp\tfp\tfn\tgold\tpred\tprecision\t"
	    "recall\tf1\n");
	for (m = 0; m < nreps; m++) {
		const struct report *rep = &reps[m];

		for (i = 0; i < rep->ntypes; i++)
			tsv_row(rep, "type", &rep->types[i], o);
		tsv_row(rep, "micro", &rep->micro, o);
		tsv_row(rep, "macro", &rep->macro, o);
		tsv_row(rep, "weighted", &rep->weighted, o);
	}
}

/* Column widths of the table, so every row lines up. */
struct widths {
	int	 name, count, ratio;
};

static int
half_width(uint64_t twice)
{
	char buf[32];

	return snprintf(buf, sizeof buf, "%llu%s",
	    (unsigned long long)(twice / 2), twice % 2 ? ".5" : "");
}

static const char *
display_name(const struct stats *s, const char *label, size_t *len)
{
	if (s->type == TYPE_NONE) {
		*len = strlen(label);
		return label;
	}
	return type_name(s->type, len);
}

static void
measure(const struct report *rep, struct widths *w, int digits)
{
	uint32_t i;
	size_t len;

	w->name = 8;
	w->count = 4;
	w->ratio = digits + 2 > 9 ? digits + 2 : 9;
	for (i = 0; i < rep->ntypes; i++) {
		const struct stats *s = &rep->types[i];

		display_name(s, "", &len);
		if ((int)len > w->name)
			w->name = len == 0 ? w->name : (int)len;
	}
	if (half_width(2 * rep->micro.gold) > w->count)
		w->count = half_width(2 * rep->micro.gold);
	if (half_width(2 * rep->micro.pred) > w->count)
		w->count = half_width(2 * rep->micro.pred);
}

static void
pad_left(int width, int used)
{
	while (used++ < width)
		out_char(' ');
}

static void
table_half(uint64_t twice, int width)
{
	pad_left(width + 2, half_width(twice));
	out_half(twice);
}

static void
table_ratio(const struct ratio *r, int width, int digits)
{
	char buf[64];
	int n = r->na ? snprintf(buf, sizeof buf, "NA") :
	    snprintf(buf, sizeof buf, "%.*f", digits, r->v);

	pad_left(width + 2, n);
	out_str(buf);
}

static void
table_row(const struct stats *s, const char *label, const struct widths *w,
    bool counts, int digits)
{
	size_t len;
	const char *name = display_name(s, label, &len);

	if (len == 0) {
		name = "(empty)";
		len = 7;
	}
	out_write(name, len);
	pad_left(w->name, (int)len);
	if (counts) {
		table_half(s->tp2, w->count);
		table_half(2 * s->pred - s->tp2, w->count);
		table_half(2 * s->gold - s->tp2, w->count);
		table_half(2 * s->gold, w->count);
		table_half(2 * s->pred, w->count);
	} else {
		pad_left(5 * (w->count + 2), 0);
	}
	table_ratio(&s->p, w->ratio, digits);
	table_ratio(&s->r, w->ratio, digits);
	table_ratio(&s->f, w->ratio, digits);
	out_nl();
}

static void
table_head(const struct widths *w)
{
	static const char *const counts[] = { "tp", "fp", "fn", "gold", "pred" };
	static const char *const ratios[] = { "precision", "recall", "f1" };
	int i;

	out_str("type");
	pad_left(w->name, 4);
	for (i = 0; i < 5; i++) {
		pad_left(w->count + 2, (int)strlen(counts[i]));
		out_str(counts[i]);
	}
	for (i = 0; i < 3; i++) {
		pad_left(w->ratio + 2, (int)strlen(ratios[i]));
		out_str(ratios[i]);
	}
	out_nl();
}

static void
table_notes(const struct report *rep, const struct counts *c,
    const struct report_opts *o)
{
	static const char *const zero[] = { "0", "1", "NA" };

	out_printf("mode %s: %s.\n", mode_names[rep->mode],
	    mode_meaning[rep->mode]);
	out_printf("micro sums the counts of all types; macro is the mean "
	    "over the %u types %s; weighted weighs each type by its gold "
	    "count.\n", rep->nmacro, o->sc.macro_gold_only ?
	    "found in gold" : "found in gold or predictions");
	out_printf("A ratio with a zero denominator counts as %s", zero[o->sc.zero]);
	if (o->sc.beta != 1)
		out_printf("; f1 is F-beta with beta %g", o->sc.beta);
	out_str(".\n");
	if (c->tokens_known && c->correct_known && c->tokens > 0)
		out_printf("Token accuracy %.*f over %llu tokens.\n", o->digits,
		    (double)c->correct / (double)c->tokens,
		    (unsigned long long)c->tokens);
}

void
report_table(const struct report *reps, int nreps, const struct counts *c,
    const struct report_opts *o)
{
	struct widths w;
	uint32_t i;
	int m;

	for (m = 0; m < nreps; m++) {
		const struct report *rep = &reps[m];

		if (m > 0)
			out_nl();
		measure(rep, &w, o->digits);
		table_head(&w);
		for (i = 0; i < rep->ntypes; i++)
			table_row(&rep->types[i], "", &w, true, o->digits);
		table_row(&rep->micro, "micro", &w, true, o->digits);
		table_row(&rep->macro, scope_name("macro", o), &w, false,
		    o->digits);
		table_row(&rep->weighted, "weighted", &w, false, o->digits);
		out_nl();
		table_notes(rep, c, o);
	}
}

/* Percentages the way conlleval.pl computes them: 0 for a 0 denominator. */
static double
percent(uint64_t num, uint64_t den)
{
	return den > 0 ? 100.0 * (double)num / (double)den : 0.0;
}

static double
fb1(double p, double r)
{
	return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}

/*
 * conlleval.pl sorts the keys of its gold and predicted tables together and
 * drops repeats, but its test treats the empty name as new each time, so a
 * type with an empty name in both tables is listed twice.
 */
static int
listings(const struct stats *s)
{
	size_t len;

	type_name(s->type, &len);
	return len == 0 && s->gold > 0 && s->pred > 0 ? 2 : 1;
}

static void
conlleval_type(const struct stats *s, bool latex)
{
	double p = percent(s->tp2 / 2, s->pred), r = percent(s->tp2 / 2, s->gold);
	size_t len;
	const char *name = type_name(s->type, &len);

	if (latex) {
		out_nl();
		out_write(name, len);
		pad_left(7, (int)len);
		out_printf(" &  %6.2f\\%% & %6.2f\\%% & %6.2f \\\\",
		    p, r, fb1(p, r));
		return;
	}
	pad_left(17, (int)len);
	out_write(name, len);
	out_printf(": precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %llu\n",
	    p, r, fb1(p, r), (unsigned long long)s->pred);
}

/* Write the report of conlleval.pl (2004-01-26), or its -l LaTeX table. */
void
report_conlleval(const struct report *rep, const struct counts *c, bool latex)
{
	const struct stats *m = &rep->micro;
	double p = percent(m->tp2 / 2, m->pred), r = percent(m->tp2 / 2, m->gold);
	uint32_t i;
	int k;

	if (!latex) {
		out_printf("processed %llu tokens with %llu phrases; found: %llu "
		    "phrases; correct: %llu.\n", (unsigned long long)c->tokens,
		    (unsigned long long)m->gold, (unsigned long long)m->pred,
		    (unsigned long long)(m->tp2 / 2));
		if (c->tokens > 0)
			out_printf("accuracy: %6.2f%%; precision: %6.2f%%; "
			    "recall: %6.2f%%; FB1: %6.2f\n",
			    percent(c->correct, c->tokens), p, r, fb1(p, r));
	} else {
		out_str("        & Precision &  Recall  & F$_{\\beta=1} "
		    "\\\\\\hline");
	}
	for (i = 0; i < rep->ntypes; i++)
		for (k = listings(&rep->types[i]); k > 0; k--)
			conlleval_type(&rep->types[i], latex);
	if (latex)
		out_printf("\\hline\nOverall &  %6.2f\\%% & %6.2f\\%% & %6.2f "
		    "\\\\\\hline\n", p, r, fb1(p, r));
}
