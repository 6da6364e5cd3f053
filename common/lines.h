/* lines: a line reader over a file descriptor, with block reads and no per-line copy. */
#ifndef NERTOOLS_LINES_H
#define NERTOOLS_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct line {
	char	*p;		/* the bytes, without the newline, NUL-terminated */
	size_t	 len;
	bool	 newline;	/* false for a last line that lacks its newline */
};

struct lines {
	int	 fd;
	const char *name;	/* file name for messages; "-" reads as "<stdin>" */
	char	*buf;
	size_t	 cap;
	size_t	 start;		/* first unread byte */
	size_t	 end;		/* one past the last byte read */
	bool	 eof;
	uint64_t lineno;	/* number of the line last returned, from 1 */
};

int	lines_open(struct lines *r, const char *path);
void	lines_close(struct lines *r);
bool	lines_next(struct lines *r, struct line *out);
void	line_chomp_cr(struct line *l);

#endif
