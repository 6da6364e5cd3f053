/*
 * bootstrap: percentile confidence intervals of scores, and of the
 * difference of two models' scores with a paired bootstrap test, by
 * resampling units (documents or sentences) with replacement.
 */
#ifndef NERTOOLS_BOOTSTRAP_H
#define NERTOOLS_BOOTSTRAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "score.h"
#include "unitset.h"

/* Every resample is enumerated up to this many units. */
enum { BOOT_EXACT_MAX_UNITS = 10 };

struct bootopts {
	uint64_t resamples;	/* 0: enumerate every resample */
	double	 level;		/* confidence level, 0 < level < 1 */
	uint64_t seed;
};

/* The interval of one statistic, and for a difference its p-value. */
struct interval {
	struct ratio lo, hi;
	struct ratio p;
};

/*
 * The rows of one mode: the types, then micro, then macro; per row the
 * precision, recall and F of each input, and their intervals (of the
 * second input's value minus the first's when there are two inputs).
 */
struct bootrows {
	enum mode mode;
	uint32_t *types;	/* type ids, sorted by name */
	uint32_t ntypes;
	struct stats *stats[2];	/* per input, ntypes + 2 rows */
	struct interval *iv;	/* 3 per row */
};

struct bootresult {
	struct bootrows rows[NMODE];
	int	 nmodes;
	int	 ninputs;
	size_t	 units;
	uint64_t resamples;	/* drawn, or enumerated */
	bool	 exact;
};

void	boot_run(struct bootresult *res, const struct unitset *a,
	    const struct unitset *b, const size_t *b_of_a, int first_mode,
	    int last_mode, const struct scoring *sc, const struct bootopts *o);
void	boot_free(struct bootresult *res);
struct ratio row_value(const struct stats *s, int metric);
void	boot_check_gold(const struct unitset *a, const char *aname,
	    const struct unitset *b, const char *bname, const size_t *b_of_a);

#endif
