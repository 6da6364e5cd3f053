/* align: pair gold and predicted spans of one unit one to one. */
#ifndef NERTOOLS_ALIGN_H
#define NERTOOLS_ALIGN_H

#include <stddef.h>
#include <stdint.h>

#define ALIGN_NONE SIZE_MAX

struct aspan {
	uint64_t start;		/* first offset */
	uint64_t end;		/* one past the last offset; end > start */
	const char *type;
	size_t	 typelen;
	size_t	 partner;	/* set by align_unit: index on the other side */
};

struct align_opts {
	/*
	 * A pair whose overlap covers less than min_num / min_den of the
	 * gold span's length is not a pair.  min_den 0 pairs any overlap.
	 * min_num <= min_den <= 10^9.
	 */
	uint64_t min_num, min_den;
};

struct align_work;

struct align_work *align_work_new(void);
void	align_work_free(struct align_work *w);
int	align_unit(struct aspan *gold, size_t ngold, struct aspan *pred,
	    size_t npred, const struct align_opts *opt, struct align_work *w);

#endif
