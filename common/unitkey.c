/*
 * unitkey: the order of document names.
 *
 * Names made of decimal digits only compare as numbers, so that the
 * documents 1, 2, ..., 10 that nerspan numbers come in order.  They come
 * before every other name, and other names compare as bytes (the C
 * locale).  Two digit names of equal value, such as 01 and 1, compare as
 * bytes.  Putting numbers first keeps the order total when both kinds of
 * name occur.
 */
#include <stdio.h>

#include "bytes.h"
#include "unitkey.h"

bool
name_is_number(const char *p, size_t len)
{
	size_t i;

	if (len == 0)
		return false;
	for (i = 0; i < len; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return true;
}

/* Compare two digit strings by value, however long they are. */
static int
number_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	while (alen > 1 && *a == '0') {
		a++;
		alen--;
	}
	while (blen > 1 && *b == '0') {
		b++;
		blen--;
	}
	if (alen != blen)
		return alen < blen ? -1 : 1;
	return bytes_cmp(a, alen, b, blen);
}

int
doc_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	bool anum = name_is_number(a, alen), bnum = name_is_number(b, blen);
	int c;

	if (anum != bnum)
		return anum ? -1 : 1;
	if (anum) {
		c = number_cmp(a, alen, b, blen);
		if (c != 0)
			return c;
	}
	return bytes_cmp(a, alen, b, blen);
}

/*
 * Return a sort(1) command that orders TAB-separated records by the
 * document in column doccol (numerically when numeric) and then by the
 * unit number in column sentcol, or by the document alone when sentcol
 * is 0.  Columns count from 1.  The text lives until the next call.
 */
const char *
sort_advice(int doccol, int sentcol, bool numeric)
{
	static char buf[128];
	int n;

	n = snprintf(buf, sizeof buf, "LC_ALL=C sort -s -t \"$(printf '\\t')\" "
	    "-k%d,%d%s", doccol, doccol, numeric ? "n" : "");
	if (sentcol > 0 && n > 0 && (size_t)n < sizeof buf)
		snprintf(buf + n, sizeof buf - (size_t)n, " -k%d,%dn",
		    sentcol, sentcol);
	return buf;
}
