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

/*
 * Compute p, r and f of s from its counts.  F is the harmonic mean of p
 * and r when both are defined.  Otherwise, because tp = 0 when gold or pred
 * is 0, F = (1 + b^2) tp / (b^2 gold + pred) is 0 unless gold and pred are
 * both 0, and only then does the zero-division policy apply to it.
 */
void
stats_finish(struct stats *s, const struct scoring *sc)
{
	double b2 = sc->beta * sc->beta, den;

	s->p = ratio_of(s->tp2, s->pred, sc->zero);
	s->r = ratio_of(s->tp2, s->gold, sc->zero);
	if (s->gold == 0 && s->pred == 0) {
		s->f = ratio_of(0, 0, sc->zero);
		return;
	}
	s->f.na = false;
	den = b2 * s->p.v + s->r.v;
	s->f.v = s->gold == 0 || s->pred == 0 || den == 0 ? 0 :
	    (1 + b2) * s->p.v * s->r.v / den;
}

static int
stats_cmp(const void *x, const void *y)
{
	const struct stats *a = x, *b = y;

	return type_cmp_ids(a->type, b->type);
}

/*
 * Return 2 n.  Credits are stored doubled, so a count must stay below 2^63;
 * stop with an error where it does not.
 */
uint64_t
twice(uint64_t n)
{
	if (n > UINT64_MAX / 2)
		die(EXIT_DATA, "count %llu is too large: counts and their "
		    "sums must not exceed %llu", (unsigned long long)n,
		    (unsigned long long)(UINT64_MAX / 2));
	return 2 * n;
}

static void
add_muc(struct stats *s, enum muc k, uint64_t n)
{
	if (k == MUC_COR) {
		s->cor = add_u64(s->cor, n);
		s->tp2 = add_u64(s->tp2, twice(n));
	} else if (k == MUC_PAR) {
		s->par = add_u64(s->par, n);
		s->tp2 = add_u64(s->tp2, n);
	} else {
		s->inc = add_u64(s->inc, n);
	}
}

/* Add a cell to s as one entity, whatever its types: the micro counts. */
void
stats_add_cell(struct stats *s, const struct cell *c, enum mode m)
{
	if (c->cls != CLS_SPURIOUS)
		s->gold = add_u64(s->gold, c->n);
	if (c->cls != CLS_MISSED)
		s->pred = add_u64(s->pred, c->n);
	if (c->cls == CLS_MISSED)
		s->mis = add_u64(s->mis, c->n);
	else if (c->cls == CLS_SPURIOUS)
		s->spu = add_u64(s->spu, c->n);
	else
		add_muc(s, muc_of[m][c->cls], c->n);
}

/* Return the credit of a pair of class cls in mode m, doubled: 2, 1 or 0. */
unsigned
pair_credit2(enum mode m, uint32_t cls)
{
	switch (muc_of[m][cls]) {
	case MUC_COR:
		return 2;
	case MUC_PAR:
		return 1;
	default:
		return 0;
	}
}

/* Whether each span of a pair counts under its own type in mode m. */
bool
mode_counts_own_type(enum mode m)
{
	return m == MODE_STRICT || m == MODE_TYPE;
}

/*
 * Add a cell to the stats of its types.  Where each span counts under its
 * own type, a pair of two types is a miss of the gold type and a spurious
 * prediction of the other, as an evaluation of one type at a time counts
 * it.  In the other modes a pair counts under its gold type.
 */
static void
add_cell(struct stats *by_type, const struct cell *c, enum mode m)
{
	struct cell half = *c;

	if (c->cls == CLS_SPURIOUS) {
		stats_add_cell(&by_type[c->pred], c, m);
	} else if (!mode_counts_own_type(m) || !class_is_cross_type(c->cls)) {
		stats_add_cell(&by_type[c->gold], c, m);
	} else {
		half.cls = CLS_MISSED;
		stats_add_cell(&by_type[c->gold], &half, m);
		half.cls = CLS_SPURIOUS;
		stats_add_cell(&by_type[c->pred], &half, m);
	}
}

/* Whether a pair of class cls has two types. */
bool
class_is_cross_type(uint32_t cls)
{
	return cls == CLS_WRONG_TYPE || cls == CLS_WRONG_BOTH;
}

/*
 * Average p, r and f over the types that take part, skipping NA values as
 * scikit-learn does; weight 1 each, or the gold count when weighted.
 */
/*
 * With no gold entity every weight is 0.  Like scikit-learn (1.2), give
 * precision 0 and F 0 when there are predictions, since none of them can
 * be right, and the zero-division value to the rest.
 */
static void
weighted_without_gold(struct report *rep, struct stats *avg,
    const struct scoring *sc)
{
	struct ratio policy = ratio_of(0, 0, sc->zero), zero = { 0, false };

	rep->nweighted = rep->ntypes;
	avg->r = policy;
	avg->p = rep->micro.pred > 0 ? zero : policy;
	avg->f = rep->micro.pred > 0 ? zero : policy;
}

static void
average(struct report *rep, struct stats *avg, bool weighted,
    const struct scoring *sc)
{
	struct ratio *out[3] = { &avg->p, &avg->r, &avg->f };
	double sum[3] = { 0, 0, 0 }, wsum[3] = { 0, 0, 0 };
	uint32_t i, k, n = 0;

	if (weighted && rep->micro.gold == 0) {
		weighted_without_gold(rep, avg, sc);
		return;
	}
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
	if (weighted)
		rep->nweighted = n;
	else
		rep->nmacro = n;
	for (k = 0; k < 3; k++) {
		out[k]->na = wsum[k] == 0 && sc->zero == ZERO_IS_NA;
		out[k]->v = wsum[k] > 0 ? sum[k] / wsum[k] :
		    sc->zero == ZERO_IS_1 ? 1 : 0;
	}
}

/*
 * Build the report of one mode: a row for every type that has a gold span
 * or a prediction counted under it in that mode, sorted by name, and the
 * averages.
 */
void
report_build(struct report *rep, const struct counts *c,
    const struct scoring *sc)
{
	uint32_t ntypes = type_count(), i, n = 0;
	struct stats *by_type = xcalloc(ntypes ? ntypes : 1, sizeof *by_type);
	size_t k;

	memset(rep, 0, sizeof *rep);
	rep->mode = sc->mode;
	rep->micro.type = TYPE_NONE;
	for (k = 0; k < c->ncells; k++) {
		add_cell(by_type, &c->cells[k], sc->mode);
		stats_add_cell(&rep->micro, &c->cells[k], sc->mode);
	}
	for (i = 0; i < ntypes; i++) {
		if (by_type[i].gold == 0 && by_type[i].pred == 0)
			continue;
		by_type[n] = by_type[i];
		by_type[n].type = i;
		stats_finish(&by_type[n], sc);
		n++;
	}
	rep->types = by_type;
	rep->ntypes = n;
	if (n > 1)
		qsort(rep->types, n, sizeof *rep->types, stats_cmp);
	stats_finish(&rep->micro, sc);
	rep->macro = rep->micro;
	rep->weighted = rep->micro;
	average(rep, &rep->macro, false, sc);
	average(rep, &rep->weighted, true, sc);
}

void
report_free(struct report *rep)
{
	free(rep->types);
	rep->types = NULL;
}
