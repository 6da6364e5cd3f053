/*
 * align: pair the gold and predicted spans of one unit one to one.
 *
 * The pairing maximises, in this order of priority: the number of exact
 * pairs (same boundaries and type), of pairs with the same boundaries and
 * another type, of overlapping pairs of the same type, of overlapping pairs
 * of another type, then the total overlap, then minimises the total distance
 * between the boundaries of paired spans.  Each pair's score is a vector of
 * those six terms, compared lexicographically, and the pairing is a
 * maximum-weight bipartite matching under that order.
 *
 * Exact pairs are taken first: spans with the same boundaries and type are
 * interchangeable, so pairing them greedily loses nothing.  What is left
 * falls into clusters of spans chained by overlap; a cluster with one span
 * on a side takes its best pair, and any other is solved as an assignment
 * problem by shortest augmenting paths (Dijkstra with potentials) over the
 * overlap edges only.  Ordinary text gives clusters of two or three spans,
 * so the cost stays close to linear in the number of spans.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "bytes.h"
#include "err.h"

#define NTERMS 6

struct wvec {
	int64_t v[NTERMS];
};

struct edge {
	size_t	 col;
	struct wvec cost;	/* the negated pair score */
};

struct heapitem {
	struct wvec d;
	size_t	 col;
};

/* One unpaired span in the sweep that finds clusters. */
struct node {
	uint64_t start, end;
	size_t	 index;
	bool	 gold;
};

struct align_work {
	size_t	*gsort, *psort;
	size_t	 gsortcap, psortcap;
	struct node *nodes;
	size_t	 nodecap;
	size_t	*rows, *cols;	/* cluster members: gold and pred indices */
	size_t	 rowcap, colcap;
	struct edge *edges;
	size_t	 edgecap;
	size_t	*rowstart;	/* edges of row r are rowstart[r] to rowstart[r+1] */
	size_t	 rowstartcap;
	/* Per row (u, match_row) and per column (the rest) of the solver. */
	struct wvec *u, *v, *dist;
	bool	*known, *final;
	size_t	*prev, *match_row, *match_col, *touched;
	size_t	 solvecap;
	struct heapitem *heap;
	size_t	 hn, hcap;
};

struct align_work *
align_work_new(void)
{
	return xcalloc(1, sizeof(struct align_work));
}

void
align_work_free(struct align_work *w)
{
	if (w == NULL)
		return;
	free(w->gsort);
	free(w->psort);
	free(w->nodes);
	free(w->rows);
	free(w->cols);
	free(w->edges);
	free(w->rowstart);
	free(w->u);
	free(w->v);
	free(w->dist);
	free(w->known);
	free(w->final);
	free(w->prev);
	free(w->match_row);
	free(w->match_col);
	free(w->touched);
	free(w->heap);
	free(w);
}

static void *
grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	while (*cap < need)
		*cap = *cap ? *cap * 2 : 64;
	return xrealloc(p, *cap * size);
}

static int
wcmp(const struct wvec *a, const struct wvec *b)
{
	int i;

	for (i = 0; i < NTERMS; i++)
		if (a->v[i] != b->v[i])
			return a->v[i] < b->v[i] ? -1 : 1;
	return 0;
}

static struct wvec
wadd(struct wvec a, const struct wvec *b)
{
	int i;

	for (i = 0; i < NTERMS; i++)
		a.v[i] += b->v[i];
	return a;
}

static struct wvec
wsub(struct wvec a, const struct wvec *b)
{
	int i;

	for (i = 0; i < NTERMS; i++)
		a.v[i] -= b->v[i];
	return a;
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

static void
sort_indices(size_t *idx, const struct aspan *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		idx[i] = i;
	if (n < 2)
		return;
	sort_base = s;
	qsort(idx, n, sizeof *idx, index_cmp);
}

static uint64_t
absdiff(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

/*
 * Score a gold/predicted pair, or return false when they do not overlap
 * enough to be a pair.
 */
static bool
score_pair(const struct aspan *g, const struct aspan *p, double min_cover,
    struct wvec *score)
{
	uint64_t lo = g->start > p->start ? g->start : p->start;
	uint64_t hi = g->end < p->end ? g->end : p->end;
	bool bounds, type;

	if (hi <= lo)
		return false;
	if ((double)(hi - lo) < min_cover * (double)(g->end - g->start))
		return false;
	bounds = g->start == p->start && g->end == p->end;
	type = type_cmp(g, p) == 0;
	memset(score, 0, sizeof *score);
	score->v[0] = bounds && type;
	score->v[1] = bounds && !type;
	score->v[2] = !bounds && type;
	score->v[3] = !bounds && !type;
	score->v[4] = (int64_t)(hi - lo);
	score->v[5] = -(int64_t)(absdiff(g->start, p->start) +
	    absdiff(g->end, p->end));
	return true;
}

static void
heap_push(struct align_work *w, const struct wvec *d, size_t col)
{
	size_t i, parent;
	struct heapitem it = { *d, col };

	w->heap = grow(w->heap, &w->hcap, w->hn + 1, sizeof *w->heap);
	i = w->hn++;
	while (i > 0) {
		parent = (i - 1) / 2;
		if (wcmp(&w->heap[parent].d, &it.d) < 0 ||
		    (wcmp(&w->heap[parent].d, &it.d) == 0 &&
		    w->heap[parent].col < it.col))
			break;
		w->heap[i] = w->heap[parent];
		i = parent;
	}
	w->heap[i] = it;
}

static bool
heap_less(const struct heapitem *a, const struct heapitem *b)
{
	int c = wcmp(&a->d, &b->d);

	return c < 0 || (c == 0 && a->col < b->col);
}

static struct heapitem
heap_pop(struct align_work *w)
{
	struct heapitem top = w->heap[0], last = w->heap[--w->hn];
	size_t i = 0, child;

	for (;;) {
		child = 2 * i + 1;
		if (child >= w->hn)
			break;
		if (child + 1 < w->hn &&
		    heap_less(&w->heap[child + 1], &w->heap[child]))
			child++;
		if (!heap_less(&w->heap[child], &last))
			break;
		w->heap[i] = w->heap[child];
		i = child;
	}
	if (w->hn > 0)
		w->heap[i] = last;
	return top;
}

/* Offer column j the distance d through row r. */
static void
relax(struct align_work *w, size_t j, const struct wvec *d, size_t r,
    size_t *ntouched)
{
	if (w->final[j])
		return;
	if (w->known[j] && wcmp(d, &w->dist[j]) >= 0)
		return;
	if (!w->known[j])
		w->touched[(*ntouched)++] = j;
	w->known[j] = true;
	w->dist[j] = *d;
	w->prev[j] = r;
	heap_push(w, d, j);
}

static void
relax_row(struct align_work *w, size_t r, const struct wvec *base,
    size_t m, size_t *ntouched)
{
	struct wvec zero = { { 0 } }, d;
	size_t e, dummy = m + r;

	for (e = w->rowstart[r]; e < w->rowstart[r + 1]; e++) {
		const struct edge *ed = &w->edges[e];

		d = wsub(wsub(wadd(*base, &ed->cost), &w->u[r]),
		    &w->v[ed->col]);
		relax(w, ed->col, &d, r, ntouched);
	}
	d = wsub(wsub(wadd(*base, &zero), &w->u[r]), &w->v[dummy]);
	relax(w, dummy, &d, r, ntouched);
}

/* Make room for ncols columns (and as many rows) in the solver's arrays. */
static void
solver_reserve(struct align_work *w, size_t ncols)
{
	if (ncols <= w->solvecap)
		return;
	while (w->solvecap < ncols)
		w->solvecap = w->solvecap ? w->solvecap * 2 : 64;
	w->u = xrealloc(w->u, w->solvecap * sizeof *w->u);
	w->v = xrealloc(w->v, w->solvecap * sizeof *w->v);
	w->dist = xrealloc(w->dist, w->solvecap * sizeof *w->dist);
	w->known = xrealloc(w->known, w->solvecap * sizeof *w->known);
	w->final = xrealloc(w->final, w->solvecap * sizeof *w->final);
	w->prev = xrealloc(w->prev, w->solvecap * sizeof *w->prev);
	w->match_row = xrealloc(w->match_row,
	    w->solvecap * sizeof *w->match_row);
	w->match_col = xrealloc(w->match_col,
	    w->solvecap * sizeof *w->match_col);
	w->touched = xrealloc(w->touched, w->solvecap * sizeof *w->touched);
}

/*
 * Assign every row (gold span) of the cluster to a column: a predicted
 * span (0..m) or its own dummy column (m + row), which leaves it unpaired,
 * at the least total cost.  Potentials u (rows) and v (columns) keep every
 * reduced cost cost - u - v non-negative, so each search is Dijkstra's.
 */
static void
solve_cluster(struct align_work *w, size_t k, size_t m)
{
	size_t ncols = m + k, r0, r, j, e, i, target, ntouched, pj;
	struct wvec zero = { { 0 } }, big;

	solver_reserve(w, ncols);

	for (j = 0; j < ncols; j++) {
		w->v[j] = zero;
		w->known[j] = w->final[j] = false;
		w->match_col[j] = ALIGN_NONE;
	}
	for (r = 0; r < k; r++) {
		big = zero;
		for (e = w->rowstart[r]; e < w->rowstart[r + 1]; e++)
			if (wcmp(&w->edges[e].cost, &big) < 0)
				big = w->edges[e].cost;
		w->u[r] = big;
		w->match_row[r] = ALIGN_NONE;
	}

	for (r0 = 0; r0 < k; r0++) {
		ntouched = 0;
		w->hn = 0;
		relax_row(w, r0, &zero, m, &ntouched);
		target = ALIGN_NONE;
		while (w->hn > 0) {
			struct heapitem it = heap_pop(w);

			j = it.col;
			if (w->final[j] || wcmp(&it.d, &w->dist[j]) != 0)
				continue;
			w->final[j] = true;
			if (w->match_col[j] == ALIGN_NONE) {
				target = j;
				break;
			}
			relax_row(w, w->match_col[j], &w->dist[j], m,
			    &ntouched);
		}
		/* The dummy column of r0 is always reachable. */
		for (i = 0; i < ntouched; i++) {
			j = w->touched[i];
			if (!w->final[j])
				continue;
			w->v[j] = wadd(w->v[j], &w->dist[j]);
			w->v[j] = wsub(w->v[j], &w->dist[target]);
			if (w->match_col[j] != ALIGN_NONE) {
				r = w->match_col[j];
				w->u[r] = wadd(w->u[r], &w->dist[target]);
				w->u[r] = wsub(w->u[r], &w->dist[j]);
			}
		}
		w->u[r0] = wadd(w->u[r0], &w->dist[target]);
		for (j = target;;) {
			r = w->prev[j];
			pj = w->match_row[r];
			w->match_row[r] = j;
			w->match_col[j] = r;
			if (r == r0)
				break;
			j = pj;
		}
		for (i = 0; i < ntouched; i++) {
			w->known[w->touched[i]] = false;
			w->final[w->touched[i]] = false;
		}
	}
}

static void
add_edge(struct align_work *w, size_t *ne, size_t col, const struct wvec *score)
{
	int i;

	w->edges = grow(w->edges, &w->edgecap, *ne + 1, sizeof *w->edges);
	w->edges[*ne].col = col;
	for (i = 0; i < NTERMS; i++)
		w->edges[*ne].cost.v[i] = -score->v[i];
	(*ne)++;
}

static void
pair(struct aspan *gold, struct aspan *pred, size_t gi, size_t pi)
{
	gold[gi].partner = pi;
	pred[pi].partner = gi;
}

/* Pair the spans of one cluster: rows are gold, columns predicted. */
static void
align_cluster(struct align_work *w, struct aspan *gold, struct aspan *pred,
    size_t k, size_t m, double min_cover)
{
	struct wvec score;
	size_t r, c, ne = 0, best = ALIGN_NONE;

	w->rowstart = grow(w->rowstart, &w->rowstartcap, k + 1,
	    sizeof *w->rowstart);
	for (r = 0; r < k; r++) {
		const struct aspan *g = &gold[w->rows[r]];

		w->rowstart[r] = ne;
		for (c = 0; c < m; c++) {
			const struct aspan *p = &pred[w->cols[c]];

			if (p->start >= g->end)
				break;
			if (score_pair(g, p, min_cover, &score))
				add_edge(w, &ne, c, &score);
		}
	}
	w->rowstart[k] = ne;
	if (ne == 0)
		return;
	if (k == 1 || m == 1) {
		size_t e, er = 0;

		for (r = 0; r < k; r++)
			for (e = w->rowstart[r]; e < w->rowstart[r + 1]; e++)
				if (best == ALIGN_NONE || wcmp(&w->edges[e].cost,
				    &w->edges[best].cost) < 0) {
					best = e;
					er = r;
				}
		pair(gold, pred, w->rows[er], w->cols[w->edges[best].col]);
		return;
	}
	solve_cluster(w, k, m);
	for (r = 0; r < k; r++)
		if (w->match_row[r] < m)
			pair(gold, pred, w->rows[r], w->cols[w->match_row[r]]);
}

static void
flush_cluster(struct align_work *w, struct aspan *gold, struct aspan *pred,
    const struct node *nodes, size_t n, double min_cover)
{
	size_t i, k = 0, m = 0;

	w->rows = grow(w->rows, &w->rowcap, n, sizeof *w->rows);
	w->cols = grow(w->cols, &w->colcap, n, sizeof *w->cols);
	for (i = 0; i < n; i++) {
		if (nodes[i].gold)
			w->rows[k++] = nodes[i].index;
		else
			w->cols[m++] = nodes[i].index;
	}
	if (k > 0 && m > 0)
		align_cluster(w, gold, pred, k, m, min_cover);
}

static void
pair_exact(struct align_work *w, struct aspan *gold, size_t ng,
    struct aspan *pred, size_t np)
{
	size_t a = 0, b = 0;
	int c;

	while (a < ng && b < np) {
		c = key_cmp(&gold[w->gsort[a]], &pred[w->psort[b]]);
		if (c == 0)
			pair(gold, pred, w->gsort[a++], w->psort[b++]);
		else if (c < 0)
			a++;
		else
			b++;
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

void
align_unit(struct aspan *gold, size_t ngold, struct aspan *pred,
    size_t npred, const struct align_opts *opt, struct align_work *w)
{
	size_t i, n, first = 0;
	uint64_t reach = 0;

	for (i = 0; i < ngold; i++)
		gold[i].partner = ALIGN_NONE;
	for (i = 0; i < npred; i++)
		pred[i].partner = ALIGN_NONE;
	w->gsort = grow(w->gsort, &w->gsortcap, ngold, sizeof *w->gsort);
	w->psort = grow(w->psort, &w->psortcap, npred, sizeof *w->psort);
	sort_indices(w->gsort, gold, ngold);
	sort_indices(w->psort, pred, npred);
	pair_exact(w, gold, ngold, pred, npred);

	n = collect_unpaired(w, gold, ngold, pred, npred);
	for (i = 0; i < n; i++) {
		if (i > first && w->nodes[i].start >= reach) {
			flush_cluster(w, gold, pred, w->nodes + first, i - first,
			    opt->min_cover);
			first = i;
			reach = 0;
		}
		if (w->nodes[i].end > reach)
			reach = w->nodes[i].end;
	}
	if (n > first)
		flush_cluster(w, gold, pred, w->nodes + first, n - first,
		    opt->min_cover);
}
