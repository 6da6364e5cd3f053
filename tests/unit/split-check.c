/*
 * split-check: print the fields that common/fields.c finds in each line of
 * standard input, so that a test can compare them with awk's.
 *
 * usage: split-check tab|space|line|last
 *
 * For each line, prints the number of fields, then the length of each,
 * separated by spaces.  "tab" and "space" split each line, copied into a
 * block of its own length, with fields_split() and DELIM_TAB or
 * DELIM_SPACE.  "line" reads the whole input into a block of its own
 * length and takes its lines one by one with fields_split_line().  "last"
 * copies each line and its newline into a block of their length, so that
 * fields_split_line() finds every line at the end of its block.  An
 * AddressSanitizer build reports any read outside the block.  Input must
 * end with a newline.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

static void
print_fields(const struct fields *fs)
{
	size_t i;

	printf("%zu", fs->n);
	for (i = 0; i < fs->n; i++)
		printf(" %zu", fs->f[i].len);
	putchar('\n');
}

/* Read all of standard input into a block of exactly its size. */
static char *
read_all(size_t *size)
{
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap), *exact;

	if (buf == NULL)
		return NULL;
	while ((got = fread(buf + n, 1, cap - n, stdin)) > 0) {
		n += got;
		if (n == cap && (buf = realloc(buf, cap *= 2)) == NULL)
			return NULL;
	}
	exact = malloc(n > 0 ? n : 1);
	if (exact != NULL && n > 0)
		memcpy(exact, buf, n);
	free(buf);
	*size = n;
	return exact;
}

/*
 * Split each line of buf[0..size) by itself, in a copy of its length: with
 * fields_split() and d, or with fields_split_line() when last is set, and
 * then the copy contains the newline too.
 */
static int
split_each(const char *buf, size_t size, enum delim d, bool last)
{
	struct fields fs = { 0 };
	const char *p = buf, *end = buf + size, *nl;
	char *copy;
	size_t len, copylen, got;
	int status = 0;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		len = (size_t)(nl - p);
		copylen = last ? len + 1 : len;
		if ((copy = malloc(copylen > 0 ? copylen : 1)) == NULL)
			return 1;
		if (copylen > 0)
			memcpy(copy, p, copylen);
		if (!last)
			fields_split(&fs, copy, len, d, '\t');
		else if (!fields_split_line(&fs, copy, copylen, &got) ||
		    got != len) {
			fprintf(stderr, "split-check: a line of %zu bytes "
			    "read as %zu bytes\n", len, got);
			status = 1;
		}
		print_fields(&fs);
		free(copy);
		p = nl + 1;
	}
	fields_free(&fs);
	return status;
}

/* Take the lines of buf[0..size) with fields_split_line(). */
static int
split_lines(const char *buf, size_t size)
{
	struct fields fs = { 0 };
	size_t at = 0, len;

	while (at < size && fields_split_line(&fs, buf + at, size - at, &len)) {
		print_fields(&fs);
		at += len + 1;
	}
	fields_free(&fs);
	if (at != size) {
		fprintf(stderr, "split-check: no newline after offset %zu\n",
		    at);
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	size_t size;
	char *buf;
	int status;

	if (argc != 2 || (strcmp(argv[1], "tab") != 0 &&
	    strcmp(argv[1], "space") != 0 && strcmp(argv[1], "line") != 0 &&
	    strcmp(argv[1], "last") != 0)) {
		fputs("usage: split-check tab|space|line|last\n", stderr);
		return 2;
	}
	if ((buf = read_all(&size)) == NULL) {
		fputs("split-check: out of memory\n", stderr);
		return 1;
	}
	if (strcmp(argv[1], "line") == 0)
		status = split_lines(buf, size);
	else
		status = split_each(buf, size, strcmp(argv[1], "space") == 0 ?
		    DELIM_SPACE : DELIM_TAB, strcmp(argv[1], "last") == 0);
	free(buf);
	return status;
}
