/*
 * typemap: rules of the form [gold:|pred:]FROM=TO, tried in order; the
 * first whose FROM matches a type decides.  FROM and TO may hold one '*'
 * each: the '*' of FROM matches any run of bytes and the '*' of TO stands
 * for what it matched, so "*deriv=*" strips a suffix.  An empty TO drops
 * the entity.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "typemap.h"

struct rule {
	enum map_side side;
	char	*from, *to;
	char	*fstar, *tstar;	/* the '*' in from and to, or NULL */
};

struct typemap {
	struct rule *r;
	size_t	 n;
	/* The result of the last typemap_apply() that used a wildcard. */
	char	*buf;
	size_t	 cap;
};

struct typemap *
typemap_new(void)
{
	return xcalloc(1, sizeof(struct typemap));
}

void
typemap_free(struct typemap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		free(m->r[i].from);
	free(m->r);
	free(m->buf);
	free(m);
}

size_t
typemap_rules(const struct typemap *m)
{
	return m->n;
}

static bool
has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Add one rule; a malformed rule is a usage error. */
void
typemap_add(struct typemap *m, const char *text)
{
	struct rule r = { MAP_BOTH, NULL, NULL, NULL, NULL };
	const char *body = text;
	char *eq;

	if (has_prefix(body, "gold:")) {
		r.side = MAP_GOLD;
		body += 5;
	} else if (has_prefix(body, "pred:")) {
		r.side = MAP_PRED;
		body += 5;
	}
	r.from = xstrndup(body, strlen(body));
	eq = strchr(r.from, '=');
	if (eq == NULL)
		die(EXIT_USAGE, "invalid --map '%s': expected FROM=TO, for "
		    "example MISC=OTH, '*deriv=*' or 'gold:OTH=' to drop",
		    text);
	*eq = '\0';
	r.to = eq + 1;
	r.fstar = strchr(r.from, '*');
	r.tstar = strchr(r.to, '*');
	if ((r.fstar != NULL && strchr(r.fstar + 1, '*') != NULL) ||
	    (r.tstar != NULL && strchr(r.tstar + 1, '*') != NULL) ||
	    (r.tstar != NULL && r.fstar == NULL))
		die(EXIT_USAGE, "invalid --map '%s': FROM and TO take one '*' "
		    "each, and TO only when FROM has one", text);
	m->r = xrealloc(m->r, (m->n + 1) * sizeof *m->r);
	m->r[m->n++] = r;
}

/* Match type against rule r; on success store the wildcard's bytes. */
static bool
matches(const struct rule *r, const char *type, size_t len,
    const char **star, size_t *starlen)
{
	size_t pre, post;

	if (r->fstar == NULL)
		return strlen(r->from) == len &&
		    (len == 0 || memcmp(r->from, type, len) == 0);
	pre = (size_t)(r->fstar - r->from);
	post = strlen(r->fstar + 1);
	if (len < pre + post || memcmp(type, r->from, pre) != 0 ||
	    memcmp(type + len - post, r->fstar + 1, post) != 0)
		return false;
	*star = type + pre;
	*starlen = len - pre - post;
	return true;
}

/*
 * Map a type of the given side.  Returns false when a rule drops it;
 * otherwise *out is the type to write, valid until the next call.
 */
bool
typemap_apply(struct typemap *m, enum map_side side, const char *type,
    size_t len, const char **out, size_t *outlen)
{
	const char *star = NULL;
	size_t i, starlen = 0, pre, post;

	for (i = 0; i < m->n; i++) {
		const struct rule *r = &m->r[i];

		if (r->side != MAP_BOTH && r->side != side)
			continue;
		if (!matches(r, type, len, &star, &starlen))
			continue;
		if (*r->to == '\0')
			return false;
		if (r->tstar == NULL) {
			*out = r->to;
			*outlen = strlen(r->to);
			return true;
		}
		pre = (size_t)(r->tstar - r->to);
		post = strlen(r->tstar + 1);
		if (m->buf == NULL || pre + starlen + post > m->cap) {
			m->cap = pre + starlen + post + 1;
			m->buf = xrealloc(m->buf, m->cap);
		}
		memcpy(m->buf, r->to, pre);
		if (starlen > 0)
			memcpy(m->buf + pre, star, starlen);
		memcpy(m->buf + pre + starlen, r->tstar + 1, post);
		*out = m->buf;
		*outlen = pre + starlen + post;
		return true;
	}
	*out = type;
	*outlen = len;
	return true;
}
