/* lines: a line reader over a file descriptor, with block reads and no per-line copy. */
#ifndef NERTOOLS_LINES_H
#define NERTOOLS_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct line {
	char	*p;		/* the bytes, without the newline, NUL-terminated */
	size_t	 len;
	bool	 newline;	/* false for a last line that lacks its newline */
	bool	 nul;		/* the line contains a NUL byte */
};

struct lines {
	int	 fd;
	const char *name;	/* file name for messages; "-" reads as "<stdin>" */
	char	*buf;
	size_t	 cap;
	size_t	 start;		/* first unread byte */
	size_t	 end;		/* one past the last byte read */
	size_t	 nul;		/* first NUL from start on, or SIZE_MAX */
	bool	 eof;
	uint64_t lineno;	/* number of the line last returned, from 1 */
	uint64_t fills;		/* reads so far: offsets of unread bytes may
				   change with each */
};

void	lines_check_operands(char *const *paths, int n);
int	lines_open(struct lines *r, const char *path);
void	lines_close(struct lines *r);
bool	lines_next_slow(struct lines *r, struct line *out);
void	lines_next_nul(struct lines *r, struct line *out);

/*
 * Store the next line in *out.  Returns false at end of input.  The common
 * case, a whole line already in the buffer, is inline because it runs once
 * per line.  lines_next_slow() reads more input.
 */
static inline bool
lines_next(struct lines *r, struct line *out)
{
	char *p = r->buf + r->start;
	char *nl = memchr(p, '\n', r->end - r->start);

	if (nl == NULL)
		return lines_next_slow(r, out);
	out->p = p;
	out->len = (size_t)(nl - p);
	out->newline = true;
	out->nul = false;
	if (r->nul < r->start + out->len)
		lines_next_nul(r, out);
	*nl = '\0';
	r->start += out->len + 1;
	r->lineno++;
	return true;
}

/*
 * Take the next n lines, which the caller has found to end in a newline
 * and to contain no NUL.  The last of them, len bytes at offset last,
 * goes in *out as lines_next() stores it.
 */
static inline void
lines_skip(struct lines *r, struct line *out, size_t last, size_t len,
    uint64_t n)
{
	out->p = r->buf + last;
	out->len = len;
	out->newline = true;
	out->nul = false;
	out->p[len] = '\0';
	r->start = last + len + 1;
	r->lineno += n;
}

/* Strip one carriage return before the newline, so CRLF reads like LF. */
static inline void
line_chomp_cr(struct line *l)
{
	if (l->len > 0 && l->p[l->len - 1] == '\r')
		l->p[--l->len] = '\0';
}

#endif
