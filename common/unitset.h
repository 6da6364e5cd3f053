/*
 * unitset: the counts of each resampling unit (a document or a sentence)
 * of one input, kept as sparse vectors over a table of distinct cells, so
 * that memory grows with units and non-zero cells, not with tokens.
 */
#ifndef NERTOOLS_UNITSET_H
#define NERTOOLS_UNITSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "counts.h"
#include "tally.h"

/* A byte-string key to uint32 map, open addressing. */
struct keymap {
	char	*bytes;		/* the keys, one after another */
	size_t	 used, cap;
	struct keyslot {
		size_t	 off;
		size_t	 len;
		uint32_t value;
		bool	 full;
	} *slots;
	size_t	 nslots, n;
};

/* One non-zero cell of a unit: an index into the cell table and a count. */
struct entry {
	uint32_t cell;
	uint64_t n;
};

struct unit {
	size_t	 key;		/* offset of "doc TAB sent TAB occurrence" */
	size_t	 keylen;
	size_t	 first;		/* its first entry */
	uint32_t nentries;
};

struct unitset {
	struct unit *units;
	size_t	 n, cap;
	struct entry *entries;
	size_t	 nentries, entcap;
	char	*keys;
	size_t	 keyused, keycap;
	struct keymap seen;	/* "doc TAB sent" to occurrences so far */
};

/* The units of one input at both grains, as they are read. */
struct unitload {
	struct unitset docs, sents;
	bool	 marked;	/* a document has tokens or entities outside
				   its sentences: a -DOCSTART- line */
};

void	keymap_free(struct keymap *m);
bool	keymap_find(const struct keymap *m, const void *p, size_t len,
	    uint32_t *value);
void	keymap_put(struct keymap *m, const void *p, size_t len,
	    uint32_t value);

void	unitload_init(struct unitload *l, struct tally *t);
void	unitload_free(struct unitload *l);
void	unitset_free(struct unitset *u);
const struct cell *unit_cell(uint32_t index);
uint32_t unit_cells(void);
void	unit_name(const struct unitset *u, size_t i, char *buf, size_t size);
void	unitset_pair(const struct unitset *a, const char *aname,
	    const struct unitset *b, const char *bname, size_t *b_of_a);

#endif
