/*
 * utf8: decode UTF-8 and measure text in terminal columns.
 *
 * Type names and entity texts come from user files, so they may hold
 * invalid UTF-8 or control characters.  Writers for terminals and for XML
 * replace both with U+FFFD, which keeps a terminal's state and an XML
 * parser safe and still shows where the odd byte was.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "err.h"
#include "out.h"
#include "utf8.h"

/*
 * Decode one character from p[0..len), len > 0.  Returns the number of
 * bytes used: a valid sequence's length, or 1 for an invalid byte, which
 * decodes as U+FFFD (overlong forms, surrogates and values past U+10FFFF
 * are invalid).
 */
size_t
utf8_decode(const char *p, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)p;
	uint32_t c = s[0], min;
	size_t n, i;

	*cp = UTF8_REPLACEMENT;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2, c &= 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, c &= 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, c &= 0x07, min = 0x10000;
	} else {
		return 1;
	}
	if (n > len)
		return 1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 1;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 1;
	*cp = c;
	return n;
}

/* Control characters and U+FFFE, U+FFFF: not for a terminal or XML. */
static bool
is_unprintable(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE ||
	    cp == 0xFFFF;
}

static bool
in_ranges(uint32_t cp, const uint32_t (*r)[2], size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cp >= r[i][0] && cp <= r[i][1])
			return true;
	return false;
}

/*
 * Return the columns cp takes in a monospace font: 0 for combining marks
 * and zero-width characters, 2 for the East Asian wide and fullwidth
 * blocks and emoji, 1 otherwise.  The ranges are a coarse summary of
 * Unicode's East Asian Width property (UAX #11), not the full table.
 */
int
utf8_char_width(uint32_t cp)
{
	static const uint32_t zero[][2] = {
		{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
		{ 0x0610, 0x061A }, { 0x064B, 0x065F }, { 0x1AB0, 0x1AFF },
		{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x20D0, 0x20FF },
		{ 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	};
	static const uint32_t wide[][2] = {
		{ 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0x33FF },
		{ 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF },
		{ 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE30, 0xFE4F },
		{ 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
		{ 0x1F900, 0x1F9FF }, { 0x20000, 0x3FFFD },
	};

	if (in_ranges(cp, zero, sizeof zero / sizeof zero[0]))
		return 0;
	if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

/* Return the columns p[0..len) takes once utf8_out_clean() has written it. */
size_t
utf8_width(const char *p, size_t len)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < len) {
		i += utf8_decode(p + i, len - i, &cp);
		w += is_unprintable(cp) ? 1 : (size_t)utf8_char_width(cp);
	}
	return w;
}

/* Return the bytes of the longest prefix of p that fits in columns. */
size_t
utf8_prefix(const char *p, size_t len, size_t columns)
{
	size_t i = 0, n, w = 0, cw;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(p + i, len - i, &cp);
		cw = is_unprintable(cp) ? 1 : (size_t)utf8_char_width(cp);
		if (w + cw > columns)
			break;
		w += cw;
		i += n;
	}
	return i;
}

static const char *
xml_entity(uint32_t cp)
{
	switch (cp) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&apos;";
	}
	return NULL;
}

/*
 * Write p[0..len) with invalid bytes and control characters as U+FFFD and,
 * when xml is true, the five XML special characters as entities.
 */
/*
 * Write an entity or a replacement character byte by byte: with
 * out_str(), gcc 12 with -flto warns that the copy of a long string
 * would read past these few bytes, on a path they never take.
 */
static void
write_short(const char *s)
{
	for (; *s != '\0'; s++)
		out_char(*s);
}

void
utf8_out_clean(const char *p, size_t len, bool xml)
{
	size_t i = 0, from = 0, n;
	const char *entity;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(p + i, len - i, &cp);
		entity = xml ? xml_entity(cp) : NULL;
		if (entity != NULL || cp == UTF8_REPLACEMENT ||
		    is_unprintable(cp)) {
			out_write(p + from, i - from);
			write_short(entity != NULL ? entity : "\xEF\xBF\xBD");
			from = i + n;
		}
		i += n;
	}
	out_write(p + from, len - from);
}

/*
 * Return a NUL-terminated copy of p[0..len) in which invalid UTF-8 and
 * control characters are U+FFFD, so a type name cannot drive a terminal.
 * The caller frees it.
 */
char *
utf8_clean_copy(const char *p, size_t len)
{
	char *out = xmalloc(3 * len + 1), *q = out;
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(p + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT || is_unprintable(cp)) {
			memcpy(q, "\xEF\xBF\xBD", 3);
			q += 3;
		} else {
			memcpy(q, p + i, n);
			q += n;
		}
		i += n;
	}
	*q = '\0';
	return out;
}
