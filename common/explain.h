/* explain: what the scores of each type mean, in plain words. */
#ifndef NERTOOLS_EXPLAIN_H
#define NERTOOLS_EXPLAIN_H

#include "counts.h"
#include "report.h"
#include "score.h"

struct explain_opts {
	double	 high_precision;	/* precision from here up is high */
	double	 high_recall;		/* recall from here up is high */
	int	 top;			/* items named in a list, at most */
};

void	explain_write(const struct report *rep, const struct counts *c,
	    const struct report_opts *ro, const struct explain_opts *eo);

#endif
