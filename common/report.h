/* report: write scores as TSV, an aligned table, or conlleval.pl's layouts. */
#ifndef NERTOOLS_REPORT_H
#define NERTOOLS_REPORT_H

#include "counts.h"
#include "score.h"

struct report_opts {
	int	 digits;
	struct scoring sc;
};

void	out_ratio(const struct ratio *r, int digits);
void	out_half(uint64_t twice);
void	report_tsv(const struct report *reps, int nreps,
	    const struct report_opts *o);
void	report_table(const struct report *reps, int nreps,
	    const struct counts *c, const struct report_opts *o);
void	report_conlleval(const struct report *rep, const struct counts *c,
	    bool latex);

#endif
