/* fields: split a line into fields by the rule of its file. */
#ifndef NERTOOLS_FIELDS_H
#define NERTOOLS_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

struct field {
	const char *p;
	size_t	 len;
};

enum delim {
	DELIM_AUTO,	/* TAB if the file's first non-blank line has one, else SPACE */
	DELIM_TAB,	/* each TAB ends a field; empty fields are kept */
	DELIM_SPACE,	/* runs of spaces and TABs; leading and trailing ones ignored */
	DELIM_CHAR,	/* each occurrence of one byte, as conlleval.pl splits */
	DELIM_PERL	/* like DELIM_CHAR, then trailing empty fields are dropped */
};

struct fields {
	struct field *f;
	size_t	 n;
	size_t	 cap;
};

size_t	fields_split(struct fields *fs, const char *p, size_t len,
	    enum delim d, char ch);
bool	fields_split_line(struct fields *fs, const char *p, size_t avail,
	    size_t *len);
void	fields_free(struct fields *fs);
int	line_is_blank(const char *p, size_t len);

#endif
