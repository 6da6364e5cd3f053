/* fields: split a line into fields by the rule of its file. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fields.h"

static void
push(struct fields *fs, const char *p, size_t len)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->f = xrealloc(fs->f, fs->cap * sizeof *fs->f);
	}
	fs->f[fs->n].p = p;
	fs->f[fs->n].len = len;
	fs->n++;
}

static void
split_on(struct fields *fs, const char *p, size_t len, char ch)
{
	const char *end = p + len;
	const char *q;

	for (;;) {
		q = memchr(p, ch, (size_t)(end - p));
		if (q == NULL) {
			push(fs, p, (size_t)(end - p));
			return;
		}
		push(fs, p, (size_t)(q - p));
		p = q + 1;
	}
}

static void
split_blanks(struct fields *fs, const char *p, size_t len)
{
	const char *end = p + len;
	const char *start;

	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end)
			return;
		start = p;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
		push(fs, start, (size_t)(p - start));
	}
}

/* Split p[0..len) into fs and return the number of fields. */
size_t
fields_split(struct fields *fs, const char *p, size_t len, enum delim d,
    char ch)
{
	fs->n = 0;
	switch (d) {
	case DELIM_TAB:
		split_on(fs, p, len, '\t');
		break;
	case DELIM_CHAR:
		split_on(fs, p, len, ch);
		break;
	case DELIM_PERL:
		split_on(fs, p, len, ch);
		while (fs->n > 0 && fs->f[fs->n - 1].len == 0)
			fs->n--;
		break;
	case DELIM_AUTO:
	case DELIM_SPACE:
		split_blanks(fs, p, len);
		break;
	}
	return fs->n;
}

void
fields_free(struct fields *fs)
{
	free(fs->f);
	memset(fs, 0, sizeof *fs);
}

/* Return 1 when the line holds nothing but spaces and TABs. */
int
line_is_blank(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != ' ' && p[i] != '\t')
			return 0;
	return 1;
}
