/*
 * countrec: write counts as the records of a count stream.  Each group (the
 * totals, a document or a unit) gets a "units" row, "tokens" and
 * "tokens-correct" rows when its token counts are known, and a row per
 * non-zero cell, sorted by class and then by type names, so the output does
 * not depend on the order in which types were first seen.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "countrec.h"
#include "err.h"
#include "out.h"
#include "stream.h"

static struct {
	const struct cell **v;
	size_t	 cap;
} sorted;

/* The name of the document whose rows were written last, once it ended. */
static struct {
	char	*p;
	size_t	 len, cap;
	bool	 set;
} ended;

static void
row(const char *doc, size_t doclen, const char *sent, size_t sentlen,
    const char *cls, uint32_t gold, uint32_t pred, uint64_t n)
{
	const char *name;
	size_t len;

	out_write(doc, doclen);
	out_tab();
	out_write(sent, sentlen);
	out_tab();
	out_str(cls);
	out_tab();
	if (gold != TYPE_NONE) {
		name = type_name(gold, &len);
		out_write(name, len);
	}
	out_tab();
	if (pred != TYPE_NONE) {
		name = type_name(pred, &len);
		out_write(name, len);
	}
	out_tab();
	out_u64(n);
	out_nl();
	writer_record_done();
}

static int
type_cmp_or_none(uint32_t a, uint32_t b)
{
	if (a == TYPE_NONE || b == TYPE_NONE)
		return (a != TYPE_NONE) - (b != TYPE_NONE);
	return type_cmp_ids(a, b);
}

static int
cell_cmp(const void *x, const void *y)
{
	const struct cell *a = *(const struct cell *const *)x;
	const struct cell *b = *(const struct cell *const *)y;
	int d;

	if (a->cls != b->cls)
		return a->cls < b->cls ? -1 : 1;
	d = type_cmp_or_none(a->gold, b->gold);
	return d != 0 ? d : type_cmp_or_none(a->pred, b->pred);
}

void
countrec_header(void)
{
	writer_header(STREAM_COUNTS);
}

/*
 * Note that the document doc has no more rows.  A reader joins the rows of
 * one name that are adjacent in a section.  So when the next group belongs
 * to another document of the same name (shards number their documents
 * alike), countrec_group() starts a new section between the two.
 */
void
countrec_doc_end(const char *doc, size_t doclen)
{
	if (doclen > ended.cap) {
		ended.cap = doclen;
		ended.p = xrealloc(ended.p, ended.cap);
	}
	if (doclen > 0)
		memcpy(ended.p, doc, doclen);
	ended.len = doclen;
	ended.set = true;
}

/* Write the rows of one group; empty doc and sent make them totals. */
void
countrec_group(const struct counts *c, const char *doc, size_t doclen,
    const char *sent, size_t sentlen)
{
	size_t k, n = 0;

	if (ended.set && doclen > 0 &&
	    bytes_equal(ended.p, ended.len, doc, doclen)) {
		writer_end();
		writer_header(STREAM_COUNTS);
	}
	ended.set = false;

	row(doc, doclen, sent, sentlen, "units", TYPE_NONE, TYPE_NONE,
	    c->units);
	if (c->tokens_known)
		row(doc, doclen, sent, sentlen, "tokens", TYPE_NONE, TYPE_NONE,
		    c->tokens);
	if (c->correct_known)
		row(doc, doclen, sent, sentlen, "tokens-correct", TYPE_NONE,
		    TYPE_NONE, c->correct);
	if (c->ncells > sorted.cap) {
		sorted.cap = c->ncells;
		sorted.v = xrealloc(sorted.v, sorted.cap * sizeof *sorted.v);
	}
	for (k = 0; k < c->ncells; k++)
		if (c->cells[k].n > 0)
			sorted.v[n++] = &c->cells[k];
	if (n > 1)
		qsort(sorted.v, n, sizeof *sorted.v, cell_cmp);
	for (k = 0; k < n; k++)
		row(doc, doclen, sent, sentlen, class_names[sorted.v[k]->cls],
		    sorted.v[k]->gold, sorted.v[k]->pred, sorted.v[k]->n);
}

/* End the section, passing on the message of an incomplete input. */
void
countrec_end(const char *incomplete)
{
	if (incomplete != NULL)
		writer_incomplete(incomplete);
	writer_end();
	free(sorted.v);
	sorted.v = NULL;
	sorted.cap = 0;
	free(ended.p);
	memset(&ended, 0, sizeof ended);
}
