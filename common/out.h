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

static inline void
out_write(const void *p, size_t len)
{
	if (len > OUT_SIZE - out_buffer.used) {
		out_write_big(p, len);
		return;
	}
	if (len <= 16)
		copy_short(out_buffer.buf + out_buffer.used, p, len);
	else
		memcpy(out_buffer.buf + out_buffer.used, p, len);
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
 * Unchecked writes for a record whose length has a known bound.  A writer
 * requests room for the bound once with out_room(), stores the bytes with
 * the put_ functions, and passes the end to out_advance().  When
 * out_room() returns NULL, the writer falls back to the checked calls
 * above.  They fill the buffer to its end before a flush, so the bytes and
 * the points where they are written are the same on both paths.
 */

/* The maximum length that put_u64() stores: the 20 digits of UINT64_MAX. */
#define OUT_U64_MAX 20

/* Return where len bytes can be put, or NULL when fewer are free. */
static inline char *
out_room(size_t len)
{
	if (len > OUT_SIZE - out_buffer.used)
		return NULL;
	return out_buffer.buf + out_buffer.used;
}

/* Take the bytes put from out_room()'s pointer up to end as written. */
static inline void
out_advance(const char *end)
{
	out_buffer.used = (size_t)(end - out_buffer.buf);
}

/*
 * Store n bytes at d and return their end.  Up to 64 bytes, the length
 * of a typical span record, go in 16-byte copies, the last one
 * overlapping the one before it.
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

static inline char *
put_char(char *d, char c)
{
	*d = c;
	return d + 1;
}

/* Store v in decimal, inline below 100 as out_u64() does. */
static inline char *
put_u64(char *d, uint64_t v)
{
	if (v < 10) {
		d[0] = (char)('0' + v);
		return d + 1;
	}
	if (v < 100) {
		d[0] = (char)('0' + v / 10);
		d[1] = (char)('0' + v % 10);
		return d + 2;
	}
	return d + fmt_u64(d, v);
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
