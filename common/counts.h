/*
 * counts: the sufficient statistics of a scoring run.  Every score and every
 * confusion-matrix cell follows from the number of match records in each
 * (gold type, predicted type, class) cell plus the token totals, so counts
 * from several runs add up to the counts of one run over all the data.
 */
#ifndef NERTOOLS_COUNTS_H
#define NERTOOLS_COUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stream.h"

enum match_class {
	CLS_EXACT,		/* same boundaries, same type */
	CLS_WRONG_TYPE,		/* same boundaries, another type */
	CLS_WRONG_BOUNDS,	/* overlapping, other boundaries, same type */
	CLS_WRONG_BOTH,		/* overlapping, other boundaries and type */
	CLS_MISSED,		/* a gold span with no partner */
	CLS_SPURIOUS,		/* a predicted span with no partner */
	NCLASS
};

#define TYPE_NONE UINT32_MAX

struct cell {
	uint32_t gold;		/* type id, or TYPE_NONE when spurious */
	uint32_t pred;		/* type id, or TYPE_NONE when missed */
	uint32_t cls;
	uint64_t n;
};

struct counts {
	struct cell *cells;
	size_t	 ncells, cellcap;
	uint32_t *slots;	/* hash index into cells, UINT32_MAX empty */
	size_t	 nslots;
	uint64_t units;
	uint64_t tokens;
	uint64_t correct;
	bool	 tokens_known;	/* every unit reported its tokens */
	bool	 correct_known;
};

extern const char *const class_names[NCLASS];

int	class_parse(const char *p, size_t len);
uint32_t type_intern(const char *p, size_t len);
const char *type_name(uint32_t id, size_t *len);
uint32_t type_count(void);
int	type_cmp_ids(uint32_t a, uint32_t b);

void	counts_init(struct counts *c);
void	counts_reset(struct counts *c);
void	counts_free(struct counts *c);
void	counts_add(struct counts *c, uint32_t gold, uint32_t pred,
	    uint32_t cls, uint64_t n);
void	counts_add_tokens(struct counts *c, const struct tokens *t);
void	counts_merge(struct counts *dst, const struct counts *src);
uint64_t add_u64(uint64_t a, uint64_t b);

#endif
