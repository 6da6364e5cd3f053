/*
 * score: per-type and averaged precision, recall and F-beta under one mode.
 *
 * Each match class is correct (COR), incorrect (INC) or partial (PAR)
 * depending on the mode, as in SemEval-2013 Task 9.1.  Credit is COR plus
 * half of PAR.  In strict and type modes every span counts under its own
 * type, as conlleval.pl and seqeval count: a PER entity predicted as LOC
 * is a miss for PER and a false positive for LOC.  In exact and partial
 * modes the type plays no part in correctness, so a pair counts under its
 * gold type and an unpaired prediction under its own, as nervaluate counts.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "score.h"

const char *const mode_names[NMODE] = { "strict", "exact", "partial", "type" };

enum muc { MUC_COR, MUC_INC, MUC_PAR };

/* How each pair class counts in each mode. */
static const enum muc muc_of[NMODE][4] = {
	/* exact, wrong-type, wrong-bounds, wrong-both */
	[MODE_STRICT] = { MUC_COR, MUC_INC, MUC_INC, MUC_INC },
	[MODE_EXACT] = { MUC_COR, MUC_COR, MUC_INC, MUC_INC },
	[MODE_PARTIAL] = { MUC_COR, MUC_COR, MUC_PAR, MUC_PAR },
	[MODE_TYPE] = { MUC_COR, MUC_INC, MUC_COR, MUC_INC },
};

int
mode_parse(const char *s)
{
	int i;

	for (i = 0; i < NMODE; i++)
		if (strcmp(s, mode_names[i]) == 0)
			return i;
	return -1;
}

struct ratio
ratio_of(uint64_t num2, uint64_t den, enum zero_division z)
{
	struct ratio r = { 0, false };

	if (den == 0) {
		r.na = z == ZERO_IS_NA;
		r.v = z == ZERO_IS_1 ? 1 : 0;
		return r;
	}
	r.v = (double)num2 / 2.0 / (double)den;
	return r;
}

/* Compute p, r and f of s from its counts. */
void
stats_finish(struct stats *s, const struct scoring *sc)
{
	double b2 = sc->beta * sc->beta, den;

	s->p = ratio_of(s->tp2, s->pred, sc->zero);
	s->r = ratio_of(s->tp2, s->gold, sc->zero);
	s->f.na = s->p.na || s->r.na;
	den = b2 * s->p.v + s->r.v;
	s->f.v = s->f.na || den == 0 ? 0 : (1 + b2) * s->p.v * s->r.v / den;
}

static int
stats_cmp(const void *x, const void *y)
{
	const struct stats *a = x, *b = y;

	return type_cmp_ids(a->type, b->type);
}

static void
add_pair(struct stats *by_type, const struct cell *c, enum mode m)
{
	enum muc k = muc_of[m][c->cls];
	bool own = m == MODE_STRICT || m == MODE_TYPE;
	struct stats *g = &by_type[c->gold];

	g->gold = add_u64(g->gold, c->n);
	if (own)
		by_type[c->pred].pred = add_u64(by_type[c->pred].pred, c->n);
	else
		g->pred = add_u64(g->pred, c->n);
	if (k == MUC_COR) {
		g->cor = add_u64(g->cor, c->n);
		g->tp2 = add_u64(g->tp2, add_u64(c->n, c->n));
	} else if (k == MUC_PAR) {
		g->par = add_u64(g->par, c->n);
		g->tp2 = add_u64(g->tp2, c->n);
	} else {
		g->inc = add_u64(g->inc, c->n);
	}
}

static void
add_cell(struct stats *by_type, const struct cell *c, enum mode m)
{
	if (c->cls == CLS_MISSED) {
		by_type[c->gold].gold = add_u64(by_type[c->gold].gold, c->n);
		by_type[c->gold].mis = add_u64(by_type[c->gold].mis, c->n);
	} else if (c->cls == CLS_SPURIOUS) {
		by_type[c->pred].pred = add_u64(by_type[c->pred].pred, c->n);
		by_type[c->pred].spu = add_u64(by_type[c->pred].spu, c->n);
	} else {
		add_pair(by_type, c, m);
	}
}

static void
sum_into(struct stats *to, const struct stats *s)
{
	to->gold = add_u64(to->gold, s->gold);
	to->pred = add_u64(to->pred, s->pred);
	to->tp2 = add_u64(to->tp2, s->tp2);
	to->cor = add_u64(to->cor, s->cor);
	to->inc = add_u64(to->inc, s->inc);
	to->par = add_u64(to->par, s->par);
	to->mis = add_u64(to->mis, s->mis);
	to->spu = add_u64(to->spu, s->spu);
}

/*
 * Average p, r and f over the types that take part, skipping NA values as
 * scikit-learn does; weight 1 each, or the gold count when weighted.
 */
static void
average(struct report *rep, struct stats *avg, bool weighted,
    const struct scoring *sc)
{
	struct ratio *out[3] = { &avg->p, &avg->r, &avg->f };
	double sum[3] = { 0, 0, 0 }, wsum[3] = { 0, 0, 0 };
	uint32_t i, k, n = 0;

	for (i = 0; i < rep->ntypes; i++) {
		const struct stats *s = &rep->types[i];
		const struct ratio *in[3] = { &s->p, &s->r, &s->f };
		double w = weighted ? (double)s->gold : 1;

		if (!weighted && sc->macro_gold_only && s->gold == 0)
			continue;
		n++;
		for (k = 0; k < 3; k++) {
			if (in[k]->na)
				continue;
			sum[k] += w * in[k]->v;
			wsum[k] += w;
		}
	}
	if (!weighted)
		rep->nmacro = n;
	for (k = 0; k < 3; k++) {
		out[k]->na = wsum[k] == 0 && sc->zero == ZERO_IS_NA;
		out[k]->v = wsum[k] > 0 ? sum[k] / wsum[k] :
		    sc->zero == ZERO_IS_1 ? 1 : 0;
	}
}

void
report_build(struct report *rep, const struct counts *c,
    const struct scoring *sc)
{
	uint32_t ntypes = type_count(), i, n = 0;
	struct stats *by_type = xcalloc(ntypes, sizeof *by_type);
	bool *used = xcalloc(ntypes, sizeof *used);
	size_t k;

	memset(rep, 0, sizeof *rep);
	rep->mode = sc->mode;
	for (k = 0; k < c->ncells; k++) {
		add_cell(by_type, &c->cells[k], sc->mode);
		if (c->cells[k].gold != TYPE_NONE)
			used[c->cells[k].gold] = true;
		if (c->cells[k].pred != TYPE_NONE)
			used[c->cells[k].pred] = true;
	}
	rep->types = xcalloc(ntypes, sizeof *rep->types);
	for (i = 0; i < ntypes; i++) {
		if (!used[i])
			continue;
		rep->types[n] = by_type[i];
		rep->types[n].type = i;
		stats_finish(&rep->types[n], sc);
		sum_into(&rep->micro, &rep->types[n]);
		n++;
	}
	rep->ntypes = n;
	if (n > 1)
		qsort(rep->types, n, sizeof *rep->types, stats_cmp);
	rep->micro.type = TYPE_NONE;
	stats_finish(&rep->micro, sc);
	rep->macro = rep->micro;
	rep->weighted = rep->micro;
	average(rep, &rep->macro, false, sc);
	average(rep, &rep->weighted, true, sc);
	free(by_type);
	free(used);
}

void
report_free(struct report *rep)
{
	free(rep->types);
	rep->types = NULL;
}
