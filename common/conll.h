/* conll: read CoNLL column files line by line, classified. */
#ifndef NERTOOLS_CONLL_H
#define NERTOOLS_CONLL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>
#include <string.h>

#include "bytes.h"
#include "fields.h"
#include "linebits.h"
#include "lines.h"

enum conll_line {
	CONLL_EOF,
	CONLL_TOKEN,		/* a token line; fields in f->fs */
	CONLL_BREAK,		/* the end of a sentence */
	CONLL_DOCSTART,		/* a -DOCSTART- line; fields in f->fs */
	CONLL_OUTSIDE		/* f->run token lines, the last f->in.lineno,
				   whose last two fields are the outside tag
				   of the options; not split, so f->fs is not
				   set */
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
	bool	 slow;	/* read every line the full way, for tests */
};

struct conll_file {
	struct lines in;
	struct line line;	/* the current line; fs points into it */
	struct fields fs;
	enum delim delim;	/* fixed by the first non-blank line */
	size_t	 nfields;	/* of the first non-blank line, 0 before */
	uint64_t first_line;
	size_t	 min_fields;	/* of a token line: 2, or 1 for a file of
				   predicted tags alone */
	const char *fields_meaning;	/* what min_fields are, for errors */
	const char *fields_hint;	/* the fix, for errors */
	bool	 at_end;	/* no line is left */
	bool	 in_sentence;	/* a token since the last break */
	bool	 skip_comments;	/* set from the options by conll_open() */
	bool	 first_is_hash;	/* the first non-blank line began with '#' */
	bool	 first_is_docstart;	/* ... with the field -DOCSTART- */
	bool	 delim_guessed;	/* TAB or space was chosen by the first line */
	bool	 simple;	/* conll_simple_line() may take lines */
	bool	 fast;		/* CONLL_OUTSIDE may be returned */
	bool	 run_ended;	/* the next line is known not to be one of
				   an outside run */
	uint64_t run;		/* the lines of the last CONLL_OUTSIDE */
	unsigned char sep[2];	/* the separators, once the delimiter is set */
	uint32_t tail3;		/* tag, 0, tag, newline: the bytes after the
				   token that outside_run3() in conllfast.c
				   expects, 0 standing for the separator; 0
				   when the file does not fit that function */
	struct line_bits bits;
	bool	 odd_first[256];	/* bytes that make is_outside3() in
					   conllfast.c look closer at a line
					   that starts with one */
};

/* A token line of a sentence read whole (conll_sentence()). */
struct conll_tagged {
	struct field f[3];	/* token, gold tag, predicted tag */
	size_t	 index;		/* the token's place in the sentence, from 0 */
	uint64_t lineno;
};

/*
 * A sentence read whole: its token lines but those tagged outside on both
 * sides, which are only counted.  The fields point into the reader's
 * buffer, and last until conll_sentence_take().
 */
struct conll_sentence {
	struct conll_tagged *v;
	size_t	 n, cap;
	size_t	 ntok;		/* tokens, outside ones included */
	uint64_t lines;		/* lines, the blank line that ends it included */
	size_t	 blank;		/* offset of that blank line */
};

int	conll_open(struct conll_file *f, const char *path,
	    const struct conll_opts *o);
void	conll_close(struct conll_file *f);
bool	conll_sentence(struct conll_file *f, struct conll_sentence *s);
void	conll_sentence_take(struct conll_file *f,
	    const struct conll_sentence *s);
void	conll_sentence_free(struct conll_sentence *s);
enum conll_line conll_next(struct conll_file *f, const struct conll_opts *o);
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

#endif
