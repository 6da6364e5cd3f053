/*
 * lines: a line reader with block reads.  A returned line points into the
 * reader's buffer and stays valid until the next call.  Lines of any length
 * are read: the buffer doubles until a whole line fits.
 *
 * NUL bytes are looked for once per block read, not once per line, because
 * lines are short and a search per line costs as much as finding the line.
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
 * Stop with a usage error when the operands name standard input ("-")
 * more than once: the second read would find it empty.
 */
void
lines_check_operands(char *const *paths, int n)
{
	int i, dashes = 0;

	for (i = 0; i < n; i++)
		dashes += strcmp(paths[i], "-") == 0;
	if (dashes > 1)
		die(EXIT_USAGE, "standard input can be read only once, but "
		    "'-' is given %d times", dashes);
}

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
	r->nul = SIZE_MAX;
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

/* Return the offset of the first NUL byte from offset from on, or SIZE_MAX. */
static size_t
find_nul(const struct lines *r, size_t from)
{
	const char *p = memchr(r->buf + from, '\0', r->end - from);

	return p != NULL ? (size_t)(p - r->buf) : SIZE_MAX;
}

/* Read more bytes after moving the unread tail to the front; grow if full. */
static void
fill(struct lines *r)
{
	ssize_t n;
	size_t tail = r->end - r->start;

	r->fills++;
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, tail);
		if (r->nul != SIZE_MAX)
			r->nul -= r->start;
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
	if (r->nul == SIZE_MAX)
		r->nul = find_nul(r, r->end - (size_t)n);
}

/*
 * Mark the line at r->start, of out->len bytes, as holding a NUL byte, and
 * find the next NUL after it.
 */
void
lines_next_nul(struct lines *r, struct line *out)
{
	out->nul = true;
	r->nul = find_nul(r, r->start + out->len + out->newline);
}

/* lines_next() when the buffer holds no whole line: read more. */
bool
lines_next_slow(struct lines *r, struct line *out)
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
			out->newline = false;
			out->nul = false;
			if (r->nul < r->start + out->len)
				lines_next_nul(r, out);
			out->p[out->len] = '\0';
			r->start = r->end;
			r->lineno++;
			return true;
		}
		scanned = r->end - r->start;
		fill(r);
	}
	return lines_next(r, out);
}
