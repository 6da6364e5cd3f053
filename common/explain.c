/*
 * explain: what the scores of each type mean, in plain words.  The reading
 * of precision and recall is that of the Azure AI Language custom NER page
 * "Evaluation metrics for custom named entity recognition models": high
 * precision and low recall means the model is right when it names a type
 * but misses entities of it, and so on.  The match counts make each reading
 * precise, because they say which types the wrong predictions really were
 * and how many entities got no prediction at all.
 *
 * Then the most frequent confusions, and the types ranked by how much micro
 * F would rise if all errors of that type were corrected.  Each error
 * belongs to exactly one type: a missed gold entity to its type, a pair that
 * is not fully correct to the type of its gold entity, and a spurious
 * prediction to its own type.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "explain.h"
#include "out.h"

/* Errors of one type under the mode. */
struct type_errors {
	uint64_t missed;	/* gold entities of the type with no partner */
	uint64_t spurious;	/* predictions of the type with no partner */
	uint64_t as_other;	/* own-type modes: its entities, other labels */
	uint64_t from_other;	/* own-type modes: its label on others */
	uint64_t bounds;	/* pairs under the type, other boundaries */
	uint64_t fix_tp2;	/* credit its errors lack, doubled */
};

/* A pair of two types, summed over the classes wrong-type and wrong-both. */
struct confusion {
	uint32_t gold, pred;
	uint64_t n;
	uint64_t same_bounds;	/* of them, the wrong-type pairs */
};

/* The confusions of each type on one side, in the order of conf. */
struct partners {
	size_t	*first;		/* by type id: start in index, and one more */
	size_t	*index;		/* into conf */
};

struct explainer {
	const struct report *rep;
	const struct report_opts *ro;
	const struct explain_opts *eo;
	struct type_errors *err;	/* by type id */
	struct confusion *conf;
	size_t	 nconf;
	struct partners by_gold, by_pred;
};

static void
out_type(uint32_t id)
{
	size_t len;
	const char *name = type_name(id, &len);

	if (len == 0)
		out_str("(empty)");
	else
		out_write(name, len);
}

static int
confusion_cmp(const void *a, const void *b)
{
	const struct confusion *x = a, *y = b;
	int d;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	d = type_cmp_ids(x->gold, y->gold);
	return d != 0 ? d : type_cmp_ids(x->pred, y->pred);
}

static void
add_pair_errors(struct explainer *x, const struct cell *c)
{
	enum mode m = x->rep->mode;
	unsigned credit2 = pair_credit2(m, c->cls);
	struct type_errors *g = &x->err[c->gold];

	if (credit2 == 2)
		return;
	g->fix_tp2 = add_u64(g->fix_tp2, credit2 == 0 ? twice(c->n) : c->n);
	if (mode_counts_own_type(m) && class_is_cross_type(c->cls)) {
		g->as_other = add_u64(g->as_other, c->n);
		x->err[c->pred].from_other = add_u64(x->err[c->pred].from_other,
		    c->n);
	} else {
		g->bounds = add_u64(g->bounds, c->n);
	}
}

static void
add_confusion(struct explainer *x, const struct cell *c)
{
	struct confusion *e = &x->conf[x->nconf++];

	e->gold = c->gold;
	e->pred = c->pred;
	e->n = c->n;
	e->same_bounds = c->cls == CLS_WRONG_TYPE ? c->n : 0;
}

static int
pair_cmp(const void *a, const void *b)
{
	const struct confusion *x = a, *y = b;

	if (x->gold != y->gold)
		return x->gold < y->gold ? -1 : 1;
	return x->pred < y->pred ? -1 : x->pred > y->pred;
}

/* Add up the wrong-type and wrong-both cells of each pair of types. */
static void
merge_pairs(struct explainer *x)
{
	size_t i, n = 0;

	qsort(x->conf, x->nconf, sizeof *x->conf, pair_cmp);
	for (i = 0; i < x->nconf; i++) {
		if (n == 0 || pair_cmp(&x->conf[n - 1], &x->conf[i]) != 0) {
			x->conf[n++] = x->conf[i];
			continue;
		}
		x->conf[n - 1].n = add_u64(x->conf[n - 1].n, x->conf[i].n);
		x->conf[n - 1].same_bounds = add_u64(x->conf[n - 1].same_bounds,
		    x->conf[i].same_bounds);
	}
	x->nconf = n;
}

/* Index the confusions of each type on one side, keeping their order. */
static void
index_partners(const struct explainer *x, struct partners *p, bool gold)
{
	uint32_t ntypes = type_count(), id;
	size_t i, *next;

	p->first = xcalloc((size_t)ntypes + 1, sizeof *p->first);
	p->index = xcalloc(x->nconf ? x->nconf : 1, sizeof *p->index);
	for (i = 0; i < x->nconf; i++)
		p->first[(gold ? x->conf[i].gold : x->conf[i].pred) + 1]++;
	for (id = 0; id < ntypes; id++)
		p->first[id + 1] += p->first[id];
	next = xcalloc(ntypes ? ntypes : 1, sizeof *next);
	memcpy(next, p->first, ntypes * sizeof *next);
	for (i = 0; i < x->nconf; i++)
		p->index[next[gold ? x->conf[i].gold : x->conf[i].pred]++] = i;
	free(next);
}

/* Gather the errors of every type from the cells. */
static void
gather(struct explainer *x, const struct counts *c)
{
	size_t k;

	x->err = xcalloc(type_count() ? type_count() : 1, sizeof *x->err);
	x->conf = xcalloc(c->ncells ? c->ncells : 1, sizeof *x->conf);
	for (k = 0; k < c->ncells; k++) {
		const struct cell *e = &c->cells[k];

		if (e->cls == CLS_MISSED) {
			x->err[e->gold].missed = add_u64(x->err[e->gold].missed,
			    e->n);
			x->err[e->gold].fix_tp2 = add_u64(
			    x->err[e->gold].fix_tp2, twice(e->n));
		} else if (e->cls == CLS_SPURIOUS) {
			x->err[e->pred].spurious = add_u64(
			    x->err[e->pred].spurious, e->n);
		} else {
			add_pair_errors(x, e);
		}
		if (class_is_cross_type(e->cls))
			add_confusion(x, e);
	}
	merge_pairs(x);
	qsort(x->conf, x->nconf, sizeof *x->conf, confusion_cmp);
	index_partners(x, &x->by_gold, true);
	index_partners(x, &x->by_pred, false);
}

/*
 * Write " (A 3, B 1, and 2 more)": the confusions of type id, the other
 * types on the gold side (gold_side false) or on the predicted side.
 */
static void
out_partners(const struct explainer *x, uint32_t id, bool id_is_gold)
{
	const struct partners *p = id_is_gold ? &x->by_gold : &x->by_pred;
	size_t i;
	int shown = 0, more = 0;

	for (i = p->first[id]; i < p->first[id + 1]; i++) {
		const struct confusion *c = &x->conf[p->index[i]];

		if (shown == x->eo->top) {
			more++;
			continue;
		}
		out_str(shown++ == 0 ? " (" : ", ");
		out_type(id_is_gold ? c->pred : c->gold);
		out_printf(" %llu", (unsigned long long)c->n);
	}
	if (more > 0)
		out_printf(", and %d more type%s", more, more > 1 ? "s" : "");
	if (shown > 0)
		out_char(')');
}

/*
 * Write fmt with each "%T" replaced by the name of type id; fmt has no
 * other conversions.
 */
static void
out_with_type(const char *fmt, uint32_t id)
{
	const char *t;

	while ((t = strstr(fmt, "%T")) != NULL) {
		out_write(fmt, (size_t)(t - fmt));
		out_type(id);
		fmt = t + 2;
	}
	out_str(fmt);
}

/* Return the verb form that agrees with a count of n. */
static const char *
agree(uint64_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* Start a clause of a list: the first after the lead, then commas. */
static void
clause(int *n)
{
	out_str(*n == 0 ? " " : ", ");
	(*n)++;
}

static void
explain_predictions(const struct explainer *x, const struct stats *s)
{
	const struct type_errors *e = &x->err[s->type];
	bool own = mode_counts_own_type(x->rep->mode);
	int n = 0;

	out_with_type(own ? "  Predictions of %T" :
	    "  Predictions counted under %T", s->type);
	out_printf(" (%llu):", (unsigned long long)s->pred);
	clause(&n);
	out_printf("%llu correct", (unsigned long long)s->cor);
	if (e->spurious > 0) {
		clause(&n);
		out_printf("%llu %s no gold entity",
		    (unsigned long long)e->spurious,
		    agree(e->spurious, "matches", "match"));
	}
	if (e->from_other > 0) {
		clause(&n);
		out_printf("%llu %s", (unsigned long long)e->from_other,
		    agree(e->from_other, "is a gold entity of another type",
		    "are gold entities of other types"));
		out_partners(x, s->type, false);
	}
	if (e->bounds > 0) {
		clause(&n);
		out_printf("%llu %s a gold entity with other boundaries%s",
		    (unsigned long long)e->bounds, agree(e->bounds,
		    "overlaps", "overlap"), x->rep->mode == MODE_PARTIAL ?
		    " (half credit)" : "");
	}
	out_str(".\n");
}

static void
explain_entities(const struct explainer *x, const struct stats *s)
{
	const struct type_errors *e = &x->err[s->type];
	int n = 0;

	out_with_type("  Gold %T entities", s->type);
	out_printf(" (%llu):", (unsigned long long)s->gold);
	clause(&n);
	out_printf("%llu found", (unsigned long long)s->cor);
	if (e->missed > 0) {
		clause(&n);
		out_printf("%llu %s no prediction at all",
		    (unsigned long long)e->missed,
		    agree(e->missed, "gets", "get"));
	}
	if (e->as_other > 0) {
		clause(&n);
		out_printf("%llu %s", (unsigned long long)e->as_other,
		    agree(e->as_other, "is labelled as another type",
		    "are labelled as other types"));
		out_partners(x, s->type, true);
	}
	if (e->bounds > 0) {
		clause(&n);
		out_printf("%llu %s found with other boundaries%s",
		    (unsigned long long)e->bounds, agree(e->bounds, "is",
		    "are"), x->rep->mode == MODE_PARTIAL ? " (half credit)" :
		    "");
	}
	out_str(".\n");
}

/* The reading of one type's precision and recall. */
static void
explain_verdict(const struct explainer *x, const struct stats *s)
{
	bool p_high = !s->p.na && s->p.v >= x->eo->high_precision;
	bool r_high = !s->r.na && s->r.v >= x->eo->high_recall;
	const char *text;

	if (s->gold == 0)
		text = "There are no gold %T entities, so every %T prediction "
		    "is wrong.";
	else if (s->pred == 0)
		text = "The model never predicts %T, so it misses every %T "
		    "entity; more labelled examples of %T would help.";
	else if (p_high && r_high)
		text = "Precision and recall are both high: the model handles "
		    "%T well.";
	else if (p_high)
		text = "Precision is high and recall low: when the model "
		    "predicts %T it is right, but it misses %T entities; more "
		    "labelled examples of %T would help.";
	else if (r_high)
		text = "Precision is low and recall high: the model finds most "
		    "%T entities, but many of its %T predictions are wrong.";
	else
		text = "Precision and recall are both low: the model misses "
		    "many %T entities, and many of its %T predictions are "
		    "wrong.";
	out_str("  ");
	out_with_type(text, s->type);
	out_nl();
}

static void
explain_type(const struct explainer *x, const struct stats *s)
{
	out_type(s->type);
	out_str(": precision ");
	out_ratio(&s->p, x->ro->digits);
	out_str(", recall ");
	out_ratio(&s->r, x->ro->digits);
	out_printf(" (gold %llu, predicted %llu).\n",
	    (unsigned long long)s->gold, (unsigned long long)s->pred);
	explain_verdict(x, s);
	if (s->pred > 0)
		explain_predictions(x, s);
	if (s->gold > 0)
		explain_entities(x, s);
}

static void
explain_confusions(struct explainer *x)
{
	size_t i;
	uint64_t total = 0;

	if (x->nconf == 0) {
		out_str("No gold entity is paired with a prediction of "
		    "another type.\n");
		return;
	}
	for (i = 0; i < x->nconf; i++)
		total = add_u64(total, x->conf[i].n);
	out_printf("Most frequent confusions, gold type labelled as another "
	    "(pairs of two types in all: %llu):\n", (unsigned long long)total);
	for (i = 0; i < x->nconf && i < (size_t)x->eo->top; i++) {
		out_str("  ");
		out_type(x->conf[i].gold);
		out_str(" labelled ");
		out_type(x->conf[i].pred);
		out_printf(": %llu (%llu with the same boundaries)\n",
		    (unsigned long long)x->conf[i].n,
		    (unsigned long long)x->conf[i].same_bounds);
	}
}

/*
 * Return the rise of micro F if all errors of the type were corrected:
 * missed entities predicted exactly, wrong pairs made exact and spurious
 * predictions dropped.  F = (1 + b^2) tp / (b^2 gold + pred), and an F of
 * no entities at all takes the zero-division policy's value.
 */
static double
gain_of(const struct explainer *x, const struct stats *s)
{
	const struct type_errors *e = &x->err[s->type];
	const struct stats *m = &x->rep->micro;
	double b2 = x->ro->sc.beta * x->ro->sc.beta;
	double tp = ((double)m->tp2 + (double)e->fix_tp2) / 2;
	double pred = (double)m->pred + (double)e->missed - (double)e->spurious;
	double den = b2 * (double)m->gold + pred;
	double now = m->f.na ? 0 : m->f.v;
	double fixed = den > 0 ? (1 + b2) * tp / den :
	    ratio_of(0, 0, x->ro->sc.zero).v;

	return fixed - now;
}

struct ranked {
	const struct stats *s;
	double	 gain;
};

static int
ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->gain != y->gain)
		return x->gain > y->gain ? -1 : 1;
	return type_cmp_ids(x->s->type, y->s->type);
}

static void
explain_ranking(const struct explainer *x)
{
	const struct report *rep = x->rep;
	struct ranked *r = xcalloc(rep->ntypes ? rep->ntypes : 1, sizeof *r);
	const char *f = fbeta_name(x->ro->sc.beta);
	uint32_t i;
	size_t len;
	int width = 7;

	for (i = 0; i < rep->ntypes; i++) {
		r[i].s = &rep->types[i];
		r[i].gain = gain_of(x, r[i].s);
	}
	qsort(r, rep->ntypes, sizeof *r, ranked_cmp);
	for (i = 0; i < rep->ntypes; i++) {
		type_name(rep->types[i].type, &len);
		if ((int)len > width)
			width = (int)len;
	}
	out_printf("Rise of micro %s (now ", f);
	out_ratio(&rep->micro.f, x->ro->digits);
	out_str(") if every error of one type were corrected, largest "
	    "first:\n");
	for (i = 0; i < rep->ntypes; i++) {
		const struct type_errors *e = &x->err[r[i].s->type];

		out_str("  ");
		out_type(r[i].s->type);
		type_name(r[i].s->type, &len);
		pad_left(width, len == 0 ? 7 : (int)len);
		out_printf("  +%.*f (%llu missed, %llu paired wrongly, %llu "
		    "spurious)\n", x->ro->digits, r[i].gain,
		    (unsigned long long)e->missed,
		    (unsigned long long)(e->as_other + e->bounds),
		    (unsigned long long)e->spurious);
	}
	free(r);
}

static void
explain_head(const struct explainer *x)
{
	out_printf("Mode %s: %s. Precision counts as high from %g, recall "
	    "from %g.\n", mode_names[x->rep->mode],
	    mode_meaning[x->rep->mode], x->eo->high_precision,
	    x->eo->high_recall);
}

void
explain_write(const struct report *rep, const struct counts *c,
    const struct report_opts *ro, const struct explain_opts *eo)
{
	struct explainer x = { rep, ro, eo, NULL, NULL, 0, { NULL, NULL },
	    { NULL, NULL } };
	uint32_t i;

	gather(&x, c);
	explain_head(&x);
	for (i = 0; i < rep->ntypes; i++) {
		out_nl();
		explain_type(&x, &rep->types[i]);
	}
	out_nl();
	explain_confusions(&x);
	out_nl();
	explain_ranking(&x);
	free(x.err);
	free(x.conf);
	free(x.by_gold.first);
	free(x.by_gold.index);
	free(x.by_pred.first);
	free(x.by_pred.index);
}
