/*
 * perdoc: the mean and sample standard deviation of the micro precision,
 * recall and F of each document, kept as running sums so that memory does
 * not grow with the number of documents.
 *
 * A document with no gold and no predicted entity has no error, so it
 * scores 1 on all three whatever the zero-division policy.  In any other
 * document a ratio with a zero denominator takes the policy's value, and an
 * NA value is left out of that mean.
 */
#include <math.h>

#include "perdoc.h"

static void
running_add(struct running *r, double x)
{
	double d = x - r->mean;

	r->n++;
	r->mean += d / (double)r->n;
	r->m2 += d * (x - r->mean);
}

/* Add the document whose counts are c. */
void
perdoc_add(struct perdoc *d, const struct counts *c, const struct scoring *sc)
{
	struct stats s = { 0 };
	const struct ratio *v[3] = { &s.p, &s.r, &s.f };
	size_t k;
	int i;

	for (k = 0; k < c->ncells; k++)
		stats_add_cell(&s, &c->cells[k], sc->mode);
	d->docs++;
	if (s.gold == 0 && s.pred == 0) {
		d->empty++;
		for (i = 0; i < 3; i++)
			running_add(&d->v[i], 1);
		return;
	}
	stats_finish(&s, sc);
	for (i = 0; i < 3; i++)
		if (!v[i]->na)
			running_add(&d->v[i], v[i]->v);
}

/*
 * Return the means and the sample standard deviations (n - 1 in the
 * denominator).  A mean of no values takes the zero-division policy's
 * value; a standard deviation of fewer than two values is NA.
 */
void
perdoc_result(const struct perdoc *d, enum zero_division z,
    struct docavg *out)
{
	int i;

	out->docs = d->docs;
	out->empty = d->empty;
	for (i = 0; i < 3; i++) {
		const struct running *r = &d->v[i];

		out->n[i] = r->n;
		out->mean[i] = ratio_of(0, 0, z);
		if (r->n > 0) {
			out->mean[i].v = r->mean;
			out->mean[i].na = false;
		}
		out->sd[i].na = r->n < 2;
		out->sd[i].v = r->n < 2 ? 0 : sqrt(r->m2 / (double)(r->n - 1));
	}
}
