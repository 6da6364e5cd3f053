/*
 * align: pair the gold and predicted spans of one unit one to one.
 *
 * The pairing maximises, in this order: the number of exact pairs (same
 * boundaries and type), of pairs with the same boundaries and another type,
 * of overlapping pairs of the same type, of overlapping pairs of another
 * type, then the total overlap, and it minimises the total distance between
 * paired boundaries.  Each pair scores a vector of those six terms, and
 * assign.c breaks the ties that remain by input order.
 *
 * Three steps keep the cost close to linear on real data.  A gold and a
 * predicted span that are the only spans of their boundaries and type are
 * paired first, because every best pairing contains that pair.  The other
 * spans fall into clusters chained by overlap, found by a sweep in order of
 * start, and only spans of one cluster can pair.  Each cluster with spans on
 * both sides is an assignment problem over its overlapping pairs.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "assign.h"
#include "bytes.h"
#include "err.h"

/* One unpaired span in the sweep that finds clusters. */
struct node {
	uint64_t start, end;
	size_t	 index;
	bool	 gold;
};

/* An overlapping pair of a cluster, before the edges are sorted by row. */
struct cand {
	size_t	 row;
	struct assign_edge edge;
};

struct align_work {
	size_t	*gsort, *psort;
	size_t	 gsortcap, psortcap;
	struct node *nodes;
	size_t	 nodecap;
	size_t	*glocal, *plocal;	/* unit index to cluster index */
	size_t	 glocalcap, plocalcap;
	size_t	*rows, *cols;		/* cluster index to unit index */
	size_t	*gactive, *pactive;	/* spans of the sweep not yet ended */
	size_t	*rowstart, *match;
	size_t	 clustercap;
	struct cand *cands;
	size_t	 candcap;
	struct assign_edge *edges;
	size_t	 edgecap;
	struct assign *solver;
};

#define GROW(p, n) ((p) = xrealloc((p), (n) * sizeof *(p)))

struct align_work *
align_work_new(void)
{
	struct align_work *w = xcalloc(1, sizeof *w);

	w->solver = assign_new();
	return w;
}

void
align_work_free(struct align_work *w)
{
	if (w == NULL)
		return;
	free(w->gsort);
	free(w->psort);
	free(w->nodes);
	free(w->glocal);
	free(w->plocal);
	free(w->rows);
	free(w->cols);
	free(w->gactive);
	free(w->pactive);
	free(w->rowstart);
	free(w->match);
	free(w->cands);
	free(w->edges);
	assign_free(w->solver);
	free(w);
}

/* Make room for n elements of size in p, whose room is *cap. */
static void *
grow(void *p, size_t *cap, size_t n, size_t size)
{
	if (n <= *cap)
		return p;
	while (*cap < n)
		*cap = *cap ? *cap * 2 : 64;
	return xrealloc(p, *cap * size);
}

static int
type_cmp(const struct aspan *a, const struct aspan *b)
{
	return bytes_cmp(a->type, a->typelen, b->type, b->typelen);
}

static int
key_cmp(const struct aspan *a, const struct aspan *b)
{
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return type_cmp(a, b);
}

/* qsort has no context argument, so the array being sorted is global. */
static const struct aspan *sort_base;

static int
index_cmp(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = key_cmp(&sort_base[i], &sort_base[j]);

	if (c != 0)
		return c;
	return i < j ? -1 : i > j;
}

/*
 * Store in idx the indices of s[0..n) in order of key, ties by index.
 * Spans usually come in that order already, and then qsort() is skipped.
 */
static void
sort_indices(size_t *idx, const struct aspan *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		idx[i] = i;
	for (i = 1; i < n && key_cmp(&s[i - 1], &s[i]) <= 0; i++)
		continue;
	if (i >= n)
		return;
	sort_base = s;
	qsort(idx, n, sizeof *idx, index_cmp);
}

static int
size_cmp(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;

	return i < j ? -1 : i > j;
}

/* Sort v[0..n) in ascending order; most clusters come sorted, and small. */
static void
sort_sizes(size_t *v, size_t n)
{
	size_t i;

	for (i = 1; i < n && v[i - 1] <= v[i]; i++)
		continue;
	if (i < n)
		qsort(v, n, sizeof *v, size_cmp);
}

static int
edge_cmp(const void *x, const void *y)
{
	const struct assign_edge *a = x, *b = y;

	return a->col < b->col ? -1 : a->col > b->col;
}

static uint64_t
absdiff(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

/*
 * Return the least overlap that pairs a gold span of length len: the
 * share min_num / min_den of len, rounded up, computed without overflow.
 */
static uint64_t
min_overlap(uint64_t len, const struct align_opts *opt)
{
	uint64_t q, rem;

	if (opt->min_den == 0)
		return 1;
	q = len / opt->min_den;
	rem = len % opt->min_den;
	return opt->min_num * q + (opt->min_num * rem + opt->min_den - 1) /
	    opt->min_den;
}

/*
 * Set *cost to the negated score of a gold/predicted pair, or return false
 * when they do not overlap enough to be a pair.
 */
static bool
pair_cost(const struct aspan *g, const struct aspan *p,
    const struct align_opts *opt, struct wvec *cost)
{
	uint64_t lo = g->start > p->start ? g->start : p->start;
	uint64_t hi = g->end < p->end ? g->end : p->end;
	bool bounds, type;

	if (hi <= lo)
		return false;
	if (hi - lo < min_overlap(g->end - g->start, opt))
		return false;
	bounds = g->start == p->start && g->end == p->end;
	type = type_cmp(g, p) == 0;
	cost->v[0] = -(int64_t)(bounds && type);
	cost->v[1] = -(int64_t)(bounds && !type);
	cost->v[2] = -(int64_t)(!bounds && type);
	cost->v[3] = -(int64_t)(!bounds && !type);
	cost->v[4] = -(int64_t)(hi - lo);
	cost->v[5] = (int64_t)(absdiff(g->start, p->start) +
	    absdiff(g->end, p->end));
	return true;
}

static void
pair(struct aspan *gold, struct aspan *pred, size_t gi, size_t pi)
{
	gold[gi].partner = pi;
	pred[pi].partner = gi;
}

/* Return the end of the run of spans with the key of idx[i]. */
static size_t
run_end(const struct aspan *s, const size_t *idx, size_t i, size_t n)
{
	size_t j = i + 1;

	while (j < n && key_cmp(&s[idx[i]], &s[idx[j]]) == 0)
		j++;
	return j;
}

/* Pair each gold span with the predicted span that alone has its key. */
static void
pair_unique_exact(struct align_work *w, struct aspan *gold, size_t ng,
    struct aspan *pred, size_t np)
{
	size_t a = 0, b = 0, a2, b2;
	int c;

	while (a < ng && b < np) {
		c = key_cmp(&gold[w->gsort[a]], &pred[w->psort[b]]);
		if (c < 0) {
			a++;
		} else if (c > 0) {
			b++;
		} else {
			a2 = run_end(gold, w->gsort, a, ng);
			b2 = run_end(pred, w->psort, b, np);
			if (a2 - a == 1 && b2 - b == 1)
				pair(gold, pred, w->gsort[a], w->psort[b]);
			a = a2;
			b = b2;
		}
	}
}

/* Merge the unpaired spans of both sides into one list ordered by start. */
static size_t
collect_unpaired(struct align_work *w, const struct aspan *gold, size_t ng,
    const struct aspan *pred, size_t np)
{
	size_t a = 0, b = 0, n = 0;

	w->nodes = grow(w->nodes, &w->nodecap, ng + np, sizeof *w->nodes);
	while (a < ng || b < np) {
		const struct aspan *s;
		bool takegold;

		if (a < ng && gold[w->gsort[a]].partner != ALIGN_NONE) {
			a++;
			continue;
		}
		if (b < np && pred[w->psort[b]].partner != ALIGN_NONE) {
			b++;
			continue;
		}
		takegold = b == np || (a < ng &&
		    gold[w->gsort[a]].start <= pred[w->psort[b]].start);
		s = takegold ? &gold[w->gsort[a]] : &pred[w->psort[b]];
		w->nodes[n].start = s->start;
		w->nodes[n].end = s->end;
		w->nodes[n].index = takegold ? w->gsort[a++] : w->psort[b++];
		w->nodes[n].gold = takegold;
		n++;
	}
	return n;
}

/*
 * Number the gold spans of the cluster 0..k-1 and the predicted ones
 * 0..m-1 in input order, the order in which assign.c breaks ties.
 */
static void
number_cluster(struct align_work *w, const struct node *nodes, size_t n,
    size_t *k, size_t *m)
{
	size_t i;

	*k = *m = 0;
	for (i = 0; i < n; i++) {
		if (nodes[i].gold)
			w->rows[(*k)++] = nodes[i].index;
		else
			w->cols[(*m)++] = nodes[i].index;
	}
	sort_sizes(w->rows, *k);
	sort_sizes(w->cols, *m);
	for (i = 0; i < *k; i++)
		w->glocal[w->rows[i]] = i;
	for (i = 0; i < *m; i++)
		w->plocal[w->cols[i]] = i;
}

static void
add_cand(struct align_work *w, size_t *ncand, const struct aspan *gold,
    const struct aspan *pred, size_t gi, size_t pi,
    const struct align_opts *opt)
{
	struct cand *c;

	w->cands = grow(w->cands, &w->candcap, *ncand + 1, sizeof *w->cands);
	c = &w->cands[*ncand];
	if (!pair_cost(&gold[gi], &pred[pi], opt, &c->edge.cost))
		return;
	c->row = w->glocal[gi];
	c->edge.col = w->plocal[pi];
	(*ncand)++;
}

/*
 * Pair node x with the spans of the other side that are still open at its
 * start, dropping those that ended.  The nodes come in order of start, so
 * every overlapping pair is met once, when the later of the two arrives.
 */
static void
meet_active(struct align_work *w, const struct node *x, size_t *active,
    size_t *nactive, const struct node *nodes, const struct aspan *gold,
    const struct aspan *pred, const struct align_opts *opt,
    size_t *ncand)
{
	size_t i, kept = 0;

	for (i = 0; i < *nactive; i++) {
		const struct node *y = &nodes[active[i]];

		if (y->end <= x->start)
			continue;
		active[kept++] = active[i];
		if (x->gold)
			add_cand(w, ncand, gold, pred, x->index, y->index, opt);
		else
			add_cand(w, ncand, gold, pred, y->index, x->index, opt);
	}
	*nactive = kept;
}

static size_t
find_pairs(struct align_work *w, const struct node *nodes, size_t n,
    const struct aspan *gold, const struct aspan *pred,
    const struct align_opts *opt)
{
	size_t i, ng = 0, np = 0, ncand = 0;

	for (i = 0; i < n; i++) {
		if (nodes[i].gold) {
			meet_active(w, &nodes[i], w->pactive, &np, nodes, gold,
			    pred, opt, &ncand);
			w->gactive[ng++] = i;
		} else {
			meet_active(w, &nodes[i], w->gactive, &ng, nodes, gold,
			    pred, opt, &ncand);
			w->pactive[np++] = i;
		}
	}
	return ncand;
}

/* Sort the pairs into edges by row, and each row's edges by column. */
static void
build_edges(struct align_work *w, size_t ncand, size_t k)
{
	size_t i, r;

	w->edges = grow(w->edges, &w->edgecap, ncand, sizeof *w->edges);
	memset(w->rowstart, 0, (k + 1) * sizeof *w->rowstart);
	for (i = 0; i < ncand; i++)
		w->rowstart[w->cands[i].row + 1]++;
	for (r = 0; r < k; r++)
		w->rowstart[r + 1] += w->rowstart[r];
	for (i = 0; i < ncand; i++)
		w->edges[w->rowstart[w->cands[i].row]++] = w->cands[i].edge;
	for (r = k; r > 0; r--)
		w->rowstart[r] = w->rowstart[r - 1];
	w->rowstart[0] = 0;
	for (r = 0; r < k; r++)
		qsort(w->edges + w->rowstart[r], w->rowstart[r + 1] -
		    w->rowstart[r], sizeof *w->edges, edge_cmp);
}

/*
 * Return false when the sums of the cluster's overlaps and distances
 * could overflow the 64-bit terms of the solver.
 */
static bool
cluster_fits(const struct node *nodes, size_t n)
{
	uint64_t lo = nodes[0].start, hi = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (nodes[i].end > hi)
			hi = nodes[i].end;
	return hi - lo < ((uint64_t)1 << 56) / ((uint64_t)n + 1);
}

/* Make room for a cluster of n spans. */
static void
reserve_cluster(struct align_work *w, size_t n)
{
	if (n <= w->clustercap)
		return;
	while (w->clustercap < n)
		w->clustercap = w->clustercap ? w->clustercap * 2 : 64;
	GROW(w->rows, w->clustercap);
	GROW(w->cols, w->clustercap);
	GROW(w->gactive, w->clustercap);
	GROW(w->pactive, w->clustercap);
	GROW(w->rowstart, w->clustercap + 1);
	GROW(w->match, w->clustercap);
}

/*
 * Pair the gold and the predicted span of a cluster of two without the
 * solver.  They overlap, because they form one cluster.  Each pair that pair_cost() accepts has -1 in one of the
 * first four terms of its cost and 0 in the others, so it costs less than
 * leaving both unpaired, and the solver would take it.
 */
static void
pair_two(struct aspan *gold, struct aspan *pred, const struct node *nodes,
    const struct align_opts *opt)
{
	const struct node *g = nodes[0].gold ? &nodes[0] : &nodes[1];
	const struct node *p = nodes[0].gold ? &nodes[1] : &nodes[0];
	struct wvec cost;

	if (pair_cost(&gold[g->index], &pred[p->index], opt, &cost))
		pair(gold, pred, g->index, p->index);
}

static int
align_cluster(struct align_work *w, struct aspan *gold, struct aspan *pred,
    const struct node *nodes, size_t n, const struct align_opts *opt)
{
	size_t k, m, ncand, r;

	if (!cluster_fits(nodes, n))
		return -1;
	if (n == 2 && nodes[0].gold != nodes[1].gold) {
		pair_two(gold, pred, nodes, opt);
		return 0;
	}
	reserve_cluster(w, n);
	number_cluster(w, nodes, n, &k, &m);
	if (k == 0 || m == 0)
		return 0;
	ncand = find_pairs(w, nodes, n, gold, pred, opt);
	if (ncand == 0)
		return 0;
	build_edges(w, ncand, k);
	assign_solve(w->solver, k, m, w->rowstart, w->edges, w->match);
	for (r = 0; r < k; r++)
		if (w->match[r] != ASSIGN_NONE)
			pair(gold, pred, w->rows[r], w->cols[w->match[r]]);
	return 0;
}

/*
 * Return true when the n spans of s end before 2^56 / (n + 1).  Then no
 * cluster of them can fail cluster_fits(), because a cluster has at most
 * n spans and starts at 0 or later.
 */
static bool
side_fits(const struct aspan *s, size_t n)
{
	uint64_t hi = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i].end > hi)
			hi = s[i].end;
	return hi < ((uint64_t)1 << 56) / ((uint64_t)n + 1);
}

/*
 * Pair the spans of one unit: set each span's partner to the index of its
 * partner on the other side, or to ALIGN_NONE.  Returns 0, or -1 when the
 * offsets are too large for the sums of the objective (a cluster of n spans
 * must stay within 2^56 / (n + 1) offsets).
 */
int
align_unit(struct aspan *gold, size_t ngold, struct aspan *pred,
    size_t npred, const struct align_opts *opt, struct align_work *w)
{
	size_t i, n, first = 0;
	uint64_t reach = 0;

	for (i = 0; i < ngold; i++)
		gold[i].partner = ALIGN_NONE;
	for (i = 0; i < npred; i++)
		pred[i].partner = ALIGN_NONE;
	/*
	 * With one side empty nothing can pair, so the sweep would only check
	 * the sizes of the clusters, which side_fits() bounds.
	 */
	if (ngold == 0 && side_fits(pred, npred))
		return 0;
	if (npred == 0 && side_fits(gold, ngold))
		return 0;
	w->gsort = grow(w->gsort, &w->gsortcap, ngold, sizeof *w->gsort);
	w->psort = grow(w->psort, &w->psortcap, npred, sizeof *w->psort);
	w->glocal = grow(w->glocal, &w->glocalcap, ngold, sizeof *w->glocal);
	w->plocal = grow(w->plocal, &w->plocalcap, npred, sizeof *w->plocal);
	sort_indices(w->gsort, gold, ngold);
	sort_indices(w->psort, pred, npred);
	pair_unique_exact(w, gold, ngold, pred, npred);

	n = collect_unpaired(w, gold, ngold, pred, npred);
	for (i = 0; i <= n; i++) {
		if (i == n || (i > first && w->nodes[i].start >= reach)) {
			if (i > first && align_cluster(w, gold, pred,
			    w->nodes + first, i - first, opt) != 0)
				return -1;
			first = i;
			reach = 0;
		}
		if (i < n && w->nodes[i].end > reach)
			reach = w->nodes[i].end;
	}
	return 0;
}
