/*
 * fuzz-split: compare the field splitter of common/fields.c, which looks
 * at 16 or 8 bytes per step, with a plain loop over the bytes.
 *
 * Input: byte 0 picks the rule (DELIM_TAB, DELIM_CHAR, DELIM_PERL,
 * DELIM_SPACE, or fields_split_line(), which stops at the first newline),
 * byte 1 is the delimiter of DELIM_CHAR and DELIM_PERL, and the rest is
 * the line.  The line is copied into a block of its own length, so that
 * AddressSanitizer reports any read outside it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

enum rule { RULE_TAB, RULE_CHAR, RULE_PERL, RULE_SPACE, RULE_LINE, NRULE };

static void
check(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz-split: %s\n", what);
		abort();
	}
}

/* Each ch ends a field; with perl, trailing empty fields are dropped. */
static size_t
ref_split_on(struct field *f, const char *p, size_t len, char ch, bool perl)
{
	size_t i, n = 0, start = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == ch) {
			f[n].p = p + start;
			f[n++].len = i - start;
			start = i + 1;
		}
	}
	f[n].p = p + start;
	f[n++].len = len - start;
	while (perl && n > 0 && f[n - 1].len == 0)
		n--;
	return n;
}

/* Runs of spaces and TABs separate fields; empty fields are dropped. */
static size_t
ref_split_blanks(struct field *f, const char *p, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == ' ' || p[i] == '\t')
			continue;
		f[n].p = p + i;
		while (i < len && p[i] != ' ' && p[i] != '\t')
			i++;
		f[n].len = (size_t)(p + i - f[n].p);
		n++;
	}
	return n;
}

static void
compare(const struct fields *fs, const struct field *want, size_t n)
{
	size_t i;

	check(fs->n == n, "a different number of fields");
	for (i = 0; i < n; i++) {
		check(fs->f[i].p == want[i].p, "a field starts elsewhere");
		check(fs->f[i].len == want[i].len,
		    "a field has another length");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Kept from run to run, so that its growth is exercised too. */
	static struct fields fs;
	struct field *want;
	enum rule rule;
	const char *nl;
	char *p, ch;
	size_t len, n = 0, linelen = 0;
	bool found;

	if (size < 2)
		return 0;
	rule = (enum rule)(data[0] % NRULE);
	ch = (char)data[1];
	len = size - 2;
	p = malloc(len > 0 ? len : 1);
	want = malloc((len + 1) * sizeof *want);
	check(p != NULL && want != NULL, "out of memory");
	if (len > 0)
		memcpy(p, data + 2, len);
	switch (rule) {
	case RULE_TAB:
		n = ref_split_on(want, p, len, '\t', false);
		check(fields_split(&fs, p, len, DELIM_TAB, 0) == n,
		    "the count returned is not the count stored");
		break;
	case RULE_CHAR:
	case RULE_PERL:
		n = ref_split_on(want, p, len, ch, rule == RULE_PERL);
		check(fields_split(&fs, p, len, rule == RULE_PERL ? DELIM_PERL :
		    DELIM_CHAR, ch) == n,
		    "the count returned is not the count stored");
		break;
	case RULE_SPACE:
		n = ref_split_blanks(want, p, len);
		check(fields_split(&fs, p, len, DELIM_SPACE, 0) == n,
		    "the count returned is not the count stored");
		break;
	case RULE_LINE:
	case NRULE:
		nl = len > 0 ? memchr(p, '\n', len) : NULL;
		found = fields_split_line(&fs, p, len, &linelen);
		check(found == (nl != NULL), "a newline found or missed");
		if (!found) {
			/* Then the fields in fs mean nothing. */
			fs.n = 0;
			break;
		}
		check(linelen == (size_t)(nl - p), "the line ends elsewhere");
		n = ref_split_on(want, p, linelen, '\t', false);
		break;
	}
	compare(&fs, want, n);
	free(want);
	free(p);
	return 0;
}
