/*
 * conllread: read a CoNLL file with common/conll as nerspan does and do
 * nothing else, so that its time is that of reading, splitting and
 * checking the lines, a lower bound of nerspan's.  Like nerspan, it lets
 * the reader skip splitting the lines tagged O on both sides.  Prints the
 * number of lines of each kind that conll_next() returned.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "conll.h"
#include "err.h"

int
main(int argc, char **argv)
{
	struct conll_opts o = { .delim = DELIM_AUTO, .outside = "O",
	    .outlen = 1 };
	struct conll_file f;
	unsigned long long n[5] = { 0 };
	enum conll_line k;

	err_init(argv[0]);
	if (argc != 2) {
		fputs("usage: conllread file\n", stderr);
		return 2;
	}
	if (conll_open(&f, argv[1], &o) != 0)
		die(EXIT_DATA, "%s: %s", argv[1], strerror(errno));
	while ((k = conll_next(&f, &o)) != CONLL_EOF)
		n[k] += k == CONLL_OUTSIDE ? f.run : 1;
	conll_close(&f);
	printf("%llu tokens, %llu breaks, %llu -DOCSTART- lines\n",
	    n[CONLL_TOKEN] + n[CONLL_OUTSIDE], n[CONLL_BREAK],
	    n[CONLL_DOCSTART]);
	return 0;
}
