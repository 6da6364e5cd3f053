/* conll: read CoNLL column files line by line, classified. */
#ifndef NERTOOLS_CONLL_H
#define NERTOOLS_CONLL_H

#include <stdbool.h>
#include <stdint.h>

#include "fields.h"
#include "lines.h"

enum conll_line {
	CONLL_EOF,
	CONLL_TOKEN,		/* a token line; fields in f->fs */
	CONLL_BREAK,		/* the end of a sentence */
	CONLL_DOCSTART		/* a -DOCSTART- line; fields in f->fs */
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
};

struct conll_file {
	struct lines in;
	struct fields fs;
	enum delim delim;	/* fixed by the first non-blank line */
	size_t	 nfields;	/* of the first non-blank line, 0 before */
	uint64_t first_line;
	bool	 in_sentence;	/* a token since the last break */
	bool	 skip_comments;	/* set from the options by conll_open() */
};

int	conll_open(struct conll_file *f, const char *path,
	    const struct conll_opts *o);
void	conll_close(struct conll_file *f);
enum conll_line conll_next(struct conll_file *f, const struct conll_opts *o);
size_t	conll_column(const struct conll_file *f, long col, const char *what);
bool	field_is(const struct field *f, const char *word);

#endif
