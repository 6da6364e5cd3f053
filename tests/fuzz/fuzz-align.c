/*
 * fuzz-align: pair random span sets with align_unit and check the result.
 * Every span has at most one partner, and its partner names it back, so
 * each span appears in exactly one match record.  Paired spans overlap by
 * the --min-overlap share.  No unpaired gold span could still pair with an
 * unpaired prediction, because adding that pair would score higher.  For
 * small units the pairing scores as well as the best of an exhaustive
 * search.
 *
 * Input: byte 0 and 1 give the number of gold and predicted spans, byte 2
 * the share and the offset scale, then three bytes a span: start, length,
 * type.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"

#define MAXSPANS 200
#define BRUTE 5

__extension__ typedef unsigned __int128 u128;

struct unit {
	struct aspan gold[MAXSPANS], pred[MAXSPANS];
	size_t	 ng, np;
	struct align_opts opt;
};

static const char *const types[] = { "A", "B", "C", "" };
static struct align_work *work;

static void
check(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz-align: %s\n", what);
		abort();
	}
}

static uint64_t
overlap(const struct aspan *g, const struct aspan *p)
{
	uint64_t lo = g->start > p->start ? g->start : p->start;
	uint64_t hi = g->end < p->end ? g->end : p->end;

	return hi > lo ? hi - lo : 0;
}

/* The overlap covers min_num / min_den of the gold span, or more. */
static bool
may_pair(const struct unit *u, const struct aspan *g, const struct aspan *p)
{
	u128 ov = overlap(g, p);

	if (ov == 0)
		return false;
	return u->opt.min_den == 0 || ov * u->opt.min_den >=
	    (u128)u->opt.min_num * (g->end - g->start);
}

static size_t
read_spans(struct aspan *s, size_t n, const uint8_t **p, const uint8_t *end,
    int scale)
{
	size_t i;

	for (i = 0; i < n && end - *p >= 3; i++, *p += 3) {
		uint64_t base = scale == 2 ? (UINT64_C(1) << 62) : 0;
		uint64_t len = scale == 1 ? (uint64_t)(*p)[1] * 1000 + 1 :
		    (uint64_t)((*p)[1] % 8) + 1;

		s[i].start = base + (scale == 1 ? (uint64_t)(*p)[0] * 997 :
		    (*p)[0]);
		s[i].end = s[i].start + len;
		s[i].type = types[(*p)[2] % 4];
		s[i].typelen = strlen(s[i].type);
	}
	return i;
}

/* The six terms of the pairing rule, best first, for the exhaustive search. */
static void
objective(const struct unit *u, const size_t *partner, int64_t *o)
{
	size_t i;

	memset(o, 0, 6 * sizeof *o);
	for (i = 0; i < u->ng; i++) {
		const struct aspan *g = &u->gold[i], *p;
		bool bounds, type;

		if (partner[i] == ALIGN_NONE)
			continue;
		p = &u->pred[partner[i]];
		bounds = g->start == p->start && g->end == p->end;
		type = g->typelen == p->typelen &&
		    memcmp(g->type, p->type, g->typelen) == 0;
		o[0] += bounds && type;
		o[1] += bounds && !type;
		o[2] += !bounds && type;
		o[3] += !bounds && !type;
		o[4] += (int64_t)overlap(g, p);
		o[5] -= (int64_t)((g->start > p->start ? g->start - p->start :
		    p->start - g->start) + (g->end > p->end ? g->end - p->end :
		    p->end - g->end));
	}
}

static int
objective_cmp(const int64_t *a, const int64_t *b)
{
	int i;

	for (i = 0; i < 6; i++)
		if (a[i] != b[i])
			return a[i] > b[i] ? 1 : -1;
	return 0;
}

static void
search(const struct unit *u, size_t i, size_t *partner, bool *used,
    int64_t *best)
{
	int64_t o[6];
	size_t j;

	if (i == u->ng) {
		objective(u, partner, o);
		if (objective_cmp(o, best) > 0)
			memcpy(best, o, sizeof o);
		return;
	}
	partner[i] = ALIGN_NONE;
	search(u, i + 1, partner, used, best);
	for (j = 0; j < u->np; j++) {
		if (used[j] || !may_pair(u, &u->gold[i], &u->pred[j]))
			continue;
		used[j] = true;
		partner[i] = j;
		search(u, i + 1, partner, used, best);
		used[j] = false;
	}
}

static void
check_best(const struct unit *u)
{
	size_t partner[BRUTE], got[BRUTE], i;
	bool used[BRUTE] = { false };
	int64_t best[6] = { -1, 0, 0, 0, 0, INT64_MIN }, have[6];

	search(u, 0, partner, used, best);
	for (i = 0; i < u->ng; i++)
		got[i] = u->gold[i].partner;
	objective(u, got, have);
	check(objective_cmp(have, best) == 0, "pairing is not the best");
}

static void
check_pairing(const struct unit *u)
{
	size_t i, j;

	for (i = 0; i < u->ng; i++) {
		size_t p = u->gold[i].partner;

		if (p == ALIGN_NONE)
			continue;
		check(p < u->np, "gold partner out of range");
		check(u->pred[p].partner == i, "partners do not agree");
		check(may_pair(u, &u->gold[i], &u->pred[p]),
		    "paired spans do not overlap enough");
	}
	for (j = 0; j < u->np; j++) {
		size_t g = u->pred[j].partner;

		if (g == ALIGN_NONE)
			continue;
		check(g < u->ng, "pred partner out of range");
		check(u->gold[g].partner == j, "partners do not agree");
	}
	for (i = 0; i < u->ng; i++)
		for (j = 0; j < u->np; j++)
			check(u->gold[i].partner != ALIGN_NONE ||
			    u->pred[j].partner != ALIGN_NONE ||
			    !may_pair(u, &u->gold[i], &u->pred[j]),
			    "an unpaired gold span could pair with an "
			    "unpaired prediction");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint64_t shares[][2] = { { 0, 0 }, { 1, 2 }, { 1, 3 },
	    { 1, 1 }, { 999999999, 1000000000 }, { 1, 1000000000 } };
	static struct unit u;
	const uint8_t *p = data + 3, *end = data + size;
	int scale;

	if (size < 3)
		return 0;
	if (work == NULL)
		work = align_work_new();
	u.opt.min_num = shares[data[2] % 6][0];
	u.opt.min_den = shares[data[2] % 6][1];
	scale = (data[2] / 6) % 3;
	u.ng = read_spans(u.gold, data[0] % MAXSPANS, &p, end, scale);
	u.np = read_spans(u.pred, data[1] % MAXSPANS, &p, end, scale);
	if (align_unit(u.gold, u.ng, u.pred, u.np, &u.opt, work) != 0) {
		check(scale == 2, "align_unit refused small offsets");
		return 0;
	}
	check_pairing(&u);
	if (u.ng <= BRUTE && u.np <= BRUTE)
		check_best(&u);
	return 0;
}
