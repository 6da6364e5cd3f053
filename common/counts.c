/* counts: type names, and match counts per (gold type, pred type, class). */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "counts.h"
#include "err.h"
#include "hot.h"
#include "swar.h"

const char *const class_names[NCLASS] = {
	"exact", "wrong-type", "wrong-bounds", "wrong-both", "missed",
	"spurious"
};

/*
 * The first and the last 8 bytes of a type name, little-endian, zero-padded
 * when the name is shorter than 8 bytes.  Names of up to 16 bytes are equal
 * when their lengths and both words are equal.
 */
struct name_words {
	uint64_t head, tail;
};

/* The type table: every program run interns each type name once. */
static struct {
	char	*bytes;
	size_t	 used, cap;
	size_t	*off;		/* by id: offset of the name in bytes */
	size_t	*len;
	struct name_words *words;	/* by id */
	uint32_t n, cap_ids;
	uint32_t *slots;	/* open addressing, UINT32_MAX empty */
	size_t	 nslots;
} types;

/*
 * Runs once per match record, so the length picks the one name to compare
 * with, and byte 6 separates "wrong-type" from "wrong-both".  A table
 * rather than a switch picks it, because the jump of a switch on the class
 * of each record is hard to predict.
 */
int
class_parse(const char *p, size_t len)
{
	static const signed char by_len[13] = { -1, -1, -1, -1, -1,
	    CLS_EXACT, CLS_MISSED, -1, CLS_SPURIOUS, -1, CLS_WRONG_TYPE, -1,
	    CLS_WRONG_BOUNDS };
	int cls;

	if (len >= sizeof by_len || (cls = by_len[len]) < 0)
		return -1;
	if (cls == CLS_WRONG_TYPE && p[6] != 't')
		cls = CLS_WRONG_BOTH;
	return short_equal((const unsigned char *)class_names[cls],
	    (const unsigned char *)p, len) ? cls : -1;
}

static struct name_words
name_words(const char *p, size_t len)
{
	struct name_words w = { 0, 0 };

	if (len >= 8)
		w.head = load8((const unsigned char *)p);
	else if (len > 0)
		w.head = load_tail(p, len, len);
	if (len > 8)
		w.tail = load8((const unsigned char *)p + len - 8);
	return w;
}

/*
 * Add the word w to the hash h.  The shift brings the high bits, which the
 * product mixes best, down to the low ones, which pick the slot.
 */
static inline uint64_t
hash_step(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 32);
}

/*
 * Hash every byte of p[0..len), whose first and last words are w.  The
 * extra last step spreads the high byte of the tail word into the slot
 * bits.  Without it, a million names "type_%08d" took 8.3 probes each in
 * a table of 2^21 slots, and 0.46 with it.
 */
static uint64_t
hash_name(const char *p, size_t len, const struct name_words *w)
{
	uint64_t h = hash_step(len, w->head);
	size_t i;

	for (i = 8; i + 8 < len; i += 8)
		h = hash_step(h, load8((const unsigned char *)p + i));
	return hash_step(hash_step(h, w->tail), 0);
}

static bool
type_is(uint32_t id, const char *p, size_t len, const struct name_words *w)
{
	if (types.len[id] != len || types.words[id].head != w->head ||
	    types.words[id].tail != w->tail)
		return false;
	/* Bytes 8 to len - 8 are in neither word. */
	return len <= 16 || memcmp(types.bytes + types.off[id] + 8, p + 8,
	    len - 16) == 0;
}

/*
 * A direct-mapped cache of names of up to 16 bytes in front of the type
 * table, because a stream names the same few types on every record.  A
 * hit costs one multiplication and a comparison of the two words, where
 * the table's hash takes three multiplications and then a probe.  An
 * entry's len is the name's length plus one, so that 0 marks it empty.
 */
#define TYPE_CACHE_BITS 8

static struct type_cache_entry {
	struct name_words w;
	size_t	 len;
	uint32_t id;
} type_cache[1 << TYPE_CACHE_BITS];

static struct type_cache_entry *
cache_slot(size_t len, const struct name_words *w)
{
	uint64_t h = (w->head + len) * 0x9E3779B97F4A7C15ULL;

	return &type_cache[h >> (64 - TYPE_CACHE_BITS)];
}

/* Store id as the cache entry of its name, and return id. */
static uint32_t
cache_keep(size_t len, const struct name_words *w, uint32_t id)
{
	struct type_cache_entry *r = cache_slot(len, w);

	if (len <= 16) {
		r->w = *w;
		r->len = len + 1;
		r->id = id;
	}
	return id;
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
		i = hash_name(types.bytes + types.off[id], types.len[id],
		    &types.words[id]) & (nslots - 1);
		while (types.slots[i] != UINT32_MAX)
			i = (i + 1) & (nslots - 1);
		types.slots[i] = id;
	}
}

/*
 * Find the name p[0..len) in the type table, adding it when new, and keep
 * it in the cache.  Returns its id.  Kept out of type_intern(), so that a
 * cache hit runs without the register saves and the stack frame of the
 * lookup.
 */
static NOINLINE uint32_t
type_lookup(const char *p, size_t len)
{
	struct name_words w = name_words(p, len);
	size_t i;
	uint32_t id;

	if ((size_t)types.n * 2 >= types.nslots)
		types_rehash();
	i = hash_name(p, len, &w) & (types.nslots - 1);
	while ((id = types.slots[i]) != UINT32_MAX) {
		if (type_is(id, p, len, &w))
			return cache_keep(len, &w, id);
		i = (i + 1) & (types.nslots - 1);
	}
	if (types.n == UINT32_MAX - 1)
		die(EXIT_DATA, "too many distinct types");
	if (types.n == types.cap_ids) {
		types.cap_ids = types.cap_ids ? types.cap_ids * 2 : 64;
		types.off = xrealloc(types.off, types.cap_ids * sizeof *types.off);
		types.len = xrealloc(types.len, types.cap_ids * sizeof *types.len);
		types.words = xrealloc(types.words,
		    types.cap_ids * sizeof *types.words);
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
	types.words[id] = w;
	types.used += len;
	types.slots[i] = id;
	return cache_keep(len, &w, id);
}

/*
 * Return the id of the type name p[0..len), adding it when new.  A cache
 * hit returns before anything else is computed, and a miss is a tail call.
 */
uint32_t
type_intern(const char *p, size_t len)
{
	struct name_words w = name_words(p, len);
	const struct type_cache_entry *r = cache_slot(len, &w);

	if (len <= 16 && r->len == len + 1 && r->w.head == w.head &&
	    r->w.tail == w.tail)
		return r->id;
	return type_lookup(p, len);
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
