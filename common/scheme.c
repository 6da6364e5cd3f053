/*
 * scheme: tagging schemes.  Every scheme is decoded with the lenient chunk
 * rules of tag.c after its prefixes are mapped to B, I, E and S; what
 * differs is which prefixes a scheme allows and which entities it
 * counts as valid:
 *
 *   IOB1   an entity starts with I-, or with B- right after an entity
 *          of its type
 *   IOB2   an entity starts with B-
 *   IOE1   an entity ends with I-, or with E- right before an entity of
 *          its type
 *   IOE2   an entity ends with E-
 *   IOBES, BILOU, BMES, BMEOW
 *          an entity is one S- (U-, W-) token, or B- (I- or M-)... E- (L-)
 *   IO     any run of I- tags of one type; a tag without a hyphen is
 *          a bare label, and a run of one label is one entity
 *   raw    each token that is not outside is an entity of one token
 */
#include <string.h>

#include "err.h"
#include "scheme.h"

const char *const scheme_names[NSCHEME] = {
	"lenient", "iob1", "iob2", "ioe1", "ioe2", "iobes", "bilou", "bmes",
	"bmeow", "io", "raw"
};

/* The prefixes each scheme allows, and the kind each maps to. */
struct prefix {
	char	 letter;
	enum tag_kind kind;
};

static const struct prefix scheme_prefix[NSCHEME][6] = {
	[SCHEME_IOB1] = { { 'B', TAG_B }, { 'I', TAG_I } },
	[SCHEME_IOB2] = { { 'B', TAG_B }, { 'I', TAG_I } },
	[SCHEME_IOE1] = { { 'I', TAG_I }, { 'E', TAG_E } },
	[SCHEME_IOE2] = { { 'I', TAG_I }, { 'E', TAG_E } },
	[SCHEME_IOBES] = { { 'B', TAG_B }, { 'I', TAG_I }, { 'E', TAG_E },
	    { 'S', TAG_S } },
	[SCHEME_BILOU] = { { 'B', TAG_B }, { 'I', TAG_I }, { 'L', TAG_E },
	    { 'U', TAG_S } },
	[SCHEME_BMES] = { { 'B', TAG_B }, { 'M', TAG_I }, { 'E', TAG_E },
	    { 'S', TAG_S } },
	[SCHEME_BMEOW] = { { 'B', TAG_B }, { 'M', TAG_I }, { 'E', TAG_E },
	    { 'W', TAG_S } },
	[SCHEME_IO] = { { 'I', TAG_I } },
};

static const char *const prefix_list[NSCHEME] = {
	[SCHEME_LENIENT] = "B-, I-, E-, S-, L-, U-, M- or W-",
	[SCHEME_IOB1] = "B- or I-",
	[SCHEME_IOB2] = "B- or I-",
	[SCHEME_IOE1] = "I- or E-",
	[SCHEME_IOE2] = "I- or E-",
	[SCHEME_IOBES] = "B-, I-, E- or S-",
	[SCHEME_BILOU] = "B-, I-, L- or U-",
	[SCHEME_BMES] = "B-, M-, E- or S-",
	[SCHEME_BMEOW] = "B-, M-, E- or W-",
	[SCHEME_IO] = "I-",
	[SCHEME_RAW] = "no prefix",
};

int
scheme_parse(const char *name)
{
	int i;

	if (strcmp(name, "bio") == 0)
		return SCHEME_IOB2;
	if (strcmp(name, "bioes") == 0)
		return SCHEME_IOBES;
	if (strcmp(name, "bmewo") == 0)
		return SCHEME_BMEOW;
	for (i = 0; i < NSCHEME; i++)
		if (strcmp(name, scheme_names[i]) == 0)
			return i;
	return -1;
}

const char *
scheme_prefixes(enum scheme s)
{
	return prefix_list[s];
}

/*
 * Parse a tag under scheme s.  Returns false when the scheme has no such
 * prefix; t->kind is then TAG_BAD.
 */
bool
scheme_tag(enum scheme s, struct tag *t, const char *p, size_t len,
    const char *outside, size_t outlen)
{
	const struct prefix *pf;
	int i;

	/*
	 * A space at either end, or after the prefix, is left from an
	 * export, not part of a type.
	 */
	if (len > 0 && (p[0] == ' ' || p[len - 1] == ' ')) {
		t->kind = TAG_BAD;
		return false;
	}
	tag_parse(t, p, len, outside, outlen);
	if (s != SCHEME_RAW && t->kind != TAG_O && t->typelen > 0 &&
	    t->type[0] == ' ') {
		t->kind = TAG_BAD;
		return false;
	}
	if (t->kind == TAG_O || s == SCHEME_LENIENT)
		return t->kind != TAG_BAD;
	if (s == SCHEME_RAW || (s == SCHEME_IO && memchr(p, '-', len) == NULL)) {
		t->kind = s == SCHEME_RAW ? TAG_S : TAG_I;
		t->type = p;
		t->typelen = len;
		return true;
	}
	t->kind = TAG_BAD;
	if (t->typelen + 1 > len || (len > 1 && p[1] != '-'))
		return false;
	pf = scheme_prefix[s];
	for (i = 0; i < 6 && pf[i].letter != 0; i++)
		if (p[0] == pf[i].letter)
			t->kind = pf[i].kind;
	return t->kind != TAG_BAD;
}

static bool
same_type(const struct tag *a, const struct span *sp)
{
	return a->typelen == sp->typelen &&
	    (a->typelen == 0 || memcmp(a->type, sp->type, a->typelen) == 0);
}

/*
 * Check one decoded entity against scheme s; on failure store the token
 * that breaks the rule and the rule in *bad.
 */
static bool
valid(enum scheme s, const struct tag *tags, size_t n, const struct span *sp,
    struct invalid *bad)
{
	enum tag_kind first = tags[sp->start].kind, last = tags[sp->end - 1].kind;
	const struct tag *before = sp->start > 0 ? &tags[sp->start - 1] : NULL;
	const struct tag *after = sp->end < n ? &tags[sp->end] : NULL;

	switch (s) {
	case SCHEME_IOB1:
		if (first == TAG_I || (before != NULL &&
		    (before->kind == TAG_B || before->kind == TAG_I) &&
		    same_type(before, sp)))
			return true;
		bad->token = sp->start;
		bad->rule = "IOB1 starts an entity with I-, and with B- only "
		    "right after an entity of its type";
		return false;
	case SCHEME_IOB2:
		if (first == TAG_B)
			return true;
		bad->token = sp->start;
		bad->rule = "IOB2 starts every entity with B-";
		return false;
	case SCHEME_IOE1:
		if (last == TAG_I || (after != NULL &&
		    (after->kind == TAG_I || after->kind == TAG_E) &&
		    same_type(after, sp)))
			return true;
		bad->token = sp->end - 1;
		bad->rule = "IOE1 ends an entity with I-, and with E- only "
		    "right before an entity of its type";
		return false;
	case SCHEME_IOE2:
		if (last == TAG_E)
			return true;
		bad->token = sp->end - 1;
		bad->rule = "IOE2 ends every entity with E-";
		return false;
	case SCHEME_IOBES:
	case SCHEME_BILOU:
	case SCHEME_BMES:
	case SCHEME_BMEOW:
		if (sp->end - sp->start == 1 && first == TAG_S)
			return true;
		if (sp->end - sp->start > 1 && first == TAG_B && last == TAG_E)
			return true;
		bad->token = first != TAG_B && first != TAG_S ? sp->start :
		    sp->end - 1;
		bad->rule = s == SCHEME_BILOU ?
		    "BILOU writes an entity as U-, or as B-, I-... and L-" :
		    s == SCHEME_BMES ?
		    "BMES writes an entity as S-, or as B-, M-... and E-" :
		    s == SCHEME_BMEOW ?
		    "BMEOW writes an entity as W-, or as B-, M-... and E-" :
		    "IOBES writes an entity as S-, or as B-, I-... and E-";
		return false;
	default:
		return true;
	}
}

/*
 * Decode tags[0..n) into out under scheme s and the repair policy; the
 * caller rejected TAG_BAD tags.  Store up to maxbad invalid entities in
 * bad and return how many there were.  REPAIR_ERROR keeps them, so the
 * caller can stop at the first.
 */
size_t
scheme_decode(enum scheme s, const struct tag *tags, size_t n,
    enum repair policy, struct spans *out, struct invalid *bad, size_t maxbad)
{
	struct invalid why;
	size_t first = out->n, i, kept = first, nbad = 0;

	decode_lenient(tags, n, out);
	/* These schemes take every entity of the lenient decoding. */
	if (s == SCHEME_LENIENT || s == SCHEME_IO || s == SCHEME_RAW)
		return 0;
	for (i = first; i < out->n; i++) {
		if (valid(s, tags, n, &out->v[i], &why)) {
			if (kept != i)
				out->v[kept] = out->v[i];
			kept++;
			continue;
		}
		if (nbad < maxbad)
			bad[nbad] = why;
		nbad++;
		if (policy != REPAIR_DISCARD)
			out->v[kept++] = out->v[i];
	}
	out->n = kept;
	return nbad;
}
