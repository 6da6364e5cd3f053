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
#include "swar.h"

struct out_buffer out_buffer;

const char digit_pairs[201] =
    "0001020304050607080910111213141516171819"
    "2021222324252627282930313233343536373839"
    "4041424344454647484950515253545556575859"
    "6061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

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
			out_buffer.used = 0;
			die(EXIT_DATA, "write error: %s", strerror(errno));
		}
		p += n;
		len -= (size_t)n;
	}
}

void
out_flush(void)
{
	size_t n = out_buffer.used;

	out_buffer.used = 0;
	write_all(out_buffer.buf, n);
}

/*
 * The slow path of out_write(): the bytes do not fit in the buffer.  They
 * fill it to its end before it is written, so every write but the last
 * is OUT_SIZE bytes, wherever the fields fall: a program that stops on an
 * error leaves the same bytes however its records are written.
 */
void
out_write_big(const void *p, size_t len)
{
	const char *from = p;
	size_t n;

	while (len > 0) {
		n = OUT_SIZE - out_buffer.used;
		if (n > len)
			n = len;
		memcpy(out_buffer.buf + out_buffer.used, from, n);
		out_buffer.used += n;
		from += n;
		len -= n;
		if (out_buffer.used == OUT_SIZE)
			out_flush();
	}
}

void
out_str(const char *s)
{
	out_write(s, strlen(s));
}

/* The number of decimal digits of v; 0 has one. */
static inline size_t
decimal_digits(uint64_t v)
{
	/* powers[n] is 10^n, except that 0 is 0: one digit as 1 to 9 have. */
	static const uint64_t powers[] = { 0, 10, 100, 1000, 10000, 100000,
	    1000000, 10000000, 100000000, 1000000000, 10000000000ULL,
	    100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	    100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	    100000000000000000ULL, 1000000000000000000ULL,
	    10000000000000000000ULL };
	/* log10(2) is about 1233 / 4096: a first guess from the bit length. */
	size_t n = ((last_bit(v | 1) + 1) * 1233) >> 12;

	return n + (v >= powers[n]);
}

/*
 * Write v in decimal into the bytes before end, as many as it has digits.
 * Two digits at a time, with 32-bit division once v fits: the programs
 * write several numbers per record.
 */
static inline void
put_digits(char *end, uint64_t v)
{
	const char *pairs = digit_pairs;
	char *p = end;
	uint32_t w;

	while (v > UINT32_MAX) {
		p -= 2;
		memcpy(p, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	for (w = (uint32_t)v; w >= 100; w /= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (w % 100), 2);
	}
	if (w >= 10)
		memcpy(p - 2, pairs + 2 * w, 2);
	else
		p[-1] = (char)('0' + w);
}

/*
 * Return the 8 decimal digits of v < 10^8, leading zeros included, as the
 * bytes of a little-endian word, the first digit lowest.  Each step splits
 * every number in the word at once, into halves of 4 digits, then pairs,
 * then digits.  x * 5243 >> 19 equals x / 100 below 43,699, and
 * x * 103 >> 10 equals x / 10 below 179.
 */
static inline uint64_t
eight_digits(uint32_t v)
{
	uint64_t x = v / 10000 | (uint64_t)(v % 10000) << 32, q;

	q = (x * 5243 >> 19) & 0x0000007f0000007fULL;
	x = q | (x - 100 * q) << 16;
	q = (x * 103 >> 10) & 0x000f000f000f000fULL;
	x = q | (x - 10 * q) << 8;
	return x + 0x3030303030303030ULL;
}

/* Store w at d, lowest byte first.  gcc and clang merge this into one store. */
static inline void
store8(char *d, uint64_t w)
{
	d[0] = (char)w;
	d[1] = (char)(w >> 8);
	d[2] = (char)(w >> 16);
	d[3] = (char)(w >> 24);
	d[4] = (char)(w >> 32);
	d[5] = (char)(w >> 40);
	d[6] = (char)(w >> 48);
	d[7] = (char)(w >> 56);
}

/*
 * Write v in decimal to dst, which has room for 20 bytes, and return the
 * length.  It may store bytes past the number, within the 20.
 */
size_t
fmt_u64(char *dst, uint64_t v)
{
	size_t n = decimal_digits(v);

	if (v < 100000000) {
		store8(dst, eight_digits((uint32_t)v) >> 8 * (8 - n));
		return n;
	}
	put_digits(dst + n, v);
	return n;
}

/* out_u64() for any v. */
void
out_u64_long(uint64_t v)
{
	size_t n = decimal_digits(v);
	char digits[20];

	if (OUT_SIZE - out_buffer.used < n) {
		put_digits(digits + n, v);
		out_write_big(digits, n);
		return;
	}
	out_buffer.used += n;
	put_digits(out_buffer.buf + out_buffer.used, v);
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

/*
 * Format v with digits decimals into buf of the given size, and return
 * the length, or -1 when buf is too small.  A negative value that rounds
 * to zero is written as 0 (+0 when sign is set), not as -0.
 */
int
fixed_text(char *buf, size_t size, double v, int digits, bool sign)
{
	int n = snprintf(buf, size, sign ? "%+.*f" : "%.*f", digits, v);

	if (n < 0 || (size_t)n >= size)
		return -1;
	if (buf[0] == '-' && strspn(buf + 1, "0.") == (size_t)n - 1) {
		if (sign) {
			buf[0] = '+';
		} else {
			memmove(buf, buf + 1, (size_t)n);
			n--;
		}
	}
	return n;
}

/* Programs never call setlocale(), so "%f" always writes a decimal point. */
void
out_fixed(double v, int digits)
{
	char buf[64];
	int n = fixed_text(buf, sizeof buf, v, digits, false);

	if (n < 0)
		out_printf("%.*f", digits, v);
	else
		out_write(buf, (size_t)n);
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

/*
 * Return room for len bytes outside the buffer, for a record that
 * out_begin() found too long for the room left.  The room lasts until the
 * next call.
 */
char *
out_spare(size_t len)
{
	static char *spare;
	static size_t cap;

	if (len > cap) {
		cap = len;
		spare = xrealloc(spare, cap);
	}
	return spare;
}

/*
 * Write the record of len bytes at p, len > 0, that out_begin() put in the
 * spare room.  The last byte goes through out_char(), as the record's
 * newline did when records were written field by field.  So a record that
 * ends exactly at the end of the buffer leaves it unwritten until the
 * next write, and a fatal error right after leaves the same output as
 * before.
 */
void
out_end_spare(const char *p, size_t len)
{
	out_write(p, len - 1);
	out_char(p[len - 1]);
}

/* Drop what is buffered: used on a fatal error, so no partial tail appears. */
void
out_abandon(void)
{
	out_buffer.used = 0;
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

/*
 * Start text that out_wrap_since() will wrap: flush what is buffered and
 * return where the text begins.
 */
size_t
out_mark(void)
{
	out_flush();
	return out_buffer.used;
}

/* Write the words of line[0..len) in lines of at most width bytes. */
static void
wrap_line(const char *line, size_t len, size_t width)
{
	size_t col = 0, i = 0, start;

	while (i < len) {
		while (i < len && line[i] == ' ')
			i++;
		start = i;
		while (i < len && line[i] != ' ')
			i++;
		if (i == start)
			break;
		if (col > 0 && col + 1 + (i - start) > width) {
			out_str("\n  ");
			col = 2;
		} else if (col > 0) {
			out_char(' ');
			col++;
		}
		out_write(line + start, i - start);
		col += i - start;
	}
	out_nl();
}

/*
 * Wrap the text written since mark at spaces, each line at most width
 * bytes with continuation lines indented by two.  The text must fit the
 * buffer, so that nothing was flushed since the mark; longer text stays
 * as written.
 */
void
out_wrap_since(size_t mark, size_t width)
{
	size_t len, from = 0, i;
	char *text;

	if (out_buffer.used < mark)
		return;
	len = out_buffer.used - mark;
	text = xmalloc(len);
	memcpy(text, out_buffer.buf + mark, len);
	out_buffer.used = mark;
	for (i = 0; i < len; i++) {
		if (text[i] != '\n')
			continue;
		wrap_line(text + from, i - from, width);
		from = i + 1;
	}
	if (from < len)
		out_write(text + from, len - from);
	free(text);
}
