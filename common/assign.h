/*
 * assign: a minimum-cost assignment of rows to columns with vector costs
 * compared lexicographically, where a row may stay unassigned at cost 0,
 * and ties go to the earliest rows and columns.
 */
#ifndef NERTOOLS_ASSIGN_H
#define NERTOOLS_ASSIGN_H

#include <stddef.h>
#include <stdint.h>

#define ASSIGN_TERMS 6
#define ASSIGN_NONE SIZE_MAX

/* A cost: the terms compare in order, the first one deciding. */
struct wvec {
	int64_t	 v[ASSIGN_TERMS];
};

struct assign_edge {
	size_t	 col;
	struct wvec cost;
};

struct assign;

struct assign *assign_new(void);
void	assign_free(struct assign *a);
void	assign_solve(struct assign *a, size_t nrows, size_t ncols,
	    const size_t *rowstart, const struct assign_edge *edges,
	    size_t *match);

#endif
