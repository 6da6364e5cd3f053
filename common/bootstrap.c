/*
 * bootstrap: resample units with replacement and score each resample the
 * way the plain report scores the whole input (report_build), so that a
 * replicate is the same statistic as the point estimate.
 *
 * A resample is a vector of multiplicities, one per unit, adding up to the
 * number of units n.  Drawn at random, it has weight 1; enumerated (every
 * multiset of n units, C(2n - 1, n) of them), it has the weight n! / (w1!
 * ... wn!), the number of ordered draws that give it, out of n^n.  The
 * interval ends and p-values below are defined on such weighted samples,
 * so both ways share one definition.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bootstrap.h"
#include "err.h"
#include "rng.h"

/*
 * Differences within this distance count as ties.  Two routes to one F
 * value can differ in the last bits of a double, and a tie must not depend
 * on them.
 */
#define TIE 1e-9

struct resampler {
	size_t	 n;
	uint32_t *w;		/* multiplicity of each unit */
	uint64_t weight;	/* of the current resample */
	uint64_t done, count;
	bool	 exact;
	struct rng rng;
};

/* The replicate values of every statistic, nstat per resample. */
struct sample {
	double	*v;		/* NaN for NA */
	uint64_t *w;
	size_t	 nstat;
	uint64_t nrep;
};

struct replicator {
	uint64_t *tot;		/* per cell of the table */
	uint32_t ncells;
	struct counts c;
};

static uint64_t
factorial(size_t n)
{
	uint64_t f = 1;

	while (n > 1)
		f *= n--;
	return f;
}

static void
resampler_init(struct resampler *r, size_t n, const struct bootopts *o)
{
	size_t i;

	memset(r, 0, sizeof *r);
	r->n = n;
	r->w = xcalloc(n, sizeof *r->w);
	r->exact = o->resamples == 0;
	rng_seed(&r->rng, o->seed);
	if (!r->exact) {
		r->count = o->resamples;
		return;
	}
	if (n > BOOT_EXACT_MAX_UNITS)
		die(EXIT_USAGE, "--resamples=all enumerates the resamples of "
		    "at most %d units, but the input has %zu; give a number of "
		    "resamples instead", BOOT_EXACT_MAX_UNITS, n);
	/* C(2n - 1, n) multisets, whose weights add up to n^n. */
	r->count = 1;
	for (i = 1; i <= n; i++)
		r->count = r->count * (n - 1 + i) / i;
}

/* Step to the next multiset in lexicographic order, from (n, 0, ..., 0). */
static void
exact_next(struct resampler *r)
{
	uint32_t *w = r->w, last;
	uint64_t weight = factorial(r->n);
	size_t i, j;

	if (r->done == 0) {
		w[0] = (uint32_t)r->n;
	} else {
		last = w[r->n - 1];
		w[r->n - 1] = 0;
		for (j = r->n - 2; w[j] == 0; j--)
			continue;
		w[j]--;
		w[j + 1] = last + 1;
	}
	for (i = 0; i < r->n; i++)
		weight /= factorial(w[i]);
	r->weight = weight;
}

static void
draw(struct resampler *r)
{
	size_t i;

	memset(r->w, 0, r->n * sizeof *r->w);
	for (i = 0; i < r->n; i++)
		r->w[rng_below(&r->rng, r->n)]++;
	r->weight = 1;
}

static bool
resampler_next(struct resampler *r)
{
	if (r->done == r->count)
		return false;
	if (r->exact)
		exact_next(r);
	else
		draw(r);
	r->done++;
	return true;
}

static uint64_t
mul_u64(uint64_t a, uint64_t b)
{
	if (b != 0 && a > UINT64_MAX / b)
		die(EXIT_DATA, "a resampled count exceeds %llu",
		    (unsigned long long)UINT64_MAX);
	return a * b;
}

/* Add up the units of u, unit map[i] (or i) taken w[i] times. */
static void
replicate(struct replicator *rp, const struct unitset *u, const uint32_t *w,
    const size_t *map)
{
	size_t i, k;
	uint32_t c;

	memset(rp->tot, 0, rp->ncells * sizeof *rp->tot);
	for (i = 0; i < u->n; i++) {
		const struct unit *un;

		if (w[i] == 0)
			continue;
		un = &u->units[map != NULL ? map[i] : i];
		for (k = un->first; k < un->first + un->nentries; k++)
			rp->tot[u->entries[k].cell] = add_u64(
			    rp->tot[u->entries[k].cell],
			    mul_u64(u->entries[k].n, w[i]));
	}
	counts_reset(&rp->c);
	for (c = 0; c < rp->ncells; c++) {
		const struct cell *cell = unit_cell(c);

		if (rp->tot[c] > 0)
			counts_add(&rp->c, cell->gold, cell->pred, cell->cls,
			    rp->tot[c]);
	}
}

/* Return precision (metric 0), recall (1) or F (2) of a row. */
struct ratio
row_value(const struct stats *s, int metric)
{
	if (metric == 0)
		return s->p;
	if (metric == 1)
		return s->r;
	return s->f;
}

/*
 * Fill rows with the stats of rep for the types of br, then micro and
 * macro.  A type without gold entities and predictions in rep has no row
 * there, and gets the values of zero counts.
 */
static void
rows_of(const struct report *rep, const struct bootrows *br,
    const struct scoring *sc, struct stats *rows)
{
	uint32_t i, j = 0;

	for (i = 0; i < br->ntypes; i++) {
		if (j < rep->ntypes && rep->types[j].type == br->types[i]) {
			rows[i] = rep->types[j++];
			continue;
		}
		memset(&rows[i], 0, sizeof rows[i]);
		rows[i].type = br->types[i];
		stats_finish(&rows[i], sc);
	}
	rows[br->ntypes] = rep->micro;
	rows[br->ntypes + 1] = rep->macro;
}

static int
type_cmp(const void *x, const void *y)
{
	return type_cmp_ids(*(const uint32_t *)x, *(const uint32_t *)y);
}

/* The rows of a mode: the types with a row in either report. */
static void
rows_init(struct bootrows *br, const struct report *rep, int nrep,
    const struct scoring *sc)
{
	uint32_t i, n = 0, k;
	int r;

	br->mode = rep[0].mode;
	br->types = xcalloc((size_t)rep[0].ntypes + (nrep > 1 ?
	    rep[1].ntypes : 0) + 1, sizeof *br->types);
	for (r = 0; r < nrep; r++)
		for (i = 0; i < rep[r].ntypes; i++)
			br->types[n++] = rep[r].types[i].type;
	qsort(br->types, n, sizeof *br->types, type_cmp);
	for (i = k = 0; i < n; i++)
		if (k == 0 || br->types[k - 1] != br->types[i])
			br->types[k++] = br->types[i];
	br->ntypes = k;
	for (r = 0; r < nrep; r++) {
		br->stats[r] = xcalloc((size_t)k + 2, sizeof *br->stats[r]);
		rows_of(&rep[r], br, sc, br->stats[r]);
	}
	br->iv = xcalloc(((size_t)k + 2) * 3, sizeof *br->iv);
}

static double
as_double(struct ratio r)
{
	return r.na ? NAN : r.v;
}

/* The value of statistic (row, metric) in a replicate: B - A or A. */
static double
stat_value(const struct stats *rows[2], int ninputs, size_t row, int metric)
{
	double a = as_double(row_value(&rows[0][row], metric));

	if (ninputs == 1)
		return a;
	return as_double(row_value(&rows[1][row], metric)) - a;
}

/* The state of a run: the inputs, and buffers reused by every resample. */
struct bootrun {
	const struct unitset *u[2];
	const size_t *map[2];	/* unit of input k for unit i of the first */
	int	 ninputs;
	struct replicator rp;
	struct scoring sc;
	struct stats *rows[2];	/* rows of the current resample */
	struct report rep[2];
};

/* Score the resample w of every input under mode m. */
static void
score_mode(struct bootrun *run, const uint32_t *w, enum mode m)
{
	int k;

	run->sc.mode = m;
	for (k = 0; k < run->ninputs; k++) {
		replicate(&run->rp, run->u[k], w, run->map[k]);
		report_build(&run->rep[k], &run->rp.c, &run->sc);
	}
}

static void
reports_free(struct bootrun *run)
{
	int k;

	for (k = 0; k < run->ninputs; k++)
		report_free(&run->rep[k]);
}

/* Append the values of every statistic of resample w to out. */
static void
score_resample(struct bootresult *res, struct bootrun *run,
    const uint32_t *w, double *out)
{
	const struct stats *rows[2] = { run->rows[0], run->rows[1] };
	size_t s = 0, row;
	int i, k, metric;

	for (i = 0; i < res->nmodes; i++) {
		struct bootrows *br = &res->rows[i];

		score_mode(run, w, br->mode);
		for (k = 0; k < run->ninputs; k++)
			rows_of(&run->rep[k], br, &run->sc, run->rows[k]);
		reports_free(run);
		for (row = 0; row < (size_t)br->ntypes + 2; row++)
			for (metric = 0; metric < 3; metric++)
				out[s++] = stat_value(rows, run->ninputs, row,
				    metric);
	}
}

/* Score all units once each: the point estimates, and the rows. */
static size_t
score_point(struct bootresult *res, struct bootrun *run, int first, int last)
{
	uint32_t *ones = xcalloc(run->u[0]->n + 1, sizeof *ones);
	size_t i, nstat = 0;
	int m;

	for (i = 0; i < run->u[0]->n; i++)
		ones[i] = 1;
	for (m = first; m <= last; m++) {
		struct bootrows *br = &res->rows[res->nmodes++];

		score_mode(run, ones, (enum mode)m);
		rows_init(br, run->rep, run->ninputs, &run->sc);
		reports_free(run);
		nstat += ((size_t)br->ntypes + 2) * 3;
	}
	free(ones);
	return nstat;
}

struct wv {
	double	 v;
	uint64_t w;
};

static int
wv_cmp(const void *x, const void *y)
{
	const struct wv *a = x, *b = y;

	return (a->v > b->v) - (a->v < b->v);
}

/*
 * Return the smallest value whose cumulative weight reaches p of the
 * total: the sorted replicate of rank ceil(p B), from 1, when drawn.
 */
static double
quantile(const struct wv *x, size_t n, uint64_t total, double p)
{
	double need = ceil(p * (double)total - 1e-6);
	uint64_t cum = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		cum += x[i].w;
		if ((double)cum >= need)
			return x[i].v;
	}
	return x[n - 1].v;
}

/*
 * Return the two-sided p-value of a difference: twice the smaller of the
 * shares of replicates at or below 0 and at or above 0, at most 1.  It is
 * the smallest 1 - level whose percentile interval reaches 0.  Drawn, each
 * share is (1 + count) / (1 + B), so that p is never 0.
 */
static double
p_value(const struct wv *x, size_t n, uint64_t total, bool exact)
{
	uint64_t below = 0, above = 0, tail;
	double p;
	size_t i;

	for (i = 0; i < n; i++) {
		if (x[i].v <= TIE)
			below += x[i].w;
		if (x[i].v >= -TIE)
			above += x[i].w;
	}
	tail = below < above ? below : above;
	if (exact)
		p = 2 * (double)tail / (double)total;
	else
		p = 2 * (double)(tail + 1) / (double)(total + 1);
	return p < 1 ? p : 1;
}

static struct ratio
ratio_na(bool na, double v)
{
	struct ratio r;

	r.na = na;
	r.v = na ? 0 : v;
	return r;
}

/* Work out the interval (and p-value) of statistic s from the sample. */
static void
interval_of(struct interval *iv, const struct sample *sm, size_t s,
    double point, double level, bool exact, struct wv *buf)
{
	uint64_t r, total = 0;
	size_t n = 0;

	for (r = 0; r < sm->nrep; r++) {
		double v = sm->v[r * sm->nstat + s];

		if (isnan(v))
			continue;
		buf[n].v = v;
		buf[n++].w = sm->w[r];
		total += sm->w[r];
	}
	qsort(buf, n, sizeof *buf, wv_cmp);
	iv->lo = ratio_na(n == 0, n ? quantile(buf, n, total,
	    (1 - level) / 2) : 0);
	iv->hi = ratio_na(n == 0, n ? quantile(buf, n, total,
	    1 - (1 - level) / 2) : 0);
	iv->p = ratio_na(n == 0 || isnan(point), n && !isnan(point) ?
	    p_value(buf, n, total, exact) : 0);
}

static void
intervals(struct bootresult *res, const struct sample *sm,
    const struct bootrun *run, double level)
{
	struct wv *buf = xcalloc(sm->nrep, sizeof *buf);
	size_t s = 0, row;
	int i, metric;

	for (i = 0; i < res->nmodes; i++) {
		struct bootrows *br = &res->rows[i];
		const struct stats *rows[2] = { br->stats[0], br->stats[1] };

		for (row = 0; row < (size_t)br->ntypes + 2; row++)
			for (metric = 0; metric < 3; metric++) {
				interval_of(&br->iv[row * 3 + (size_t)metric],
				    sm, s++, stat_value(rows, run->ninputs,
				    row, metric), level, res->exact, buf);
			}
	}
	free(buf);
}

static void
bootrun_init(struct bootrun *run, const struct unitset *a,
    const struct unitset *b, const size_t *b_of_a, const struct scoring *sc)
{
	int k;

	memset(run, 0, sizeof *run);
	run->u[0] = a;
	run->u[1] = b;
	run->map[1] = b_of_a;
	run->ninputs = b != NULL ? 2 : 1;
	run->sc = *sc;
	run->rp.ncells = unit_cells();
	run->rp.tot = xcalloc((size_t)run->rp.ncells + 1, sizeof *run->rp.tot);
	counts_init(&run->rp.c);
	for (k = 0; k < run->ninputs; k++)
		run->rows[k] = xcalloc((size_t)type_count() + 2,
		    sizeof *run->rows[k]);
}

static void
bootrun_free(struct bootrun *run)
{
	free(run->rp.tot);
	counts_free(&run->rp.c);
	free(run->rows[0]);
	free(run->rows[1]);
}

/*
 * Resample the units of a (paired with those of b, when b is not NULL)
 * and work out an interval for every statistic of modes first to last.
 */
void
boot_run(struct bootresult *res, const struct unitset *a,
    const struct unitset *b, const size_t *b_of_a, int first_mode,
    int last_mode, const struct scoring *sc, const struct bootopts *o)
{
	struct bootrun run;
	struct resampler rs;
	struct sample sm;
	uint64_t r = 0;

	memset(res, 0, sizeof *res);
	bootrun_init(&run, a, b, b_of_a, sc);
	res->ninputs = run.ninputs;
	res->units = a->n;
	sm.nstat = score_point(res, &run, first_mode, last_mode);
	resampler_init(&rs, a->n, o);
	res->exact = rs.exact;
	res->resamples = sm.nrep = rs.count;
	sm.v = xcalloc(sm.nrep * sm.nstat, sizeof *sm.v);
	sm.w = xcalloc(sm.nrep, sizeof *sm.w);
	while (resampler_next(&rs)) {
		score_resample(res, &run, rs.w, &sm.v[r * sm.nstat]);
		sm.w[r++] = rs.weight;
	}
	intervals(res, &sm, &run, o->level);
	free(sm.v);
	free(sm.w);
	free(rs.w);
	bootrun_free(&run);
}

void
boot_free(struct bootresult *res)
{
	int i;

	for (i = 0; i < res->nmodes; i++) {
		free(res->rows[i].types);
		free(res->rows[i].stats[0]);
		free(res->rows[i].stats[1]);
		free(res->rows[i].iv);
	}
}

/* Add the gold entities of unit un of u to gold[type]. */
static void
add_gold(const struct unitset *u, size_t un, uint64_t *gold)
{
	const struct unit *x = &u->units[un];
	size_t k;

	for (k = x->first; k < x->first + x->nentries; k++) {
		const struct cell *c = unit_cell(u->entries[k].cell);

		if (c->cls != CLS_SPURIOUS)
			gold[c->gold] += u->entries[k].n;
	}
}

/* Stop unless the units of one pair have the same gold entities. */
static void
check_unit_gold(const struct unitset *a, const char *aname, size_t i,
    const struct unitset *b, const char *bname, size_t j, uint64_t *gold[2])
{
	const struct unitset *u[2] = { a, b };
	size_t un[2] = { i, j }, k;
	char name[256];
	int s;

	for (s = 0; s < 2; s++) {
		const struct unit *x = &u[s]->units[un[s]];

		for (k = x->first; k < x->first + x->nentries; k++) {
			const struct cell *c = unit_cell(u[s]->entries[k].cell);
			size_t len;
			const char *type;

			if (c->cls == CLS_SPURIOUS || gold[0][c->gold] ==
			    gold[1][c->gold])
				continue;
			unit_name(a, i, name, sizeof name);
			type = type_name(c->gold, &len);
			die_at(bname, 0, "%s has %llu gold entities of type "
			    "'%.*s', but %s has %llu; compare two models' "
			    "outputs on the same test set", name,
			    (unsigned long long)gold[1][c->gold], (int)len,
			    type, aname, (unsigned long long)gold[0][c->gold]);
		}
	}
}

static void
clear_gold(const struct unitset *u, size_t un, uint64_t *gold)
{
	const struct unit *x = &u->units[un];
	size_t k;

	for (k = x->first; k < x->first + x->nentries; k++) {
		const struct cell *c = unit_cell(u->entries[k].cell);

		if (c->cls != CLS_SPURIOUS)
			gold[c->gold] = 0;
	}
}

/*
 * Stop unless every pair of units has the same gold entities of each
 * type: outputs of two models on one test set differ in predictions only.
 */
void
boot_check_gold(const struct unitset *a, const char *aname,
    const struct unitset *b, const char *bname, const size_t *b_of_a)
{
	uint64_t *gold[2];
	size_t i;
	int s;

	for (s = 0; s < 2; s++)
		gold[s] = xcalloc((size_t)type_count() + 1, sizeof *gold[s]);
	for (i = 0; i < a->n; i++) {
		add_gold(a, i, gold[0]);
		add_gold(b, b_of_a[i], gold[1]);
		check_unit_gold(a, aname, i, b, bname, b_of_a[i], gold);
		clear_gold(a, i, gold[0]);
		clear_gold(b, b_of_a[i], gold[1]);
		clear_gold(a, i, gold[1]);
		clear_gold(b, b_of_a[i], gold[0]);
	}
	for (s = 0; s < 2; s++)
		free(gold[s]);
}
