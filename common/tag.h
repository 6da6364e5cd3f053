/* tag: parse token tags and decode tag sequences into entity spans. */
#ifndef NERTOOLS_TAG_H
#define NERTOOLS_TAG_H

#include <stddef.h>
#include <stdint.h>

enum tag_kind {
	TAG_O,		/* outside any entity */
	TAG_B,		/* begins an entity */
	TAG_I,		/* inside (M- reads as I-) */
	TAG_E,		/* ends an entity (L- reads as E-) */
	TAG_S,		/* a one-token entity (U- and W- read as S-) */
	TAG_BAD		/* a prefix that no scheme knows */
};

struct tag {
	enum tag_kind kind;
	const char *type;	/* the part after the first hyphen, or "" */
	size_t	 typelen;
};

struct span {
	size_t	 start;		/* first token, from 0 */
	size_t	 end;		/* one past the last token */
	const char *type;
	size_t	 typelen;
};

struct spans {
	struct span *v;
	size_t	 n;
	size_t	 cap;
};

/*
 * Return the kind of a one-letter prefix: B-, I-, E-, S-, with M- read as
 * I-, L- as E-, and U- and W- as S-.  Any other letter gives TAG_BAD.
 */
static inline enum tag_kind
tag_prefix_kind(char c)
{
	switch (c) {
	case 'B':
		return TAG_B;
	case 'I':
	case 'M':
		return TAG_I;
	case 'E':
	case 'L':
		return TAG_E;
	case 'S':
	case 'U':
	case 'W':
		return TAG_S;
	default:
		return TAG_BAD;
	}
}

void	tag_parse(struct tag *t, const char *p, size_t len,
	    const char *outside, size_t outlen);
void	spans_grow(struct spans *s);
void	spans_free(struct spans *s);
void	decode_lenient(const struct tag *tags, size_t n, struct spans *out);

/* Append a span.  Inline, because the decoders push every span of a corpus. */
static inline void
spans_push(struct spans *s, size_t start, size_t end, const char *type,
    size_t typelen)
{
	struct span *sp;

	if (s->n == s->cap)
		spans_grow(s);
	sp = &s->v[s->n++];
	sp->start = start;
	sp->end = end;
	sp->type = type;
	sp->typelen = typelen;
}

#endif
