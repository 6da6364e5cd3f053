/*
 * tally: read a match or count stream into counts per unit, per document
 * and in total, calling back as each unit and document completes.
 */
#ifndef NERTOOLS_TALLY_H
#define NERTOOLS_TALLY_H

#include <stdbool.h>

#include "counts.h"
#include "stream.h"

/* The finest level of detail an input carries. */
enum grain {
	GRAIN_TOTAL,	/* only totals: count rows with empty doc and sent */
	GRAIN_DOC,	/* per document */
	GRAIN_UNIT	/* per unit (sentence) */
};

struct key {
	char	*p;
	size_t	 len, cap;
};

struct tally {
	struct counts unit, doc, total;
	struct counts own;	/* open document: rows outside units */
	struct key doc_key, unit_key;
	bool	 doc_open;
	enum grain grain;	/* the finest level seen in the input */
	bool	 total_rows;	/* the input has count rows outside documents */
	uint64_t docs;
	/*
	 * Called with t->unit, or with t->doc (all of the document) and t->own
	 * (its rows outside units) filled; either may be NULL.
	 */
	void	(*on_unit)(void *arg, const struct tally *t);
	void	(*on_doc)(void *arg, const struct tally *t);
	/* Called for each match record (match streams only), or NULL. */
	void	(*on_match)(void *arg, const struct stream *s, uint32_t cls,
		    uint32_t gold, uint32_t pred);
	void	*arg;
};

void	tally_init(struct tally *t);
void	tally_free(struct tally *t);
void	tally_read(struct tally *t, struct stream *s);
void	key_set(struct key *k, const char *p, size_t len);

#endif
