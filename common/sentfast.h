/*
 * sentfast: nerspan's path for a sentence read whole by conll_sentence():
 * one file, token, gold and predicted tag, the lenient scheme.
 */
#ifndef NERTOOLS_SENTFAST_H
#define NERTOOLS_SENTFAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conll.h"
#include "sentence.h"

/* A span of one side.  Its tokens are the tagged lines from first on. */
struct fast_span {
	size_t	 start, end;	/* tokens, from 0 */
	const char *type;
	size_t	 typelen;
	size_t	 first;		/* index into the sentence's tagged lines */
};

struct sentfast {
	struct conll_sentence cs;
	struct fast_span *v[2];	/* the spans of each side: gold, pred */
	size_t	 n[2], cap[2];
	uint64_t correct;	/* tokens whose gold and predicted tags are
				   equal */
};

bool	sentfast_decode(struct sentfast *sf, const struct decoder *d);
void	sentfast_write(const struct sentfast *sf, struct decoder *d);
void	sentfast_free(struct sentfast *sf);

#endif
