/*
 * linebits: bitmaps of the CoNLL reader's buffer for the fast paths of
 * conllfast.c, bit i of word i / 64 for byte i.  There are four:
 *   nl    the newlines;
 *   stop  the bytes below '!' and the first separator;
 *   tail  the newlines after separator, outside tag, the same separator,
 *         outside tag;
 *   mark  the bytes '-' and, when comments are skipped, '#'.
 * They are valid for the bytes before offset end, a multiple of 64, until
 * the reader reads again (fills), because the bytes not yet taken do not
 * change in between.  The bytes taken may: the full path stores a NUL
 * over the newline of each line it takes.
 */
#ifndef NERTOOLS_LINEBITS_H
#define NERTOOLS_LINEBITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lines.h"

struct line_bits {
	uint64_t *nl, *stop, *tail, *mark;
	size_t	 words;		/* allocated */
	size_t	 end;
	uint64_t fills;
	unsigned char sep[2];	/* the separators of a tail */
	unsigned char out;	/* the outside tag of a tail; 0 when the
				   tails and marks are not wanted */
	bool	 hash;		/* '#' at a line start is a mark */
};

/* The instructions that build the bitmaps, for tests. */
enum bits_way {
	BITS_BEST,		/* the widest this processor has */
	BITS_NARROW,		/* 16 bytes at a time (SSE2 or portable) */
	BITS_WIDE		/* 64 bytes at a time (AVX-512BW) */
};

void	line_bits_set(struct line_bits *b, const unsigned char sep[2],
	    unsigned char out, bool hash);
void	line_bits_update(struct line_bits *b, const struct lines *r);
bool	line_bits_fill(struct line_bits *b, const char *buf, size_t k,
	    size_t end, enum bits_way way);
void	line_bits_free(struct line_bits *b);

#endif
