/*
 * lines: a line reader with block reads.  A returned line points into the
 * reader's buffer and stays valid until the next call.  Lines of any length
 * are read: the buffer doubles until a whole line fits.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "lines.h"

#define BLOCK (1 << 17)

/*
 * Open path for reading ("-" is standard input).  Returns 0, or -1 with
 * errno set; a directory fails with EISDIR.
 */
int
lines_open(struct lines *r, const char *path)
{
	struct stat st;

	memset(r, 0, sizeof *r);
	if (strcmp(path, "-") == 0) {
		r->fd = STDIN_FILENO;
		r->name = "<stdin>";
	} else {
		r->fd = open(path, O_RDONLY);
		r->name = path;
		if (r->fd < 0)
			return -1;
	}
	if (fstat(r->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (r->fd != STDIN_FILENO)
			close(r->fd);
		errno = EISDIR;
		return -1;
	}
	r->cap = BLOCK;
	r->buf = xmalloc(r->cap + 1);
	return 0;
}

void
lines_close(struct lines *r)
{
	if (r->fd != STDIN_FILENO && r->fd >= 0)
		close(r->fd);
	free(r->buf);
	r->buf = NULL;
	r->fd = -1;
}

/* Read more bytes after moving the unread tail to the front; grow if full. */
static void
fill(struct lines *r)
{
	ssize_t n;
	size_t tail = r->end - r->start;

	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, tail);
		r->start = 0;
		r->end = tail;
	}
	if (r->end == r->cap) {
		if (r->cap > SIZE_MAX / 2 - 1)
			die_nomem();
		r->cap *= 2;
		r->buf = xrealloc(r->buf, r->cap + 1);
	}
	for (;;) {
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
		if (n >= 0)
			break;
		if (errno != EINTR)
			die_at(r->name, 0, "read error: %s", strerror(errno));
	}
	if (n == 0)
		r->eof = true;
	r->end += (size_t)n;
}

/* Store the next line in *out.  Returns false at end of input. */
bool
lines_next(struct lines *r, struct line *out)
{
	char *nl;
	size_t scanned = 0;

	for (;;) {
		nl = memchr(r->buf + r->start + scanned, '\n',
		    r->end - r->start - scanned);
		if (nl != NULL)
			break;
		if (r->eof) {
			if (r->start == r->end)
				return false;
			out->p = r->buf + r->start;
			out->len = r->end - r->start;
			out->p[out->len] = '\0';
			out->newline = false;
			r->start = r->end;
			r->lineno++;
			return true;
		}
		scanned = r->end - r->start;
		fill(r);
	}
	out->p = r->buf + r->start;
	out->len = (size_t)(nl - out->p);
	*nl = '\0';
	out->newline = true;
	r->start += out->len + 1;
	r->lineno++;
	return true;
}

/* Strip one carriage return before the newline, so CRLF reads like LF. */
void
line_chomp_cr(struct line *l)
{
	if (l->len > 0 && l->p[l->len - 1] == '\r')
		l->p[--l->len] = '\0';
}
