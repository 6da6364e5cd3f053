/*
 * matrix: build the confusion matrix from match counts.
 *
 * Memory grows with the number of types and of non-zero cells, never with
 * the square of the types: the cells are kept sparse, and a writer of a
 * wide format builds one dense row at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "matrix.h"

static const char spurious_label[] = "(spurious)";
static const char missed_label[] = "(missed)";

static size_t
pair_slot(const struct pairmap *m, uint32_t a, uint32_t b)
{
	uint64_t h = ((uint64_t)a * 0x9E3779B97F4A7C15ULL) ^
	    ((uint64_t)b * 0xC2B2AE3D27D4EB4FULL);

	return (size_t)(h ^ (h >> 31)) & (m->nslots - 1);
}

static void
pairmap_rehash(struct pairmap *m)
{
	size_t i, k, nslots = m->nslots ? m->nslots * 2 : 64;

	free(m->slots);
	m->slots = xmalloc(nslots * sizeof *m->slots);
	for (i = 0; i < nslots; i++)
		m->slots[i] = SIZE_MAX;
	m->nslots = nslots;
	for (k = 0; k < m->ncells; k++) {
		i = pair_slot(m, m->cells[k].a, m->cells[k].b);
		while (m->slots[i] != SIZE_MAX)
			i = (i + 1) & (nslots - 1);
		m->slots[i] = k;
	}
}

static size_t *
pairmap_slot(const struct pairmap *m, uint32_t a, uint32_t b)
{
	size_t i = pair_slot(m, a, b);

	while (m->slots[i] != SIZE_MAX) {
		const struct pcell *c = &m->cells[m->slots[i]];

		if (c->a == a && c->b == b)
			break;
		i = (i + 1) & (m->nslots - 1);
	}
	return &m->slots[i];
}

/*
 * Add n to the cell (a, b), creating it when new.  *index, when not NULL,
 * receives the cell's index, or SIZE_MAX when the cell existed before.
 */
void
pairmap_add(struct pairmap *m, uint32_t a, uint32_t b, uint64_t n,
    size_t *index)
{
	size_t *slot;
	struct pcell *c;

	if (m->ncells * 2 >= m->nslots)
		pairmap_rehash(m);
	slot = pairmap_slot(m, a, b);
	if (index != NULL)
		*index = *slot == SIZE_MAX ? m->ncells : SIZE_MAX;
	if (*slot != SIZE_MAX) {
		m->cells[*slot].n = add_u64(m->cells[*slot].n, n);
		return;
	}
	if (m->ncells == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->cells = xrealloc(m->cells, m->cap * sizeof *m->cells);
	}
	c = &m->cells[m->ncells];
	c->a = a;
	c->b = b;
	c->n = n;
	c->aux = 0;
	*slot = m->ncells++;
}

struct pcell *
pairmap_find(const struct pairmap *m, uint32_t a, uint32_t b)
{
	size_t *slot;

	if (m->nslots == 0)
		return NULL;
	slot = pairmap_slot(m, a, b);
	return *slot == SIZE_MAX ? NULL : &m->cells[*slot];
}

void
pairmap_free(struct pairmap *m)
{
	free(m->cells);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/*
 * Fill to[] with the (gold, pred) cells that a match record of class cls
 * adds 1 to, and return how many there are.  With exact pairs, a pair
 * whose boundaries differ is a missed gold entity plus a spurious
 * prediction.  Every other record lands in its gold row and predicted
 * column, and missed and spurious records have TYPE_NONE on one side.
 */
static int
cells_of(uint32_t cls, uint32_t gold, uint32_t pred, bool overlap,
    uint32_t to[2][2])
{
	bool apart = (cls == CLS_WRONG_BOUNDS || cls == CLS_WRONG_BOTH) &&
	    !overlap;

	to[0][0] = gold;
	to[0][1] = apart ? TYPE_NONE : pred;
	if (!apart)
		return 1;
	to[1][0] = TYPE_NONE;
	to[1][1] = pred;
	return 2;
}

static int
id_cmp(const void *x, const void *y)
{
	return type_cmp_ids(*(const uint32_t *)x, *(const uint32_t *)y);
}

static int
mcell_cmp(const void *x, const void *y)
{
	const struct mcell *a = x, *b = y;

	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	return (a->col > b->col) - (a->col < b->col);
}

static void
order_types(struct matrix *m)
{
	uint32_t i;

	m->n = type_count();
	m->ids = xcalloc((size_t)m->n + 1, sizeof *m->ids);
	m->pos = xcalloc((size_t)m->n + 1, sizeof *m->pos);
	for (i = 0; i < m->n; i++)
		m->ids[i] = i;
	qsort(m->ids, m->n, sizeof *m->ids, id_cmp);
	for (i = 0; i < m->n; i++)
		m->pos[m->ids[i]] = i;
}

static uint32_t
position(const struct matrix *m, uint32_t id)
{
	return id == TYPE_NONE ? m->n : m->pos[id];
}

/* Turn the accumulated cells into display cells, row totals and starts. */
static void
place_cells(struct matrix *m, const struct pairmap *acc)
{
	size_t k, r;

	m->cells = xcalloc(acc->ncells, sizeof *m->cells);
	m->gold_total = xcalloc((size_t)m->n + 1, sizeof *m->gold_total);
	m->pred_total = xcalloc((size_t)m->n + 1, sizeof *m->pred_total);
	for (k = 0; k < acc->ncells; k++) {
		uint32_t g = position(m, acc->cells[k].a);
		uint32_t p = position(m, acc->cells[k].b);
		uint64_t n = acc->cells[k].n;

		if (n == 0)
			continue;
		m->gold_total[g] = add_u64(m->gold_total[g], n);
		m->pred_total[p] = add_u64(m->pred_total[p], n);
		m->cells[m->ncells].row = m->o.transpose ? p : g;
		m->cells[m->ncells].col = m->o.transpose ? g : p;
		m->cells[m->ncells++].n = n;
	}
	qsort(m->cells, m->ncells, sizeof *m->cells, mcell_cmp);
	m->row_start = xcalloc((size_t)m->n + 2, sizeof *m->row_start);
	for (k = 0, r = 0; r <= (size_t)m->n + 1; r++) {
		while (k < m->ncells && m->cells[k].row < r)
			k++;
		m->row_start[r] = k;
	}
}

static void
find_scale(struct matrix *m)
{
	size_t k;
	struct mvalue v;
	double x;

	m->scale_max = 0;
	for (k = 0; k < m->ncells; k++) {
		v = matrix_value(m, m->cells[k].row, m->cells[k].col,
		    m->cells[k].n);
		if (v.kind != V_COUNT && v.kind != V_SHARE)
			continue;
		x = v.kind == V_COUNT ? (double)v.n : v.share;
		if (x > m->scale_max)
			m->scale_max = x;
	}
}

/* Build the matrix of the match counts c under the options o. */
void
matrix_build(struct matrix *m, const struct counts *c,
    const struct matrix_opts *o)
{
	struct pairmap acc = { 0 };
	uint32_t to[2][2];
	size_t k;
	int i, n;

	memset(m, 0, sizeof *m);
	m->o = *o;
	order_types(m);
	for (k = 0; k < c->ncells; k++) {
		const struct cell *e = &c->cells[k];

		n = cells_of(e->cls, e->gold, e->pred, o->overlap, to);
		for (i = 0; i < n; i++)
			pairmap_add(&acc, to[i][0], to[i][1], e->n, NULL);
	}
	place_cells(m, &acc);
	pairmap_free(&acc);
	find_scale(m);
}

void
matrix_free(struct matrix *m)
{
	free(m->ids);
	free(m->pos);
	free(m->cells);
	free(m->row_start);
	free(m->gold_total);
	free(m->pred_total);
	memset(m, 0, sizeof *m);
}

/* Fill counts[0..n] with the counts of a row, zeros included. */
void
matrix_row(const struct matrix *m, uint32_t row, uint64_t *counts)
{
	size_t k;

	memset(counts, 0, ((size_t)m->n + 1) * sizeof *counts);
	for (k = m->row_start[row]; k < m->row_start[row + 1]; k++)
		counts[m->cells[k].col] = m->cells[k].n;
}

void
matrix_axes(const struct matrix *m, uint32_t row, uint32_t col,
    uint32_t *gold, uint32_t *pred)
{
	*gold = m->o.transpose ? col : row;
	*pred = m->o.transpose ? row : col;
}

/* Return what the cell at (row, col), whose count is n, shows. */
struct mvalue
matrix_value(const struct matrix *m, uint32_t row, uint32_t col, uint64_t n)
{
	struct mvalue v = { V_COUNT, n, 0 };
	uint32_t g, p;
	uint64_t den;

	if ((row == m->n && col == m->n) ||
	    (m->o.errors && row == col && row < m->n)) {
		v.kind = V_BLANK;
		return v;
	}
	if (m->o.norm == NORM_NONE)
		return v;
	matrix_axes(m, row, col, &g, &p);
	den = m->o.norm == NORM_GOLD ? m->gold_total[g] : m->pred_total[p];
	if (den == 0) {
		v.kind = V_NA;
		return v;
	}
	v.kind = V_SHARE;
	v.share = (double)n / (double)den;
	return v;
}

/* Write v as text into buf and return its length, 0 for a blank. */
size_t
matrix_format(const struct matrix *m, const struct mvalue *v, char *buf,
    size_t size)
{
	int len = 0;

	switch (v->kind) {
	case V_COUNT:
		len = snprintf(buf, size, "%llu", (unsigned long long)v->n);
		break;
	case V_SHARE:
		len = snprintf(buf, size, "%.*f", m->o.digits, v->share);
		break;
	case V_NA:
		len = snprintf(buf, size, "NA");
		break;
	case V_BLANK:
		buf[0] = '\0';
		break;
	}
	return len < 0 ? 0 : (size_t)len;
}

/* Return the label of row or column i: a type name, or a named extra. */
const char *
matrix_label(const struct matrix *m, uint32_t i, bool row, size_t *len)
{
	const char *s;

	if (i < m->n)
		return type_name(m->ids[i], len);
	s = row != m->o.transpose ? spurious_label : missed_label;
	*len = strlen(s);
	return s;
}

const char *
matrix_axis_name(const struct matrix *m, bool row)
{
	return row != m->o.transpose ? "gold" : "pred";
}

const char *
matrix_pairs_text(const struct matrix *m)
{
	return m->o.overlap ? "any overlap" : "exact boundaries";
}

const char *
matrix_values_text(const struct matrix *m)
{
	switch (m->o.norm) {
	case NORM_GOLD:
		return "share of each gold type";
	case NORM_PRED:
		return "share of each predicted type";
	default:
		return "counts";
	}
}

/*
 * Write part of the heading that every layout of the matrix carries into
 * buf: 0 names the axes, 1 the pairing rule, 2 what the values are.
 */
void
matrix_heading(const struct matrix *m, int part, char *buf, size_t size)
{
	bool gold_rows = !m->o.transpose;

	if (part == 0)
		snprintf(buf, size, "rows: %s type; columns: %s type",
		    gold_rows ? "gold" : "predicted",
		    gold_rows ? "predicted" : "gold");
	else if (part == 1)
		snprintf(buf, size, "pairs: %s (a boundary error counts %s)",
		    matrix_pairs_text(m), m->o.overlap ? "under its gold and "
		    "predicted types" : "as missed plus spurious");
	else
		snprintf(buf, size, "values: %s%s%s", matrix_values_text(m),
		    m->o.norm == NORM_NONE ? "" :
		    (m->o.norm == NORM_GOLD) == gold_rows ?
		    " (each row sums to 1)" : " (each column sums to 1)",
		    m->o.errors ? "; diagonal blanked" : "");
}

/*
 * Stop with an error when the wide formats would print more than
 * max_types types, because their output grows with the square of the types.
 */
void
matrix_check_size(const struct matrix *m, uint32_t max_types,
    const char *format)
{
	if (m->n <= max_types)
		return;
	die(EXIT_DATA, "the input has %lu types, so the %s format would print "
	    "a %lu x %lu matrix, more than --max-types=%lu allows: use -f "
	    "long, which lists only the non-zero cells, or raise --max-types",
	    (unsigned long)m->n, format, (unsigned long)m->n + 1,
	    (unsigned long)m->n + 1, (unsigned long)max_types);
}

static int
top_cmp(const void *x, const void *y)
{
	const struct mcell *a = *(const struct mcell *const *)x;
	const struct mcell *b = *(const struct mcell *const *)y;

	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return mcell_cmp(a, b);
}

/*
 * Return the off-diagonal cells (confusions, misses and spurious
 * predictions) sorted by count, largest first, with ties in row and
 * column order.  *count receives how many of them to print: at most limit.
 */
const struct mcell **
matrix_top(const struct matrix *m, size_t limit, size_t *count)
{
	const struct mcell **top;
	size_t k, n = 0;

	top = xcalloc(m->ncells, sizeof *top);
	for (k = 0; k < m->ncells; k++)
		if (m->cells[k].row != m->cells[k].col)
			top[n++] = &m->cells[k];
	qsort(top, n, sizeof *top, top_cmp);
	*count = n < limit ? n : limit;
	return top;
}

void
examples_init(struct examples *e, bool overlap)
{
	memset(e, 0, sizeof *e);
	e->overlap = overlap;
}

/* Find the columns that examples come from in the stream s. */
void
examples_columns(struct examples *e, const struct stream *s)
{
	e->source = stream_require(s, "source");
	e->gold_text = stream_require(s, "gold_text");
	e->pred_text = stream_require(s, "pred_text");
}

static char *
field_dup(const struct stream *s, int col)
{
	return xstrndup(s->fs.f[col].p, s->fs.f[col].len);
}

static void
example_set(struct example *x, const struct examples *e,
    const struct stream *s, bool split)
{
	free(x->source);
	free(x->gold_text);
	free(x->pred_text);
	x->source = field_dup(s, e->source);
	x->gold_text = field_dup(s, e->gold_text);
	x->pred_text = field_dup(s, e->pred_text);
	x->split = split;
}

/* Return the example slot of the off-diagonal cell (gold, pred). */
static struct example *
example_slot(struct examples *e, uint32_t gold, uint32_t pred)
{
	struct example *x;
	size_t index;

	pairmap_add(&e->map, gold, pred, 1, &index);
	if (index == SIZE_MAX)
		return &e->recs[pairmap_find(&e->map, gold, pred)->aux - 1];
	if (e->nrecs == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->recs = xrealloc(e->recs, e->cap * sizeof *e->recs);
	}
	x = &e->recs[e->nrecs++];
	memset(x, 0, sizeof *x);
	e->map.cells[index].aux = e->nrecs;
	return x;
}

/* Keep the current record as the example of the cells it adds to. */
void
examples_on_match(void *arg, const struct stream *s, uint32_t cls,
    uint32_t gold, uint32_t pred)
{
	struct examples *e = arg;
	struct example *x;
	uint32_t to[2][2];
	int i, n;

	n = cells_of(cls, gold, pred, e->overlap, to);
	for (i = 0; i < n; i++) {
		if (to[i][0] == to[i][1])
			continue;
		x = example_slot(e, to[i][0], to[i][1]);
		if (x->source == NULL || (x->split && n == 1))
			example_set(x, e, s, n == 2);
	}
}

/* Return the example of the display cell c, or NULL. */
const struct example *
examples_find(const struct examples *e, const struct matrix *m,
    const struct mcell *c)
{
	const struct pcell *p;
	uint32_t g, q;

	matrix_axes(m, c->row, c->col, &g, &q);
	p = pairmap_find(&e->map, g < m->n ? m->ids[g] : TYPE_NONE,
	    q < m->n ? m->ids[q] : TYPE_NONE);
	return p == NULL || p->aux == 0 ? NULL : &e->recs[p->aux - 1];
}

void
examples_free(struct examples *e)
{
	size_t k;

	for (k = 0; k < e->nrecs; k++) {
		free(e->recs[k].source);
		free(e->recs[k].gold_text);
		free(e->recs[k].pred_text);
	}
	free(e->recs);
	pairmap_free(&e->map);
}
