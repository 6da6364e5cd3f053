/*
 * out: buffered standard output.  Every program writes through here so that
 * a failed write (a full disk, a closed pipe) is noticed once, in one place.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "out.h"

#define OUT_SIZE (1 << 16)

static char buf[OUT_SIZE];
static size_t used;

/*
 * A closed pipe ends the program quietly: with SIGPIPE at its default the
 * kernel stops the process before write() returns, and where a parent set
 * SIGPIPE to be ignored, EPIPE takes the same quiet exit.
 */
static void
write_all(const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(STDOUT_FILENO, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				_exit(EXIT_DATA);
			used = 0;
			die(EXIT_DATA, "write error: %s", strerror(errno));
		}
		p += n;
		len -= (size_t)n;
	}
}

void
out_flush(void)
{
	size_t n = used;

	used = 0;
	write_all(buf, n);
}

void
out_write(const void *p, size_t len)
{
	if (len == 0)
		return;
	if (len > OUT_SIZE - used) {
		out_flush();
		if (len >= OUT_SIZE) {
			write_all(p, len);
			return;
		}
	}
	memcpy(buf + used, p, len);
	used += len;
}

void
out_str(const char *s)
{
	out_write(s, strlen(s));
}

void
out_char(char c)
{
	if (used == OUT_SIZE)
		out_flush();
	buf[used++] = c;
}

void
out_tab(void)
{
	out_char('\t');
}

void
out_nl(void)
{
	out_char('\n');
}

void
out_u64(uint64_t v)
{
	char tmp[24];
	char *p = tmp + sizeof tmp;

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	out_write(p, (size_t)(tmp + sizeof tmp - p));
}

void
out_i64(int64_t v)
{
	if (v < 0) {
		out_char('-');
		out_u64(-(uint64_t)v);
	} else {
		out_u64((uint64_t)v);
	}
}

/* Programs never call setlocale(), so "%f" always writes a decimal point. */
void
out_fixed(double v, int digits)
{
	out_printf("%.*f", digits, v);
}

void
out_printf(const char *fmt, ...)
{
	char small[256];
	char *big;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		die(EXIT_DATA, "cannot format output");
	if ((size_t)n < sizeof small) {
		out_write(small, (size_t)n);
		return;
	}
	big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out_write(big, (size_t)n);
	free(big);
}

/* Drop what is buffered: used on a fatal error, so no partial tail appears. */
void
out_abandon(void)
{
	used = 0;
}

/*
 * Flush and close standard output and return the exit status: the given
 * one, or EXIT_DATA when the final write or close fails.
 */
int
out_finish(int status)
{
	out_flush();
	if (close(STDOUT_FILENO) != 0 && errno != EBADF) {
		warnx("write error: %s", strerror(errno));
		return EXIT_DATA;
	}
	return status;
}
