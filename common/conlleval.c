/*
 * conlleval: write the report of conlleval.pl (version 2004-01-26), or its
 * -l LaTeX table, byte for byte from strict counts.
 */
#include <stdio.h>

#include "out.h"
#include "report.h"

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
