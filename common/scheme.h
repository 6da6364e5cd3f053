/* scheme: tagging schemes, their validity rules and repair policies. */
#ifndef NERTOOLS_SCHEME_H
#define NERTOOLS_SCHEME_H

#include <stdbool.h>
#include <stddef.h>

#include "tag.h"

enum scheme {
	SCHEME_LENIENT,	/* no scheme declared: the extended conlleval rules */
	SCHEME_IOB1,
	SCHEME_IOB2,
	SCHEME_IOE1,
	SCHEME_IOE2,
	SCHEME_IOBES,
	SCHEME_BILOU,
	SCHEME_BMES,
	SCHEME_BMEOW,
	SCHEME_IO,
	SCHEME_RAW,	/* no prefixes: each tag is a type, each token an entity */
	NSCHEME
};

enum repair {
	REPAIR_BEGIN,	/* keep an invalid entity as conlleval.pl reads it */
	REPAIR_DISCARD,	/* drop it, as seqeval's strict mode does */
	REPAIR_ERROR	/* stop at it */
};

/* An entity that breaks the declared scheme. */
struct invalid {
	size_t	 token;		/* the token whose tag breaks the rule */
	const char *rule;	/* what the rule requires, in words */
};

extern const char *const scheme_names[NSCHEME];

int	scheme_parse(const char *name);
bool	scheme_tag(enum scheme s, struct tag *t, const char *p, size_t len,
	    const char *outside, size_t outlen);
size_t	scheme_decode(enum scheme s, const struct tag *tags, size_t n,
	    enum repair policy, struct spans *out, struct invalid *bad,
	    size_t maxbad);
const char *scheme_prefixes(enum scheme s);

#endif
