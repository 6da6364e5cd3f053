/*
 * align-brute: check align_unit against an exhaustive search.
 *
 * The units are small and random: up to 6 spans a side, offsets below 10,
 * one to three types, sometimes a --min-overlap share.  For each, enumerate
 * every one-to-one pairing of the gold and predicted spans, score it by the
 * rule of nermatch(1) and keep the best.  Ties go to the pairing whose gold
 * spans, taken in input order, have the earliest partners (a partner before
 * none).  align_unit must return a valid pairing with the same objective
 * value and the same pairs.  Nothing here but the public header comes from
 * align.c.
 *
 * usage: align-brute [units [seed]]; prints one line and exits 0 when all
 * agree, else prints the first unit that differs and exits 1.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"

#define MAXSIDE 6
#define NONE (-1)

struct objective {
	long	 exact, wrong_type, wrong_bounds, wrong_both;
	long	 overlap, distance;
};

struct unit {
	struct aspan gold[MAXSIDE], pred[MAXSIDE];
	int	 ng, np;
	uint64_t min_num, min_den;	/* --min-overlap; min_den 0: none */
};

struct search {
	const struct unit *u;
	int	 partner[MAXSIDE];	/* of each gold span, or NONE */
	bool	 used[MAXSIDE];
	int	 best[MAXSIDE];
	struct objective bestobj;
	bool	 found;
};

static uint64_t rng_state;

/* splitmix64: a fixed generator, so that every run checks the same units. */
static uint64_t
rng(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static unsigned
below(unsigned n)
{
	return (unsigned)(rng() % n);
}

static void
random_span(struct aspan *s, unsigned ntypes)
{
	static const char *const types[] = { "A", "B", "C" };
	unsigned t = below(ntypes);

	s->start = below(10);
	s->end = s->start + 1 + below(below(2) ? 2 : 5);
	s->type = types[t];
	s->typelen = 1;
}

static void
random_unit(struct unit *u)
{
	static const uint64_t shares[][2] = {
		{ 0, 0 }, { 0, 0 }, { 0, 0 }, { 1, 2 }, { 1, 3 }, { 2, 3 },
		{ 3, 4 }, { 1, 1 }
	};
	unsigned share = below(8);
	unsigned ntypes = 1 + below(3);
	int i;

	u->ng = (int)below(MAXSIDE + 1);
	u->np = (int)below(MAXSIDE + 1);
	for (i = 0; i < u->ng; i++)
		random_span(&u->gold[i], ntypes);
	for (i = 0; i < u->np; i++)
		random_span(&u->pred[i], ntypes);
	u->min_num = shares[share][0];
	u->min_den = shares[share][1];
}

static bool
same_type(const struct aspan *a, const struct aspan *b)
{
	return a->typelen == b->typelen &&
	    memcmp(a->type, b->type, a->typelen) == 0;
}

static long
overlap(const struct aspan *g, const struct aspan *p)
{
	long lo = (long)(g->start > p->start ? g->start : p->start);
	long hi = (long)(g->end < p->end ? g->end : p->end);

	return hi > lo ? hi - lo : 0;
}

/* The overlap must cover min_num / min_den of the gold span or more. */
static bool
may_pair(const struct unit *u, int gi, int pi)
{
	const struct aspan *g = &u->gold[gi], *p = &u->pred[pi];
	long ov = overlap(g, p);

	return ov > 0 && (u->min_den == 0 || (uint64_t)ov * u->min_den >=
	    u->min_num * (g->end - g->start));
}

static long
distance(const struct aspan *g, const struct aspan *p)
{
	return labs((long)g->start - (long)p->start) +
	    labs((long)g->end - (long)p->end);
}

static struct objective
score(const struct unit *u, const int *partner)
{
	struct objective o = { 0, 0, 0, 0, 0, 0 };
	int i;

	for (i = 0; i < u->ng; i++) {
		const struct aspan *g = &u->gold[i], *p;
		bool bounds, type;

		if (partner[i] == NONE)
			continue;
		p = &u->pred[partner[i]];
		bounds = g->start == p->start && g->end == p->end;
		type = same_type(g, p);
		o.exact += bounds && type;
		o.wrong_type += bounds && !type;
		o.wrong_bounds += !bounds && type;
		o.wrong_both += !bounds && !type;
		o.overlap += overlap(g, p);
		o.distance += distance(g, p);
	}
	return o;
}

/* Compare by the rule: negative when a is the better objective. */
static int
objective_cmp(const struct objective *a, const struct objective *b)
{
	const long x[6] = { -a->exact, -a->wrong_type, -a->wrong_bounds,
	    -a->wrong_both, -a->overlap, a->distance };
	const long y[6] = { -b->exact, -b->wrong_type, -b->wrong_bounds,
	    -b->wrong_both, -b->overlap, b->distance };
	int i;

	for (i = 0; i < 6; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

/* Negative when partner vector a comes first: no partner sorts last. */
static int
order_cmp(const int *a, const int *b, int n)
{
	int i, x, y;

	for (i = 0; i < n; i++) {
		x = a[i] == NONE ? MAXSIDE : a[i];
		y = b[i] == NONE ? MAXSIDE : b[i];
		if (x != y)
			return x < y ? -1 : 1;
	}
	return 0;
}

static void
consider(struct search *s)
{
	struct objective o = score(s->u, s->partner);
	int c = s->found ? objective_cmp(&o, &s->bestobj) : -1;

	if (c == 0)
		c = order_cmp(s->partner, s->best, s->u->ng);
	if (c < 0) {
		s->found = true;
		s->bestobj = o;
		memcpy(s->best, s->partner, sizeof s->best);
	}
}

static void
enumerate(struct search *s, int gi)
{
	int pi;

	if (gi == s->u->ng) {
		consider(s);
		return;
	}
	s->partner[gi] = NONE;
	enumerate(s, gi + 1);
	for (pi = 0; pi < s->u->np; pi++) {
		if (s->used[pi] || !may_pair(s->u, gi, pi))
			continue;
		s->used[pi] = true;
		s->partner[gi] = pi;
		enumerate(s, gi + 1);
		s->used[pi] = false;
	}
	s->partner[gi] = NONE;
}

static void
print_unit(const struct unit *u, const int *want, const int *got)
{
	int i;

	fprintf(stderr, "min-overlap %llu/%llu\n",
	    (unsigned long long)u->min_num, (unsigned long long)u->min_den);
	for (i = 0; i < u->ng; i++)
		fprintf(stderr, "gold %d: %llu-%llu %s  want %d got %d\n", i,
		    (unsigned long long)u->gold[i].start,
		    (unsigned long long)u->gold[i].end, u->gold[i].type,
		    want[i], got[i]);
	for (i = 0; i < u->np; i++)
		fprintf(stderr, "pred %d: %llu-%llu %s\n", i,
		    (unsigned long long)u->pred[i].start,
		    (unsigned long long)u->pred[i].end, u->pred[i].type);
}

/*
 * Read align_unit's pairing into got[] and check that it is one to one,
 * symmetric, and pairs only spans that may pair.
 */
static bool
read_pairing(struct unit *u, int *got)
{
	int i, j;

	for (j = 0; j < u->np; j++)
		if (u->pred[j].partner != ALIGN_NONE &&
		    (u->pred[j].partner >= (size_t)u->ng ||
		    u->gold[u->pred[j].partner].partner != (size_t)j))
			return false;
	for (i = 0; i < u->ng; i++) {
		size_t p = u->gold[i].partner;

		got[i] = NONE;
		if (p == ALIGN_NONE)
			continue;
		if (p >= (size_t)u->np || u->pred[p].partner != (size_t)i ||
		    !may_pair(u, i, (int)p))
			return false;
		got[i] = (int)p;
	}
	return true;
}

static bool
check_unit(struct unit *u, struct align_work *w, long n)
{
	struct align_opts opt = { u->min_num, u->min_den };
	struct search s;
	struct objective o;
	int got[MAXSIDE];

	memset(&s, 0, sizeof s);
	s.u = u;
	enumerate(&s, 0);
	if (align_unit(u->gold, (size_t)u->ng, u->pred, (size_t)u->np, &opt,
	    w) != 0 || !read_pairing(u, got)) {
		fprintf(stderr, "align-brute: unit %ld: invalid pairing\n", n);
		print_unit(u, s.best, got);
		return false;
	}
	o = score(u, got);
	if (objective_cmp(&o, &s.bestobj) != 0) {
		fprintf(stderr, "align-brute: unit %ld: objective differs from "
		    "the optimum\n", n);
		print_unit(u, s.best, got);
		return false;
	}
	if (order_cmp(got, s.best, u->ng) != 0) {
		fprintf(stderr, "align-brute: unit %ld: optimal, but ties are "
		    "not broken by input order\n", n);
		print_unit(u, s.best, got);
		return false;
	}
	return true;
}

int
main(int argc, char **argv)
{
	long units = argc > 1 ? atol(argv[1]) : 20000, n;
	struct align_work *w = align_work_new();
	struct unit u;

	rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
	for (n = 0; n < units; n++) {
		random_unit(&u);
		if (!check_unit(&u, w, n))
			return 1;
	}
	align_work_free(w);
	printf("align-brute: %ld units agree with the exhaustive search\n",
	    units);
	return 0;
}
