/*
 * tag: parse token tags and decode tag sequences into entity spans.
 *
 * The lenient decoder follows the chunk rules of conlleval.pl (2004-01-26)
 * for B-, I- and O, and extends them: E- and L- close a chunk, S-, U- and
 * W- are chunks of one token, and M- reads as I-.
 */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "err.h"
#include "tag.h"

/*
 * Parse one tag.  The type is what follows the first hyphen; a tag with no
 * hyphen has the empty type, so "B" is a B- tag of the empty type.
 */
void
tag_parse(struct tag *t, const char *p, size_t len, const char *outside,
    size_t outlen)
{
	const char *hyphen;
	size_t plen;

	if (bytes_equal(p, len, outside, outlen)) {
		t->kind = TAG_O;
		t->type = "";
		t->typelen = 0;
		return;
	}
	/* The first hyphen is most often that of a prefix: spare a call. */
	hyphen = len > 1 && p[0] != '-' && p[1] == '-' ? p + 1 :
	    memchr(p, '-', len);
	plen = hyphen != NULL ? (size_t)(hyphen - p) : len;
	t->type = hyphen != NULL ? hyphen + 1 : p + len;
	t->typelen = len - plen - (hyphen != NULL);
	t->kind = plen == 1 ? tag_prefix_kind(p[0]) : TAG_BAD;
}

/* Make room for more spans.  spans_push() calls it when full. */
void
spans_grow(struct spans *s)
{
	s->cap = s->cap ? s->cap * 2 : 16;
	s->v = xrealloc(s->v, s->cap * sizeof *s->v);
}

void
spans_free(struct spans *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

static int
same_type(const struct tag *a, const char *type, size_t typelen)
{
	return bytes_equal(a->type, a->typelen, type, typelen);
}

/*
 * Append the spans of tags[0..n) to out.  A chunk starts at B-, at S-, at
 * an I- or E- that does not continue an open chunk of its type, and at any
 * change of type; it ends before O-, B-, S- or a type change, and after E-.
 * Tags of kind TAG_BAD must have been rejected by the caller.
 */
void
decode_lenient(const struct tag *tags, size_t n, struct spans *out)
{
	const char *type = NULL;
	size_t typelen = 0;
	size_t start = 0;
	int open = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct tag *t = &tags[i];
		int continues = open && (t->kind == TAG_I || t->kind == TAG_E) &&
		    same_type(t, type, typelen);

		if (open && !continues) {
			spans_push(out, start, i, type, typelen);
			open = 0;
		}
		if (t->kind == TAG_O)
			continue;
		if (!continues) {
			start = i;
			type = t->type;
			typelen = t->typelen;
			open = 1;
		}
		if (t->kind == TAG_E || t->kind == TAG_S) {
			spans_push(out, start, i + 1, type, typelen);
			open = 0;
		}
	}
	if (open)
		spans_push(out, start, n, type, typelen);
}
