/* score: precision, recall and F-beta per type and averaged, per mode. */
#ifndef NERTOOLS_SCORE_H
#define NERTOOLS_SCORE_H

#include <stdbool.h>
#include <stdint.h>

#include "counts.h"

enum mode {
	MODE_STRICT,	/* exact boundaries and type */
	MODE_EXACT,	/* exact boundaries, any type */
	MODE_PARTIAL,	/* exact boundaries full credit, overlap half */
	MODE_TYPE,	/* any overlap with the right type */
	NMODE
};

enum zero_division {
	ZERO_IS_0,
	ZERO_IS_1,
	ZERO_IS_NA
};

/* A value that may be undefined (NA) under the zero-division policy. */
struct ratio {
	double	 v;
	bool	 na;
};

/*
 * Counts of one type (or of all, for micro) under one mode.  Credits are
 * stored doubled, so the half credit of a partial match stays an integer.
 */
struct stats {
	uint32_t type;		/* TYPE_NONE for an average */
	uint64_t gold;		/* gold spans counted under this type */
	uint64_t pred;		/* predictions counted under this type */
	uint64_t tp2;		/* twice the credit: 2 correct + partial */
	uint64_t cor, inc, par, mis, spu;	/* the MUC categories */
	struct ratio p, r, f;
};

struct scoring {
	enum mode mode;
	double	 beta;
	enum zero_division zero;
	bool	 macro_gold_only;	/* macro over gold types only */
};

/*
 * The mean and sample standard deviation of per-document precision, recall
 * and F (in that order), with the number of documents behind each.
 */
struct docavg {
	uint64_t docs;		/* documents read */
	uint64_t empty;		/* documents with no gold or predicted entity */
	struct ratio mean[3], sd[3];
	uint64_t n[3];
};

struct report {
	enum mode mode;
	struct stats *types;	/* sorted by type name */
	uint32_t ntypes;
	struct stats micro;
	struct stats macro;	/* counts are sums; p, r, f are means */
	struct stats weighted;	/* weighted by gold count */
	uint32_t nmacro;	/* how many types the macro mean covers */
	uint32_t nweighted;	/* how many types the weighted mean covers */
	const struct docavg *doc;	/* per-document averages, or NULL */
};

extern const char *const mode_names[NMODE];

int	mode_parse(const char *s);
void	report_build(struct report *rep, const struct counts *c,
	    const struct scoring *sc);
void	report_free(struct report *rep);
struct ratio ratio_of(uint64_t num2, uint64_t den, enum zero_division z);
void	stats_finish(struct stats *s, const struct scoring *sc);
void	stats_add_cell(struct stats *s, const struct cell *c, enum mode m);
bool	mode_counts_own_type(enum mode m);
unsigned pair_credit2(enum mode m, uint32_t cls);
uint64_t twice(uint64_t n);
bool	class_is_cross_type(uint32_t cls);

#endif
