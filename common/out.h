/* out: buffered standard output with write errors detected. */
#ifndef NERTOOLS_OUT_H
#define NERTOOLS_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define OUT_SIZE (1 << 16)

/*
 * The buffer is visible so that the calls below can be inline: the
 * programs write a few bytes per call, millions of times, and a function
 * call would cost more than the copy.  Only out.c and these functions use
 * it.
 */
struct out_buffer {
	size_t	 used;
	char	 buf[OUT_SIZE];
};

extern struct out_buffer out_buffer;

/* The numbers 00 to 99 in two digits each: 2 * n is where n begins. */
extern const char digit_pairs[201];

void	out_write_big(const void *p, size_t len);
void	out_str(const char *s);
void	out_u64_long(uint64_t v);
void	out_i64(int64_t v);
int	fixed_text(char *buf, size_t size, double v, int digits, bool sign);
void	out_fixed(double v, int digits);
void	out_printf(const char *fmt, ...);
void	out_flush(void);
void	out_abandon(void);
int	out_finish(int status);
size_t	fmt_u64(char *dst, uint64_t v);
size_t	out_mark(void);
void	out_wrap_since(size_t mark, size_t width);
char	*out_spare(size_t len);
void	out_end_spare(const char *p, size_t len);

/*
 * Copy n bytes, at most 16, from s to d with two loads and two stores that
 * may overlap: a call of memcpy() costs more than the copy of a short
 * field.
 */
static inline void
copy_short(char *d, const char *s, size_t n)
{
	uint64_t a, b;
	uint32_t x, y;

	if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + n - 8, &b, 8);
	} else if (n >= 4) {
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		memcpy(d, &x, 4);
		memcpy(d + n - 4, &y, 4);
	} else if (n > 0) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
}

/*
 * Copy n bytes from s to d, where s may be NULL when n is 0.  Up to 32
 * bytes take two copies of 16 that may overlap, not a call of memcpy().
 */
static inline void
copy_bytes(char *d, const char *s, size_t n)
{
	char a[16], b[16];

	if (n <= 16) {
		copy_short(d, s, n);
	} else if (n <= 32) {
		memcpy(a, s, 16);
		memcpy(b, s + n - 16, 16);
		memcpy(d, a, 16);
		memcpy(d + n - 16, b, 16);
	} else {
		memcpy(d, s, n);
	}
}

static inline void
out_write(const void *p, size_t len)
{
	if (len > OUT_SIZE - out_buffer.used) {
		out_write_big(p, len);
		return;
	}
	copy_bytes(out_buffer.buf + out_buffer.used, p, len);
	out_buffer.used += len;
}

static inline void
out_char(char c)
{
	if (out_buffer.used == OUT_SIZE)
		out_flush();
	out_buffer.buf[out_buffer.used++] = c;
}

/*
 * Write v in decimal.  Inline for numbers below 100, which most token
 * offsets, levels and counts of a unit are; out_u64_long() does the rest.
 */
static inline void
out_u64(uint64_t v)
{
	char *p = out_buffer.buf + out_buffer.used;

	if (v >= 100 || OUT_SIZE - out_buffer.used < 2) {
		out_u64_long(v);
	} else if (v < 10) {
		p[0] = (char)('0' + v);
		out_buffer.used++;
	} else {
		p[0] = (char)('0' + v / 10);
		p[1] = (char)('0' + v % 10);
		out_buffer.used += 2;
	}
}

/*
 * Unchecked writes into a record begun with out_begin(): each stores its
 * bytes at d and returns their end.
 */

/*
 * The room that put_u64() needs: the 20 digits of UINT64_MAX.  It may
 * store bytes past a shorter number, within that room.
 */
#define OUT_U64_MAX 20

/*
 * Store n bytes.  Up to 64 bytes, the length of a typical record, go in
 * 16-byte copies, the last one overlapping the one before it.
 */
static inline char *
put_bytes(char *d, const void *s, size_t n)
{
	const char *from = s;
	size_t i;

	if (n <= 16) {
		copy_short(d, from, n);
	} else if (n <= 64) {
		for (i = 0; n - i > 16; i += 16)
			copy_short(d + i, from + i, 16);
		copy_short(d + n - 16, from + n - 16, 16);
	} else {
		memcpy(d, from, n);
	}
	return d + n;
}

/*
 * Store n bytes in whole copies of 16 and return d + n.  The copies read
 * and store up to 16 bytes past the ends of s and d, so both need that
 * much room.  In return, no branch depends on a length below 17 bytes.
 */
static inline char *
put_padded(char *d, const void *s, size_t n)
{
	const char *from = s;
	size_t i = 0;

	do {
		memcpy(d + i, from + i, 16);
		i += 16;
	} while (i < n);
	return d + n;
}

static inline char *
put_char(char *d, char c)
{
	*d = c;
	return d + 1;
}

/* Store v in decimal at d, which has OUT_U64_MAX bytes of room. */
static inline char *
put_u64(char *d, uint64_t v)
{
	if (v < 10) {
		d[0] = (char)('0' + v);
		return d + 1;
	}
	if (v < 100) {
		memcpy(d, digit_pairs + 2 * v, 2);
		return d + 2;
	}
	return d + fmt_u64(d, v);
}

/*
 * Start a record of at most max bytes, written with one room check: write
 * it at the pointer returned, then pass its length to out_end().  The
 * pointer is into the buffer when the record fits, else into a spare
 * buffer (out_spare()) that out_end() copies out.
 */
static inline char *
out_begin(size_t max)
{
	if (max <= OUT_SIZE - out_buffer.used)
		return out_buffer.buf + out_buffer.used;
	return out_spare(max);
}

/* End the record of len bytes, len > 0, begun at p by out_begin(). */
static inline void
out_end(const char *p, size_t len)
{
	if (p == out_buffer.buf + out_buffer.used)
		out_buffer.used += len;
	else
		out_end_spare(p, len);
}

static inline void
out_tab(void)
{
	out_char('\t');
}

static inline void
out_nl(void)
{
	out_char('\n');
}

#endif
