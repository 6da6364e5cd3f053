/* conll: read CoNLL column files line by line, classified. */
#ifndef NERTOOLS_CONLL_H
#define NERTOOLS_CONLL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>
#include <string.h>

#include "bytes.h"
#include "fields.h"
#include "lines.h"
#include "swar.h"

enum conll_line {
	CONLL_EOF,
	CONLL_TOKEN,		/* a token line; fields in f->fs */
	CONLL_BREAK,		/* the end of a sentence */
	CONLL_DOCSTART,		/* a -DOCSTART- line; fields in f->fs */
	CONLL_OUTSIDE		/* a token line whose last two fields are the
				   outside tag of the options; not split, so
				   f->fs is not set */
};

struct conll_opts {
	enum delim delim;
	char	 delimch;
	bool	 skip_comments;	/* lines beginning with '#' are skipped */
	/*
	 * Read as conlleval.pl does: a carriage return and a byte-order mark
	 * stay part of the line, -DOCSTART- is an ordinary token, and a line
	 * is blank when splitting it leaves no field.
	 */
	bool	 conlleval;
	/*
	 * When set, a token line whose last two fields are this tag may be
	 * returned as CONLL_OUTSIDE, with its fields not split.
	 */
	const char *outside;
	size_t	 outlen;
};

struct conll_file {
	struct lines in;
	struct line line;	/* the current line; fs points into it */
	struct fields fs;
	enum delim delim;	/* fixed by the first non-blank line */
	size_t	 nfields;	/* of the first non-blank line, 0 before */
	uint64_t first_line;
	bool	 in_sentence;	/* a token since the last break */
	bool	 skip_comments;	/* set from the options by conll_open() */
	bool	 first_is_hash;	/* the first non-blank line began with '#' */
	bool	 fast;		/* CONLL_OUTSIDE may be returned */
	unsigned char sep[2];	/* the separators, once the delimiter is known */
	uint64_t tail3;		/* tag, 0, tag, newline: the bytes after the
				   token that conll_outside_len3() wants, the
				   0 standing for the separator; 0 when the
				   file does not fit that function */
};

int	conll_open(struct conll_file *f, const char *path,
	    const struct conll_opts *o);
void	conll_close(struct conll_file *f);
enum conll_line conll_next_slow(struct conll_file *f,
	    const struct conll_opts *o);
size_t	conll_outside_len(const struct conll_file *f,
	    const struct conll_opts *o);
noreturn void conll_no_column(const struct conll_file *f, long col,
	    const char *what);

/* Inline, so that the length of a literal word is known when compiling. */
static inline bool
field_is(const struct field *f, const char *word)
{
	return bytes_equal(f->p, f->len, word, strlen(word));
}

/*
 * Turn a column number (1 first, -1 last) into an index into the fields.
 * Inline, because nerspan calls it for every column of every token.
 */
static inline size_t
conll_column(const struct conll_file *f, long col, const char *what)
{
	long n = (long)f->fs.n;
	long idx = col > 0 ? col - 1 : n + col;

	if (idx < 0 || idx >= n)
		conll_no_column(f, col, what);
	return (size_t)idx;
}

/* Is c a field separator of the file?  f->sep is set by fast_init(). */
static inline bool
conll_is_sep(const struct conll_file *f, char c)
{
	return (unsigned char)c == f->sep[0] || (unsigned char)c == f->sep[1];
}

/* Does p[0..n) equal the outside tag?  Its first byte decides most. */
static inline bool
conll_is_outside(const char *p, const struct conll_opts *o)
{
	return p[0] == o->outside[0] &&
	    (o->outlen == 1 || memcmp(p + 1, o->outside + 1, o->outlen - 1) == 0);
}

/*
 * The offset of the first byte from p[i] on that may end a field: a byte
 * below '!' (blanks, CR, newline, NUL and other control bytes) or the
 * separator.  Returns room when fewer than 8 bytes are left to look at.
 */
static inline size_t
conll_field_end(const struct conll_file *f, const char *p, size_t i,
    size_t room)
{
	uint64_t w, m;

	for (; room - i >= 8; i += 8) {
		w = load8((const unsigned char *)p + i);
		m = bytes_below(w, '!');
		if (f->sep[0] >= '!')
			m |= bytes_eq(w, f->sep[0]);
		if (m != 0)
			return i + first_byte(m);
	}
	return room;
}

/*
 * conll_outside_len() for the commonest files: three columns and an
 * outside tag of one byte.  The line is token, separator, tag, the same
 * separator, tag, newline, where the token holds no separator and no byte
 * below '!'.  Inline, because it runs for nearly every line.
 */
static inline size_t
conll_outside_len3(const struct conll_file *f)
{
	const char *p = f->in.buf + f->in.start;
	size_t room = f->in.end - f->in.start;
	size_t k = conll_field_end(f, p, 0, room);

	if (k == 0 || room - k < 5 || p[0] == '-' ||
	    (p[0] == '#' && f->skip_comments) || !conll_is_sep(f, p[k]))
		return 0;
	if (load4((const unsigned char *)p + k + 1) !=
	    (f->tail3 | (uint64_t)(unsigned char)p[k] << 8))
		return 0;
	return k + 4;
}

/*
 * Read up to the next token, sentence break or -DOCSTART- line.  Inline,
 * so that a line of the fast path costs no call; conll_next_slow() reads
 * every other line.
 */
static inline enum conll_line
conll_next(struct conll_file *f, const struct conll_opts *o)
{
	size_t len;

	if (f->fast && (len = f->tail3 != 0 ? conll_outside_len3(f) :
	    conll_outside_len(f, o)) > 0) {
		lines_take(&f->in, &f->line, len);
		f->in_sentence = true;
		return CONLL_OUTSIDE;
	}
	return conll_next_slow(f, o);
}

#endif
