/*
 * unitset: collect per-unit count vectors from the callbacks of a tally,
 * and pair the units of two inputs by name.
 *
 * A unit's key is its document name, its sentence name (empty for a
 * document) and its occurrence: the k-th unit of an input with that name.
 * Concatenated shards may repeat names (each shard's first document is
 * "1"), and the occurrence keeps their units apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "err.h"
#include "unitset.h"

/* The distinct (gold type, predicted type, class) cells of every input. */
static struct {
	struct cell *v;
	size_t	 n, cap;
	struct keymap index;
} cells;

/* The maximum number of units of each input that a pairing error names. */
enum { MAX_NAMED = 10 };

static uint64_t
hash_key(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 32);
}

static size_t
keymap_slot(const struct keymap *m, const void *p, size_t len)
{
	size_t i = (size_t)hash_key(p, len) & (m->nslots - 1);

	while (m->slots[i].full && !bytes_equal(m->bytes + m->slots[i].off,
	    m->slots[i].len, p, len))
		i = (i + 1) & (m->nslots - 1);
	return i;
}

static void
keymap_grow(struct keymap *m)
{
	struct keyslot *old = m->slots;
	size_t i, oldn = m->nslots;

	m->nslots = oldn ? oldn * 2 : 64;
	m->slots = xcalloc(m->nslots, sizeof *m->slots);
	for (i = 0; i < oldn; i++)
		if (old[i].full)
			m->slots[keymap_slot(m, m->bytes + old[i].off,
			    old[i].len)] = old[i];
	free(old);
}

bool
keymap_find(const struct keymap *m, const void *p, size_t len,
    uint32_t *value)
{
	size_t i;

	if (m->nslots == 0)
		return false;
	i = keymap_slot(m, p, len);
	if (!m->slots[i].full)
		return false;
	*value = m->slots[i].value;
	return true;
}

/* Set the value of key p[0..len), adding the key when it is new. */
void
keymap_put(struct keymap *m, const void *p, size_t len, uint32_t value)
{
	size_t i;

	if ((m->n + 1) * 2 > m->nslots)
		keymap_grow(m);
	i = keymap_slot(m, p, len);
	if (!m->slots[i].full) {
		while (len > m->cap - m->used) {
			m->cap = m->cap ? m->cap * 2 : 4096;
			m->bytes = xrealloc(m->bytes, m->cap);
		}
		if (len > 0)
			memcpy(m->bytes + m->used, p, len);
		m->slots[i].off = m->used;
		m->slots[i].len = len;
		m->slots[i].full = true;
		m->used += len;
		m->n++;
	}
	m->slots[i].value = value;
}

void
keymap_free(struct keymap *m)
{
	free(m->bytes);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* Return the index of a cell in the table, adding it when new. */
static uint32_t
cell_index(const struct cell *c)
{
	uint32_t key[3] = { c->gold, c->pred, c->cls }, index;

	if (keymap_find(&cells.index, key, sizeof key, &index))
		return index;
	if (cells.n == UINT32_MAX - 1)
		die(EXIT_DATA, "too many distinct count cells");
	if (cells.n == cells.cap) {
		cells.cap = cells.cap ? cells.cap * 2 : 64;
		cells.v = xrealloc(cells.v, cells.cap * sizeof *cells.v);
	}
	cells.v[cells.n] = *c;
	cells.v[cells.n].n = 0;
	keymap_put(&cells.index, key, sizeof key, (uint32_t)cells.n);
	return (uint32_t)cells.n++;
}

const struct cell *
unit_cell(uint32_t index)
{
	return &cells.v[index];
}

uint32_t
unit_cells(void)
{
	return (uint32_t)cells.n;
}

static void
keys_append(struct unitset *u, const void *p, size_t len)
{
	while (len > u->keycap - u->keyused) {
		u->keycap = u->keycap ? u->keycap * 2 : 4096;
		u->keys = xrealloc(u->keys, u->keycap);
	}
	if (len > 0)
		memcpy(u->keys + u->keyused, p, len);
	u->keyused += len;
}

/* Store the key "doc TAB sent TAB occurrence" of a new unit. */
static void
unit_key(struct unitset *u, struct unit *un, const struct key *doc,
    const char *sent, size_t sentlen)
{
	char occ[24];
	uint32_t seen = 0;
	size_t base = u->keyused;

	keys_append(u, doc->p, doc->len);
	keys_append(u, "\t", 1);
	keys_append(u, sent, sentlen);
	keymap_find(&u->seen, u->keys + base, u->keyused - base, &seen);
	keymap_put(&u->seen, u->keys + base, u->keyused - base, seen + 1);
	snprintf(occ, sizeof occ, "\t%lu", (unsigned long)seen + 1);
	keys_append(u, occ, strlen(occ));
	un->key = base;
	un->keylen = u->keyused - base;
}

static void
unitset_add(struct unitset *u, const struct key *doc, const char *sent,
    size_t sentlen, const struct counts *c)
{
	struct unit *un;
	size_t k;

	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 256;
		u->units = xrealloc(u->units, u->cap * sizeof *u->units);
	}
	un = &u->units[u->n++];
	unit_key(u, un, doc, sent, sentlen);
	un->first = u->nentries;
	un->nentries = 0;
	for (k = 0; k < c->ncells; k++) {
		if (c->cells[k].n == 0)
			continue;
		if (u->nentries == u->entcap) {
			u->entcap = u->entcap ? u->entcap * 2 : 256;
			u->entries = xrealloc(u->entries, u->entcap *
			    sizeof *u->entries);
		}
		u->entries[u->nentries].cell = cell_index(&c->cells[k]);
		u->entries[u->nentries].n = c->cells[k].n;
		u->nentries++;
		un->nentries++;
	}
}

static void
on_unit(void *arg, const struct tally *t)
{
	struct unitload *l = arg;

	unitset_add(&l->sents, &t->doc_key, t->unit_key.p, t->unit_key.len,
	    &t->unit);
}

/*
 * A document's rows outside its sentences (a count stream at document
 * grain) are a sentence-grain unit of their own, named by an empty sent.
 */
static void
on_doc(void *arg, const struct tally *t)
{
	struct unitload *l = arg;

	unitset_add(&l->docs, &t->doc_key, "", 0, &t->doc);
	if (t->own.ncells > 0)
		unitset_add(&l->sents, &t->doc_key, "", 0, &t->own);
	if (t->own.tokens > 0 || t->own.ncells > 0)
		l->marked = true;
}

/* Collect the units of every stream that t reads from now on. */
void
unitload_init(struct unitload *l, struct tally *t)
{
	memset(l, 0, sizeof *l);
	t->arg = l;
	t->on_unit = on_unit;
	t->on_doc = on_doc;
}

void
unitset_free(struct unitset *u)
{
	free(u->units);
	free(u->entries);
	free(u->keys);
	keymap_free(&u->seen);
	memset(u, 0, sizeof *u);
}

void
unitload_free(struct unitload *l)
{
	unitset_free(&l->docs);
	unitset_free(&l->sents);
}

/*
 * Write the name of unit i for a message: "doc 'D' sent 'S'", with the
 * occurrence when it is not the first.
 */
void
unit_name(const struct unitset *u, size_t i, char *buf, size_t size)
{
	const char *p = u->keys + u->units[i].key;
	const char *end = p + u->units[i].keylen;
	const char *tab1 = memchr(p, '\t', (size_t)(end - p));
	const char *tab2 = memchr(tab1 + 1, '\t', (size_t)(end - tab1 - 1));
	int n;

	n = snprintf(buf, size, "doc '%.*s'", (int)(tab1 - p), p);
	if (tab2 > tab1 + 1 && n >= 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " sent '%.*s'",
		    (int)(tab2 - tab1 - 1), tab1 + 1);
	if (!(end - tab2 == 2 && tab2[1] == '1') && n >= 0 &&
	    (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " (occurrence %.*s)",
		    (int)(end - tab2 - 1), tab2 + 1);
}

/* Name the units of x that are not in map, up to MAX_NAMED; count them. */
static size_t
name_missing(const struct unitset *x, const char *xname,
    const struct keymap *map, const char *other)
{
	char name[256];
	uint32_t v;
	size_t i, missing = 0;

	for (i = 0; i < x->n; i++) {
		if (keymap_find(map, x->keys + x->units[i].key,
		    x->units[i].keylen, &v))
			continue;
		if (missing++ < MAX_NAMED) {
			unit_name(x, i, name, sizeof name);
			warn_at(xname, 0, "%s is not in %s", name, other);
		}
	}
	return missing;
}

static void
keymap_of(const struct unitset *u, struct keymap *m)
{
	size_t i;

	memset(m, 0, sizeof *m);
	for (i = 0; i < u->n; i++)
		keymap_put(m, u->keys + u->units[i].key, u->units[i].keylen,
		    (uint32_t)i);
}

/*
 * Pair the units of a and b by key: b_of_a[i] is the unit of b with the
 * key of unit i of a.  Units in one input only are named, then an error.
 */
void
unitset_pair(const struct unitset *a, const char *aname,
    const struct unitset *b, const char *bname, size_t *b_of_a)
{
	struct keymap ma, mb;
	size_t i, missing;
	uint32_t v = 0;

	if (a->n >= UINT32_MAX || b->n >= UINT32_MAX)
		die(EXIT_DATA, "too many units to compare");
	keymap_of(a, &ma);
	keymap_of(b, &mb);
	missing = name_missing(a, aname, &mb, bname);
	missing += name_missing(b, bname, &ma, aname);
	if (missing > 0)
		die(EXIT_DATA, "%zu %s in one input only; compare the outputs "
		    "of two models on the same test set, written the same way",
		    missing, missing == 1 ? "unit is" : "units are");
	for (i = 0; i < a->n; i++) {
		keymap_find(&mb, a->keys + a->units[i].key,
		    a->units[i].keylen, &v);
		b_of_a[i] = v;
	}
	keymap_free(&ma);
	keymap_free(&mb);
}
