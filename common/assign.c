/*
 * assign: the assignment problem of one cluster of spans.
 *
 * Each row may take one column through one of its edges, or stay
 * unassigned at cost 0; each column takes at most one row.  Costs are
 * vectors compared lexicographically.  assign_solve finds the assignments
 * of least total cost, and among them the one in which row 0 has the
 * earliest column it can have (any column before none), then row 1, and so
 * on.
 *
 * The least cost comes from shortest augmenting paths: one Dijkstra search
 * with potentials per row.  Row r also has a dummy column, ncols + r, that
 * stands for "unassigned".  The potentials u (rows) and v (columns) left by
 * the searches are an optimal dual solution, so by complementary slackness
 * an assignment has least cost exactly when all its edges have reduced cost
 * c - u - v = 0 ("tight") and it takes every column whose v is negative.
 * The tie-break fixes the rows in order: each row tries its tight columns
 * from the earliest, and keeps the first for which the other rows can still
 * be assigned under those two conditions, which an alternating path search
 * decides.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "err.h"

struct heapitem {
	struct wvec d;
	size_t	 col;
	bool	 taken;		/* the column has a row */
};

/* One entry of the log that undoes a rejected move of the tie-break. */
struct change {
	size_t	 index, old;
	bool	 row;
};

struct assign {
	size_t	 cap;		/* room in the arrays: rows plus columns */
	struct wvec *u, *v, *dist;
	bool	*known, *final, *fixed, *tight_dummy;
	size_t	*prev, *match_row, *match_col, *touched;
	size_t	*via, *into, *queue;
	size_t	*order;		/* rows in the order the searches take them */
	uint64_t *mark, epoch;	/* a column is seen when mark == epoch */
	size_t	*colstart;	/* the edges into column c, reversed */
	size_t	*colrow, *coledge;
	bool	*tight;
	size_t	 edgecap;
	struct heapitem *heap;
	size_t	 hn, hcap;
	struct change *log;
	size_t	 nlog, logcap;
};

struct assign *
assign_new(void)
{
	return xcalloc(1, sizeof(struct assign));
}

void
assign_free(struct assign *a)
{
	if (a == NULL)
		return;
	free(a->u);
	free(a->v);
	free(a->dist);
	free(a->known);
	free(a->final);
	free(a->fixed);
	free(a->tight_dummy);
	free(a->prev);
	free(a->match_row);
	free(a->match_col);
	free(a->touched);
	free(a->via);
	free(a->into);
	free(a->queue);
	free(a->order);
	free(a->mark);
	free(a->colstart);
	free(a->colrow);
	free(a->coledge);
	free(a->tight);
	free(a->heap);
	free(a->log);
	free(a);
}

#define GROW(p, n) ((p) = xrealloc((p), (n) * sizeof *(p)))

static void
reserve(struct assign *a, size_t n, size_t nedges)
{
	if (n > a->cap) {
		while (a->cap < n)
			a->cap = a->cap ? a->cap * 2 : 64;
		GROW(a->u, a->cap);
		GROW(a->v, a->cap);
		GROW(a->dist, a->cap);
		GROW(a->known, a->cap);
		GROW(a->final, a->cap);
		GROW(a->fixed, a->cap);
		GROW(a->tight_dummy, a->cap);
		GROW(a->prev, a->cap);
		GROW(a->match_row, a->cap);
		GROW(a->match_col, a->cap);
		GROW(a->touched, a->cap);
		GROW(a->via, a->cap);
		GROW(a->into, a->cap);
		GROW(a->queue, a->cap);
		GROW(a->order, a->cap);
		GROW(a->colstart, a->cap + 1);
		a->mark = xrealloc(a->mark, a->cap * sizeof *a->mark);
		memset(a->mark, 0, a->cap * sizeof *a->mark);
		a->epoch = 0;
	}
	if (nedges > a->edgecap) {
		while (a->edgecap < nedges)
			a->edgecap = a->edgecap ? a->edgecap * 2 : 64;
		GROW(a->colrow, a->edgecap);
		GROW(a->coledge, a->edgecap);
		GROW(a->tight, a->edgecap);
	}
}

static int
wcmp(const struct wvec *x, const struct wvec *y)
{
	int i;

	for (i = 0; i < ASSIGN_TERMS; i++)
		if (x->v[i] != y->v[i])
			return x->v[i] < y->v[i] ? -1 : 1;
	return 0;
}

static bool
wzero(const struct wvec *x)
{
	int i;

	for (i = 0; i < ASSIGN_TERMS; i++)
		if (x->v[i] != 0)
			return false;
	return true;
}

/* Return x + y - z - w, the form every reduced cost takes. */
static struct wvec
wsum(const struct wvec *x, const struct wvec *y, const struct wvec *z,
    const struct wvec *w)
{
	struct wvec r;
	int i;

	for (i = 0; i < ASSIGN_TERMS; i++)
		r.v[i] = x->v[i] + y->v[i] - z->v[i] - w->v[i];
	return r;
}

/*
 * Order the heap by distance, then free columns first, so that a search
 * ends as soon as a free column is as near as any other.  Otherwise every
 * search would walk a run of equally good pairs to its end.
 */
static bool
heap_less(const struct heapitem *x, const struct heapitem *y)
{
	int c = wcmp(&x->d, &y->d);

	if (c != 0)
		return c < 0;
	if (x->taken != y->taken)
		return !x->taken;
	return x->col < y->col;
}

static void
heap_push(struct assign *a, const struct wvec *d, size_t col)
{
	struct heapitem it = { *d, col, a->match_col[col] != ASSIGN_NONE };
	size_t i, parent;

	if (a->hn == a->hcap) {
		a->hcap = a->hcap ? a->hcap * 2 : 64;
		GROW(a->heap, a->hcap);
	}
	for (i = a->hn++; i > 0; i = parent) {
		parent = (i - 1) / 2;
		if (!heap_less(&it, &a->heap[parent]))
			break;
		a->heap[i] = a->heap[parent];
	}
	a->heap[i] = it;
}

static struct heapitem
heap_pop(struct assign *a)
{
	struct heapitem top = a->heap[0], last = a->heap[--a->hn];
	size_t i = 0, child;

	for (;;) {
		child = 2 * i + 1;
		if (child >= a->hn)
			break;
		if (child + 1 < a->hn &&
		    heap_less(&a->heap[child + 1], &a->heap[child]))
			child++;
		if (!heap_less(&a->heap[child], &last))
			break;
		a->heap[i] = a->heap[child];
		i = child;
	}
	if (a->hn > 0)
		a->heap[i] = last;
	return top;
}

/* Offer column j the distance d through row r. */
static void
relax(struct assign *a, size_t j, const struct wvec *d, size_t r,
    size_t *ntouched)
{
	if (a->final[j])
		return;
	if (a->known[j] && wcmp(d, &a->dist[j]) >= 0)
		return;
	if (!a->known[j])
		a->touched[(*ntouched)++] = j;
	a->known[j] = true;
	a->dist[j] = *d;
	a->prev[j] = r;
	heap_push(a, d, j);
}

static void
relax_row(struct assign *a, size_t r, const struct wvec *base,
    const size_t *rowstart, const struct assign_edge *edges, size_t m,
    size_t *ntouched)
{
	static const struct wvec zero;
	struct wvec d;
	size_t e;

	for (e = rowstart[r]; e < rowstart[r + 1]; e++) {
		d = wsum(base, &edges[e].cost, &a->u[r], &a->v[edges[e].col]);
		relax(a, edges[e].col, &d, r, ntouched);
	}
	d = wsum(base, &zero, &a->u[r], &a->v[m + r]);
	relax(a, m + r, &d, r, ntouched);
}

/*
 * Move the potentials after a search that ended at column target, so that
 * reduced costs stay non-negative and those of the new path become 0.
 */
static void
update_potentials(struct assign *a, size_t r0, size_t target,
    size_t ntouched)
{
	static const struct wvec zero;
	const struct wvec *dt = &a->dist[target];
	size_t i, j, r;

	for (i = 0; i < ntouched; i++) {
		j = a->touched[i];
		if (!a->final[j])
			continue;
		a->v[j] = wsum(&a->v[j], &a->dist[j], dt, &zero);
		r = a->match_col[j];
		if (r != ASSIGN_NONE)
			a->u[r] = wsum(&a->u[r], dt, &a->dist[j], &zero);
	}
	a->u[r0] = wsum(&a->u[r0], dt, &zero, &zero);
}

/* Assign row r0 along a shortest augmenting path. */
static void
augment_row(struct assign *a, size_t r0, const size_t *rowstart,
    const struct assign_edge *edges, size_t m)
{
	static const struct wvec zero;
	struct heapitem it;
	size_t i, j, r, pj, target = ASSIGN_NONE, ntouched = 0;

	a->hn = 0;
	relax_row(a, r0, &zero, rowstart, edges, m, &ntouched);
	/* The dummy column of r0 is free, so the search always ends. */
	while (target == ASSIGN_NONE) {
		it = heap_pop(a);
		j = it.col;
		if (a->final[j] || wcmp(&it.d, &a->dist[j]) != 0)
			continue;
		a->final[j] = true;
		if (a->match_col[j] == ASSIGN_NONE)
			target = j;
		else
			relax_row(a, a->match_col[j], &a->dist[j], rowstart,
			    edges, m, &ntouched);
	}
	update_potentials(a, r0, target, ntouched);
	for (j = target;; j = pj) {
		r = a->prev[j];
		pj = a->match_row[r];
		a->match_row[r] = j;
		a->match_col[j] = r;
		if (r == r0)
			break;
	}
	for (i = 0; i < ntouched; i++)
		a->known[a->touched[i]] = a->final[a->touched[i]] = false;
}

/*
 * Order the rows by their number of edges, fewest first.  The least cost
 * does not depend on the order, but a row with many edges, such as a long
 * span over many short ones, is then searched from once instead of being
 * reached again by the search of every later row.
 */
static void
order_rows(struct assign *a, size_t k, const size_t *rowstart)
{
	size_t r, d, maxdeg = 0, n = 0;

	for (r = 0; r < k; r++)
		if (rowstart[r + 1] - rowstart[r] > maxdeg)
			maxdeg = rowstart[r + 1] - rowstart[r];
	if (maxdeg <= 8) {
		for (r = 0; r < k; r++)
			a->order[r] = r;
		return;
	}
	for (d = 0; d <= 8; d++)
		for (r = 0; r < k; r++)
			if (rowstart[r + 1] - rowstart[r] == d)
				a->order[n++] = r;
	for (r = 0; r < k; r++)
		if (rowstart[r + 1] - rowstart[r] > 8)
			a->order[n++] = r;
}

static void
solve_least_cost(struct assign *a, size_t k, size_t m,
    const size_t *rowstart, const struct assign_edge *edges)
{
	static const struct wvec zero;
	size_t r, j, e;

	for (j = 0; j < m + k; j++) {
		a->v[j] = zero;
		a->known[j] = a->final[j] = false;
		a->match_col[j] = ASSIGN_NONE;
	}
	/* u starts at each row's least cost, 0 (the dummy) at most. */
	for (r = 0; r < k; r++) {
		a->u[r] = zero;
		for (e = rowstart[r]; e < rowstart[r + 1]; e++)
			if (wcmp(&edges[e].cost, &a->u[r]) < 0)
				a->u[r] = edges[e].cost;
		a->match_row[r] = ASSIGN_NONE;
	}
	order_rows(a, k, rowstart);
	for (r = 0; r < k; r++)
		augment_row(a, a->order[r], rowstart, edges, m);
}

/* Mark the tight edges and list, for every column, the edges into it. */
static void
index_tight(struct assign *a, size_t k, size_t m, const size_t *rowstart,
    const struct assign_edge *edges)
{
	static const struct wvec zero;
	struct wvec red;
	size_t r, e, c;

	memset(a->colstart, 0, (m + 1) * sizeof *a->colstart);
	for (r = 0; r < k; r++) {
		for (e = rowstart[r]; e < rowstart[r + 1]; e++) {
			c = edges[e].col;
			red = wsum(&edges[e].cost, &zero, &a->u[r], &a->v[c]);
			a->tight[e] = wzero(&red);
			a->colstart[c + 1]++;
		}
		red = wsum(&zero, &zero, &a->u[r], &a->v[m + r]);
		a->tight_dummy[r] = wzero(&red);
		a->fixed[r] = false;
	}
	for (c = 0; c < m; c++)
		a->colstart[c + 1] += a->colstart[c];
	for (r = 0; r < k; r++) {
		for (e = rowstart[r]; e < rowstart[r + 1]; e++) {
			c = edges[e].col;
			a->colrow[a->colstart[c]] = r;
			a->coledge[a->colstart[c]++] = e;
		}
	}
	for (c = m; c > 0; c--)
		a->colstart[c] = a->colstart[c - 1];
	a->colstart[0] = 0;
}

static void
log_change(struct assign *a, bool row, size_t index, size_t old)
{
	if (a->nlog == a->logcap) {
		a->logcap = a->logcap ? a->logcap * 2 : 64;
		GROW(a->log, a->logcap);
	}
	a->log[a->nlog].row = row;
	a->log[a->nlog].index = index;
	a->log[a->nlog].old = old;
	a->nlog++;
}

static void
set_row(struct assign *a, size_t r, size_t c)
{
	log_change(a, true, r, a->match_row[r]);
	a->match_row[r] = c;
}

static void
set_col(struct assign *a, size_t c, size_t r)
{
	log_change(a, false, c, a->match_col[c]);
	a->match_col[c] = r;
}

/* Give row r column c, logging both changes. */
static void
take(struct assign *a, size_t r, size_t c)
{
	set_row(a, r, c);
	set_col(a, c, r);
}

static void
revert(struct assign *a)
{
	while (a->nlog > 0) {
		const struct change *ch = &a->log[--a->nlog];

		if (ch->row)
			a->match_row[ch->index] = ch->old;
		else
			a->match_col[ch->index] = ch->old;
	}
}

static bool
must_take(const struct assign *a, size_t c)
{
	return !wzero(&a->v[c]);
}

/* Mark column c seen in the current search; return false if it was. */
static bool
see(struct assign *a, size_t c)
{
	if (a->mark[c] == a->epoch)
		return false;
	a->mark[c] = a->epoch;
	return true;
}

/*
 * Reach column c from row x in the search from the unassigned row r1.
 * Returns true when c is free and the path has been flipped, else queues
 * c's row if it may move.
 */
static bool
reach_free(struct assign *a, size_t x, size_t c, size_t r1, size_t *nq)
{
	size_t owner, old;

	if (!see(a, c))
		return false;
	a->via[c] = x;
	owner = a->match_col[c];
	if (owner == ASSIGN_NONE) {
		for (;;) {
			x = a->via[c];
			old = a->match_row[x];
			take(a, x, c);
			if (x == r1)
				return true;
			c = old;
		}
	}
	if (!a->fixed[owner])
		a->queue[(*nq)++] = owner;
	return false;
}

/*
 * Find a tight alternating path from the unassigned row r1 to a free
 * column, and flip it: every row stays assigned, one column more is taken.
 */
static bool
assign_again(struct assign *a, size_t r1, size_t m, const size_t *rowstart,
    const struct assign_edge *edges)
{
	size_t head = 0, nq = 0, x, e;

	a->epoch++;
	a->queue[nq++] = r1;
	while (head < nq) {
		x = a->queue[head++];
		for (e = rowstart[x]; e < rowstart[x + 1]; e++)
			if (a->tight[e] &&
			    reach_free(a, x, edges[e].col, r1, &nq))
				return true;
		if (a->tight_dummy[x] && a->match_row[x] != m + x &&
		    reach_free(a, x, m + x, r1, &nq))
			return true;
	}
	return false;
}

/*
 * Row x may move from its column into column c of the search from c0.
 * Returns true when x's column may then stay free and the moves are made.
 */
static bool
reach_row(struct assign *a, size_t x, size_t c, size_t c0, size_t *nq)
{
	size_t from = a->match_row[x];

	if (a->fixed[x] || from == c || !see(a, from))
		return false;
	a->via[from] = x;
	a->into[from] = c;
	if (must_take(a, from)) {
		a->queue[(*nq)++] = from;
		return false;
	}
	set_col(a, from, ASSIGN_NONE);
	for (;;) {
		x = a->via[from];
		c = a->into[from];
		take(a, x, c);
		if (c == c0)
			return true;
		from = c;
	}
}

/*
 * Find a tight alternating path that takes the free column c0 and frees a
 * column that may stay free instead; make its moves.
 */
static bool
take_again(struct assign *a, size_t c0, size_t m)
{
	size_t head = 0, nq = 0, c, i, x;

	a->epoch++;
	see(a, c0);
	a->queue[nq++] = c0;
	while (head < nq) {
		c = a->queue[head++];
		if (c >= m) {
			x = c - m;
			if (a->tight_dummy[x] && reach_row(a, x, c, c0, &nq))
				return true;
			continue;
		}
		for (i = a->colstart[c]; i < a->colstart[c + 1]; i++)
			if (a->tight[a->coledge[i]] &&
			    reach_row(a, a->colrow[i], c, c0, &nq))
				return true;
	}
	return false;
}

/*
 * Try to give row r the tight column c instead of its own and still
 * assign the other rows at least cost.  Returns false, changing nothing,
 * when that is impossible.
 */
static bool
try_move(struct assign *a, size_t r, size_t c, size_t m,
    const size_t *rowstart, const struct assign_edge *edges)
{
	size_t c0 = a->match_row[r], r1 = a->match_col[c];

	if (r1 != ASSIGN_NONE && a->fixed[r1])
		return false;
	a->nlog = 0;
	set_col(a, c0, ASSIGN_NONE);
	take(a, r, c);
	if (r1 != ASSIGN_NONE) {
		set_row(a, r1, ASSIGN_NONE);
		if (!assign_again(a, r1, m, rowstart, edges))
			goto fail;
	}
	if (a->match_col[c0] == ASSIGN_NONE && must_take(a, c0) &&
	    !take_again(a, c0, m))
		goto fail;
	return true;
fail:
	revert(a);
	return false;
}

static void
break_ties(struct assign *a, size_t k, size_t m, const size_t *rowstart,
    const struct assign_edge *edges)
{
	size_t r, e, c;

	for (r = 0; r < k; r++) {
		a->fixed[r] = true;
		for (e = rowstart[r]; e < rowstart[r + 1]; e++) {
			if (!a->tight[e])
				continue;
			c = edges[e].col;
			if (c == a->match_row[r] ||
			    try_move(a, r, c, m, rowstart, edges))
				break;
		}
	}
}

/*
 * Assign rows 0..k-1 to columns 0..m-1.  The edges of row r are
 * edges[rowstart[r]] to edges[rowstart[r + 1] - 1], in increasing column
 * order, at most one per column.  Sets match[r] to row r's column, or to
 * ASSIGN_NONE when the row stays unassigned.
 */
void
assign_solve(struct assign *a, size_t k, size_t m, const size_t *rowstart,
    const struct assign_edge *edges, size_t *match)
{
	size_t r;

	reserve(a, m + k, rowstart[k]);
	solve_least_cost(a, k, m, rowstart, edges);
	index_tight(a, k, m, rowstart, edges);
	break_ties(a, k, m, rowstart, edges);
	for (r = 0; r < k; r++)
		match[r] = a->match_row[r] < m ? a->match_row[r] : ASSIGN_NONE;
}
