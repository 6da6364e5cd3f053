/*
 * sentence: the tokens of one sentence with their tags on every level of
 * both sides, and their decoding into span records.
 */
#ifndef NERTOOLS_SENTENCE_H
#define NERTOOLS_SENTENCE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fields.h"
#include "out.h"
#include "scheme.h"
#include "tag.h"
#include "typemap.h"

#define MAX_LEVELS 16

struct ref {
	size_t	 off, len;
};

struct stok {
	struct ref text;
	uint64_t gline, pline;	/* source lines of the gold and pred tags */
	size_t	 index;		/* in the sentence, from 0 */
};

/*
 * A sentence keeps an entry per token, except that a run of tokens tagged
 * outside on every side and level shares one entry (sentence_add_outside).
 * Decoding the entries gives the spans of the tokens.  The outside tag
 * never opens or continues a chunk, so one outside tag after a chunk acts
 * like several.  A scheme's rules look only at the tags next to an entity.
 * A span covers no such run, so its entries are consecutive tokens.
 */
struct sentence {
	char	*arena;
	size_t	 used, cap;
	size_t	 fixed;		/* arena bytes kept for every sentence */
	struct stok *tok;
	size_t	 n, tokcap;	/* entries */
	size_t	 ntok;		/* tokens */
	bool	 run;		/* the last entry is a run of outside tokens */
	size_t	 nruns;		/* entries that are such runs */
	struct ref *tag;	/* per token: gold levels, then pred levels */
	size_t	 tagcap;
	size_t	 ngold, npred;
	uint64_t correct;	/* tokens, first gold tag equal to first pred */
};

/* How tags become spans, and the counts of what happened on the way. */
struct decoder {
	enum scheme scheme;
	enum repair repair;
	bool	 check;		/* report invalid entities instead of spans */
	bool	 hint_columns;	/* the tags come from the default columns */
	bool	 clean_text;	/* no token or tag contains a TAB, CR or LF,
				   so spans are written without out_clean() */
	const char *outside;
	size_t	 outlen;
	struct typemap *map;
	const char *gold_file, *pred_file;
	/*
	 * Per side, the bytes of a span record between its type and its line
	 * number: TAB, level, TAB, file name, ':'.  They are made again when
	 * the level or the file name changes.
	 */
	char	*middle[2];
	size_t	 middlelen[2], middlecap[2];
	size_t	 middle_level[2];
	const char *middle_file[2];
	uint64_t doc, sent;
	/*
	 * doc, TAB, sent, TAB: how span records begin, followed by the side
	 * and a TAB that decoder_side_begin() sets.
	 */
	char	 unit[48];
	size_t	 unitlen, doclen;
	uint64_t unit_doc, unit_sent;	/* the numbers written in unit */
	uint64_t repairs[2];	/* invalid entities: gold, pred */
	uint64_t problems;	/* lines the check reported */
	bool	 consistent[2][MAX_LEVELS][NSCHEME];
	bool	 seen[2][MAX_LEVELS];
	struct tag *tags;
	size_t	 tagcap;
	struct spans spans;
};

void	sentence_init(struct sentence *s, size_t ngold, size_t npred);
void	sentence_free(struct sentence *s);
void	sentence_grow(struct sentence *s);
void	sentence_grow_arena(struct sentence *s, size_t len);
struct ref sentence_keep_fixed(struct sentence *s, const char *p, size_t len);

/*
 * Copy p[0..len) into the arena and return its offset there.  nerspan keeps
 * each token line whole, with one copy, and refers to its fields by offset.
 */
static inline size_t
sentence_keep(struct sentence *s, const char *p, size_t len)
{
	size_t off = s->used;

	if (len == 0)
		return off;
	if (len > s->cap - s->used)
		sentence_grow_arena(s, len);
	copy_bytes(s->arena + off, p, len);
	s->used += len;
	return off;
}

/* Empty the sentence, keeping the bytes of sentence_keep_fixed(). */
static inline void
sentence_clear(struct sentence *s)
{
	s->n = 0;
	s->ntok = 0;
	s->run = false;
	s->nruns = 0;
	s->used = s->fixed;
	s->correct = 0;
}

/*
 * Append a token whose text is at text in the arena (see sentence_keep)
 * and return the index of its entry; its tags are set one by one.  Inline
 * with the next function, because nerspan calls both for every token.
 */
static inline size_t
sentence_add(struct sentence *s, struct ref text, uint64_t gline,
    uint64_t pline)
{
	if (s->n == s->tokcap)
		sentence_grow(s);
	s->tok[s->n].text = text;
	s->tok[s->n].gline = gline;
	s->tok[s->n].pline = pline;
	s->tok[s->n].index = s->ntok++;
	s->run = false;
	return s->n++;
}

/* Set tag slot (gold levels first, then pred levels) of entry tok. */
static inline void
sentence_tag(struct sentence *s, size_t tok, size_t slot, struct ref r)
{
	s->tag[tok * (s->ngold + s->npred) + slot] = r;
}

/*
 * Compare two short byte strings.  Tags are a few bytes long, and most
 * differ in length or in their first byte, so those are tested before
 * calling memcmp().
 */
static inline bool
same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen || (alen > 0 && a[0] != b[0]))
		return false;
	return alen <= 1 || memcmp(a + 1, b + 1, alen - 1) == 0;
}

/*
 * Count token tok as correct when its first gold and first predicted tags
 * are equal.  Call it once its tags are set.  Inline, because nerspan
 * calls it for every token line.
 */
static inline void
sentence_note_correct(struct sentence *s, size_t tok)
{
	const struct ref *g = &s->tag[tok * (s->ngold + s->npred)];
	const struct ref *p = g + s->ngold;

	if (same_bytes(s->arena + g->off, g->len, s->arena + p->off, p->len))
		s->correct++;
}

/*
 * Append count tokens tagged outside (the bytes at outside) on every side
 * and level, the first from line first.  They join the entry of the run
 * of such tokens before them, and their text is not kept, because a span
 * never shows it.
 */
static inline void
sentence_add_outside(struct sentence *s, struct ref outside, uint64_t first,
    uint64_t count)
{
	size_t tok, slot;

	s->correct += count;
	if (!s->run) {
		tok = sentence_add(s, (struct ref){ 0, 0 }, first, first);
		for (slot = 0; slot < s->ngold + s->npred; slot++)
			sentence_tag(s, tok, slot, outside);
		s->run = true;
		s->nruns++;
		count--;
	}
	s->ntok += count;
}

void	decoder_init(struct decoder *d);
void	decoder_free(struct decoder *d);
void	decoder_next_unit(struct decoder *d);
void	decoder_side_begin(struct decoder *d, int side, size_t level);
size_t	decoder_head_max(const struct decoder *d, int side, size_t typelen);
char	*decoder_put_head(const struct decoder *d, char *p, int side,
	    uint64_t start, uint64_t end, const char *type, size_t typelen,
	    bool plain, uint64_t line);
void	decode_sentence(struct decoder *d, struct sentence *s);
void	decoder_report(const struct decoder *d, size_t ngold, size_t npred);

#endif
