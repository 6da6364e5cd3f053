/* counts: type names, and match counts per (gold type, pred type, class). */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "counts.h"
#include "err.h"

const char *const class_names[NCLASS] = {
	"exact", "wrong-type", "wrong-bounds", "wrong-both", "missed",
	"spurious"
};

/* The type table: every program run interns each type name once. */
static struct {
	char	*bytes;
	size_t	 used, cap;
	size_t	*off;		/* by id: offset of the name in bytes */
	size_t	*len;
	uint32_t n, cap_ids;
	uint32_t *slots;	/* open addressing, UINT32_MAX empty */
	size_t	 nslots;
} types;

/* Runs once per match record: the lengths are compared first. */
int
class_parse(const char *p, size_t len)
{
	static const size_t lens[NCLASS] = { 5, 10, 12, 10, 6, 8 };
	int i;

	for (i = 0; i < NCLASS; i++)
		if (lens[i] == len && memcmp(class_names[i], p, len) == 0)
			return i;
	return -1;
}

static uint64_t
hash_bytes(const char *p, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void
types_rehash(void)
{
	size_t i, nslots = types.nslots ? types.nslots * 2 : 64;
	uint32_t id;

	free(types.slots);
	types.slots = xmalloc(nslots * sizeof *types.slots);
	memset(types.slots, 0xff, nslots * sizeof *types.slots);
	types.nslots = nslots;
	for (id = 0; id < types.n; id++) {
		i = hash_bytes(types.bytes + types.off[id], types.len[id]) &
		    (nslots - 1);
		while (types.slots[i] != UINT32_MAX)
			i = (i + 1) & (nslots - 1);
		types.slots[i] = id;
	}
}

/* Return the id of the type name p[0..len), adding it when new. */
uint32_t
type_intern(const char *p, size_t len)
{
	size_t i;
	uint32_t id;

	if ((size_t)types.n * 2 >= types.nslots)
		types_rehash();
	i = hash_bytes(p, len) & (types.nslots - 1);
	while ((id = types.slots[i]) != UINT32_MAX) {
		if (bytes_equal(types.bytes + types.off[id], types.len[id], p,
		    len))
			return id;
		i = (i + 1) & (types.nslots - 1);
	}
	if (types.n == UINT32_MAX - 1)
		die(EXIT_DATA, "too many distinct types");
	if (types.n == types.cap_ids) {
		types.cap_ids = types.cap_ids ? types.cap_ids * 2 : 64;
		types.off = xrealloc(types.off, types.cap_ids * sizeof *types.off);
		types.len = xrealloc(types.len, types.cap_ids * sizeof *types.len);
	}
	/* The empty name allocates too, so bytes + off is never NULL + 0. */
	while (types.bytes == NULL || len > types.cap - types.used) {
		types.cap = types.cap ? types.cap * 2 : 4096;
		types.bytes = xrealloc(types.bytes, types.cap);
	}
	if (len > 0)
		memcpy(types.bytes + types.used, p, len);
	id = types.n++;
	types.off[id] = types.used;
	types.len[id] = len;
	types.used += len;
	types.slots[i] = id;
	return id;
}

const char *
type_name(uint32_t id, size_t *len)
{
	*len = types.len[id];
	return types.bytes + types.off[id];
}

uint32_t
type_count(void)
{
	return types.n;
}

/* Order type ids by their names, byte by byte, as conlleval.pl sorts. */
int
type_cmp_ids(uint32_t a, uint32_t b)
{
	return bytes_cmp(types.bytes + types.off[a], types.len[a],
	    types.bytes + types.off[b], types.len[b]);
}

void
counts_init(struct counts *c)
{
	memset(c, 0, sizeof *c);
	c->tokens_known = c->correct_known = true;
}

void
counts_reset(struct counts *c)
{
	c->ncells = 0;
	if (c->slots != NULL)
		memset(c->slots, 0xff, c->nslots * sizeof *c->slots);
	c->units = c->tokens = c->correct = 0;
	c->tokens_known = c->correct_known = true;
}

void
counts_free(struct counts *c)
{
	free(c->cells);
	free(c->slots);
	memset(c, 0, sizeof *c);
}

uint64_t
add_u64(uint64_t a, uint64_t b)
{
	if (a > UINT64_MAX - b)
		die(EXIT_DATA, "counts add up to more than %llu, the largest "
		    "total nertools keeps exactly; look for a wrong count in "
		    "the count records", (unsigned long long)UINT64_MAX);
	return a + b;
}

static size_t
cell_slot(const struct counts *c, uint32_t gold, uint32_t pred, uint32_t cls)
{
	uint64_t h = ((uint64_t)gold * 0x9E3779B97F4A7C15ULL) ^
	    ((uint64_t)pred * 0xC2B2AE3D27D4EB4FULL) ^ cls;

	return (size_t)(h ^ (h >> 29)) & (c->nslots - 1);
}

static void
counts_rehash(struct counts *c)
{
	size_t i, k, nslots = c->nslots ? c->nslots * 2 : 64;

	free(c->slots);
	c->slots = xmalloc(nslots * sizeof *c->slots);
	memset(c->slots, 0xff, nslots * sizeof *c->slots);
	c->nslots = nslots;
	for (k = 0; k < c->ncells; k++) {
		i = cell_slot(c, c->cells[k].gold, c->cells[k].pred,
		    c->cells[k].cls);
		while (c->slots[i] != UINT32_MAX)
			i = (i + 1) & (nslots - 1);
		c->slots[i] = (uint32_t)k;
	}
}

void
counts_add(struct counts *c, uint32_t gold, uint32_t pred, uint32_t cls,
    uint64_t n)
{
	size_t i;
	uint32_t k;

	if (c->ncells * 2 >= c->nslots)
		counts_rehash(c);
	i = cell_slot(c, gold, pred, cls);
	while ((k = c->slots[i]) != UINT32_MAX) {
		struct cell *e = &c->cells[k];

		if (e->gold == gold && e->pred == pred && e->cls == cls) {
			e->n = add_u64(e->n, n);
			return;
		}
		i = (i + 1) & (c->nslots - 1);
	}
	if (c->ncells >= UINT32_MAX - 1)
		die(EXIT_DATA, "too many distinct count cells");
	if (c->ncells == c->cellcap) {
		c->cellcap = c->cellcap ? c->cellcap * 2 : 64;
		c->cells = xrealloc(c->cells, c->cellcap * sizeof *c->cells);
	}
	c->cells[c->ncells].gold = gold;
	c->cells[c->ncells].pred = pred;
	c->cells[c->ncells].cls = cls;
	c->cells[c->ncells].n = n;
	c->slots[i] = (uint32_t)c->ncells++;
}

void
counts_add_tokens(struct counts *c, const struct tokens *t)
{
	if (t->known)
		c->tokens = add_u64(c->tokens, t->tokens);
	else
		c->tokens_known = false;
	if (t->correct_known)
		c->correct = add_u64(c->correct, t->correct);
	else
		c->correct_known = false;
}

void
counts_merge(struct counts *dst, const struct counts *src)
{
	size_t k;

	for (k = 0; k < src->ncells; k++)
		counts_add(dst, src->cells[k].gold, src->cells[k].pred,
		    src->cells[k].cls, src->cells[k].n);
	dst->units = add_u64(dst->units, src->units);
	dst->tokens = add_u64(dst->tokens, src->tokens);
	dst->correct = add_u64(dst->correct, src->correct);
	dst->tokens_known = dst->tokens_known && src->tokens_known;
	dst->correct_known = dst->correct_known && src->correct_known;
}
