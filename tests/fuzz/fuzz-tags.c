/*
 * fuzz-tags: parse tags under every scheme and decode them.  The spans
 * must lie inside the sentence, be ordered and not overlap.  Each span's
 * tokens carry no outside tag and share its type, and no token outside
 * every span carries an entity tag.  The repair policies must agree:
 * "begin" keeps every span of the lenient decoding, and "discard" keeps
 * exactly those that are valid.
 *
 * Input: byte 0 picks the scheme; the rest is tags, one a line.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scheme.h"
#include "tag.h"

#define MAXTAGS 512

static void
check(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz-tags: %s\n", what);
		abort();
	}
}

static bool
same_type(const struct tag *t, const struct span *s)
{
	return t->typelen == s->typelen &&
	    (s->typelen == 0 || memcmp(t->type, s->type, s->typelen) == 0);
}

static void
check_spans(const struct tag *tags, size_t n, const struct spans *sp)
{
	size_t i, k, next = 0;

	for (i = 0; i < sp->n; i++) {
		const struct span *s = &sp->v[i];

		check(s->start < s->end && s->end <= n, "span out of range");
		check(s->start >= next, "spans overlap or are out of order");
		for (; next < s->start; next++)
			check(tags[next].kind == TAG_O,
			    "an entity tag outside every span");
		for (k = s->start; k < s->end; k++) {
			check(tags[k].kind != TAG_O, "outside tag in a span");
			check(same_type(&tags[k], s), "type changes in a span");
		}
		next = s->end;
	}
	for (; next < n; next++)
		check(tags[next].kind == TAG_O,
		    "an entity tag outside every span");
}

static bool
span_equal(const struct span *a, const struct span *b)
{
	return a->start == b->start && a->end == b->end &&
	    a->typelen == b->typelen && a->type == b->type;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tag tags[MAXTAGS];
	static struct spans lenient, begin, discard;
	static struct invalid bad[MAXTAGS];
	enum scheme sc;
	const char *p, *end, *nl;
	size_t n = 0, nbad, i, k;

	if (size < 1)
		return 0;
	sc = (enum scheme)(data[0] % NSCHEME);
	p = (const char *)data + 1;
	end = (const char *)data + size;
	while (p < end && n < MAXTAGS) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (!scheme_tag(sc, &tags[n], p, (size_t)(nl - p), "O", 1))
			return 0;
		check(tags[n].kind != TAG_BAD, "accepted tag of kind TAG_BAD");
		check(tags[n].kind == TAG_O || (tags[n].type >= p &&
		    tags[n].type + tags[n].typelen <= nl),
		    "type outside the tag");
		n++;
		p = nl + 1;
	}
	lenient.n = begin.n = discard.n = 0;
	decode_lenient(tags, n, &lenient);
	check_spans(tags, n, &lenient);
	nbad = scheme_decode(sc, tags, n, REPAIR_BEGIN, &begin, bad, MAXTAGS);
	check(begin.n == lenient.n, "repair=begin dropped a span");
	for (i = 0; i < begin.n; i++)
		check(span_equal(&begin.v[i], &lenient.v[i]),
		    "repair=begin changed a span");
	check(scheme_decode(sc, tags, n, REPAIR_DISCARD, &discard, bad,
	    MAXTAGS) == nbad, "policies disagree on invalid entities");
	check(discard.n + nbad == lenient.n, "discard kept an invalid span");
	for (i = 0, k = 0; i < discard.n; i++, k++) {
		while (k < lenient.n && !span_equal(&discard.v[i],
		    &lenient.v[k]))
			k++;
		check(k < lenient.n, "discard made a new span");
	}
	for (i = 0; i < nbad && i < MAXTAGS; i++)
		check(bad[i].token < n && bad[i].rule != NULL,
		    "invalid entity names no token");
	return 0;
}
