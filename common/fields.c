/* fields: split a line into fields by the rule of its file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fields.h"
#include "swar.h"

/*
 * The splitting loops look at 8 bytes at a time (swar.h): a line of
 * nertools input has a few short fields, so testing the bytes one by one
 * spends most of its time on branches.  Each word gives a mask with the
 * high bit set in every byte that is a delimiter.
 */

/* Make room for need fields; kept apart so that the loops stay small. */
static void
grow(struct fields *fs, size_t need)
{
	while (fs->cap < need)
		fs->cap = fs->cap ? fs->cap * 2 : 16;
	fs->f = xrealloc(fs->f, fs->cap * sizeof *fs->f);
}

static inline struct field *
reserve(struct fields *fs, size_t need)
{
	if (need > fs->cap)
		grow(fs, need);
	return fs->f;
}

/*
 * Store a field in f[*n] for each delimiter marked in m, the mask of the
 * word at offset i; *start is where the current field began.  Empty fields
 * are stored only when keep_empty is set.  f has room for 8 more fields.
 */
static inline void
mark_fields(struct field *f, size_t *n, const char *p, size_t i, uint64_t m,
    size_t *start, int keep_empty)
{
	size_t at;

	for (; m != 0; m &= m - 1) {
		at = i + first_byte(m);
		if (keep_empty || at > *start) {
			f[*n].p = p + *start;
			f[*n].len = at - *start;
			(*n)++;
		}
		*start = at + 1;
	}
}

/* Each occurrence of ch ends a field; empty fields are kept. */
static void
split_on(struct fields *fs, const char *p, size_t len, char ch)
{
	const unsigned char c = (unsigned char)ch;
	struct field *f;
	size_t i, n = 0, start = 0;

	for (i = 0; len - i >= 8; i += 8) {
		f = reserve(fs, n + 8);
		mark_fields(f, &n, p, i, bytes_eq(load8((const unsigned char *)
		    p + i), c), &start, 1);
	}
	f = reserve(fs, n + 9);
	/* The zeros above the tail match a NUL delimiter: mask them off. */
	if (i < len)
		mark_fields(f, &n, p, i, bytes_eq(load_tail(p, len - i, len),
		    c) & (~(uint64_t)0 >> (64 - 8 * (len - i))), &start, 1);
	f[n].p = p + start;
	f[n].len = len - start;
	fs->n = n + 1;
}

/* Runs of spaces and TABs separate fields; empty fields are dropped. */
static void
split_blanks(struct fields *fs, const char *p, size_t len)
{
	struct field *f;
	uint64_t w;
	size_t i, n = 0, start = 0;

	for (i = 0; len - i >= 8; i += 8) {
		f = reserve(fs, n + 8);
		w = load8((const unsigned char *)p + i);
		mark_fields(f, &n, p, i, bytes_blank(w), &start, 0);
	}
	f = reserve(fs, n + 9);
	if (i < len) {
		w = load_tail(p, len - i, len);
		mark_fields(f, &n, p, i, bytes_blank(w), &start, 0);
	}
	if (len > start) {
		f[n].p = p + start;
		f[n].len = len - start;
		n++;
	}
	fs->n = n;
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
