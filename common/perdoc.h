/* perdoc: the mean and standard deviation of per-document scores. */
#ifndef NERTOOLS_PERDOC_H
#define NERTOOLS_PERDOC_H

#include <stdint.h>

#include "counts.h"
#include "score.h"

/* Welford's running mean and sum of squared deviations of one value. */
struct running {
	uint64_t n;
	double	 mean, m2;
};

struct perdoc {
	uint64_t docs, empty;
	struct running v[3];	/* precision, recall, F */
};

void	perdoc_add(struct perdoc *d, const struct counts *c,
	    const struct scoring *sc);
void	perdoc_result(const struct perdoc *d, enum zero_division z,
	    struct docavg *out);

#endif
