/*
 * fuzz-read: read the input with common/conll.c twice, once with its fast
 * paths (conllfast.c) and once with every line taken the full way.  Both
 * readings must give the same events: the same kinds at the same line
 * numbers, the same fields, and the same exit status when the input is
 * rejected.  A run of lines tagged outside (CONLL_OUTSIDE) counts
 * as that many token lines whose last two fields are the outside tag.
 *
 * Input: byte 0 picks the options (bits 0-1 the delimiter, bit 2
 * --skip-comments, bit 3 the outside tag "OUT" instead of "O", bit 4 a
 * file of tags alone, bit 5 reading sentences whole between sentences,
 * as nerspan does, in the fast reading); the rest is the file.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conll.h"
#include "fuzz.h"

#define MAXEVENTS 100000

/* One event, with the fields of a token line reduced to a hash. */
struct event {
	enum conll_line kind;
	uint64_t lineno;
	size_t	 nfields;
	uint64_t hash;
};

struct reading {
	const char *path;
	struct conll_opts opts;
	bool	 tags_only;
	bool	 whole;
	struct event ev[MAXEVENTS];
	size_t	 n;
};

static struct reading fast, slow;

static void
check(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz-read: %s\n", what);
		abort();
	}
}

static void
add(struct reading *r, enum conll_line kind, uint64_t lineno, size_t nfields,
    uint64_t hash)
{
	if (r->n < MAXEVENTS)
		r->ev[r->n++] = (struct event){ kind, lineno, nfields, hash };
}

/* FNV-1a over the fields, each ended by a byte no field contains here. */
static uint64_t
hash_fields(const struct fields *fs)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i, j;

	for (i = 0; i < fs->n; i++) {
		for (j = 0; j < fs->f[i].len; j++)
			h = (h ^ (unsigned char)fs->f[i].p[j]) * 1099511628211ULL;
		h = (h ^ 0x100) * 1099511628211ULL;
	}
	return h;
}

/* Tell whether the last two fields are the outside tag of the options. */
static bool
ends_outside(const struct fields *fs, const struct conll_opts *o)
{
	size_t i;

	if (fs->n < 2)
		return false;
	for (i = fs->n - 2; i < fs->n; i++)
		if (fs->f[i].len != o->outlen ||
		    memcmp(fs->f[i].p, o->outside, o->outlen) != 0)
			return false;
	return true;
}

static void
add_token(struct reading *r, const struct conll_file *f)
{
	if (ends_outside(&f->fs, &r->opts))
		add(r, CONLL_OUTSIDE, f->in.lineno, f->nfields, 0);
	else
		add(r, CONLL_TOKEN, f->in.lineno, f->fs.n, hash_fields(&f->fs));
}

/*
 * Read the sentence at the next line whole (conll_sentence()) and add its
 * events: a token line for each line it kept, an outside line for each
 * other token, and the break of its blank line.  Its tokens are on
 * consecutive lines, after any blank lines.  Returns false when it
 * declines the sentence.
 */
static bool
add_sentence(struct reading *r, struct conll_file *f,
    struct conll_sentence *s)
{
	struct fields fs;
	uint64_t first, k;
	size_t t = 0;

	if (!conll_sentence(f, s))
		return false;
	first = f->in.lineno + s->lines - s->ntok;
	for (k = 0; k < s->ntok; k++) {
		if (t < s->n && s->v[t].index == k) {
			check(s->v[t].lineno == first + k,
			    "line number of a kept line");
			fs = (struct fields){ s->v[t].f, 3, 3 };
			add(r, CONLL_TOKEN, first + k, 3, hash_fields(&fs));
			t++;
		} else {
			add(r, CONLL_OUTSIDE, first + k, f->nfields, 0);
		}
	}
	check(t == s->n, "kept lines out of order");
	add(r, CONLL_BREAK, f->in.lineno + s->lines, 0, 0);
	conll_sentence_take(f, s);
	return true;
}

static int
read_all(void *arg)
{
	struct reading *r = arg;
	struct conll_file f;
	struct conll_sentence s = { 0 };
	enum conll_line k;
	uint64_t i;

	if (conll_open(&f, r->path, &r->opts) != 0)
		return -1;
	if (r->tags_only)
		f.min_fields = 1;
	for (;;) {
		if (r->whole && add_sentence(r, &f, &s))
			continue;
		if ((k = conll_next(&f, &r->opts)) == CONLL_EOF)
			break;
		if (k == CONLL_OUTSIDE)
			for (i = f.run; i > 0; i--)
				add(r, CONLL_OUTSIDE, f.in.lineno - i + 1,
				    f.nfields, 0);
		else if (k == CONLL_TOKEN)
			add_token(r, &f);
		else
			add(r, k, f.in.lineno, k == CONLL_DOCSTART ?
			    f.fs.n : 0, k == CONLL_DOCSTART ?
			    hash_fields(&f.fs) : 0);
	}
	conll_sentence_free(&s);
	conll_close(&f);
	return 0;
}

static void
set_options(struct reading *r, unsigned char b, const char *path, bool slow)
{
	static const enum delim delims[] = { DELIM_AUTO, DELIM_TAB,
	    DELIM_SPACE, DELIM_CHAR };

	memset(&r->opts, 0, sizeof r->opts);
	r->path = path;
	r->n = 0;
	r->opts.delim = delims[b & 3];
	r->opts.delimch = ',';
	r->opts.skip_comments = (b & 4) != 0;
	r->opts.outside = (b & 8) ? "OUT" : "O";
	r->opts.outlen = strlen(r->opts.outside);
	r->opts.slow = slow;
	r->tags_only = (b & 16) != 0;
	r->whole = !slow && (b & 32) != 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path;
	int sf, ss;
	size_t i;

	if (size < 1)
		return 0;
	path = fuzz_file(0, data + 1, size - 1);
	set_options(&fast, data[0], path, false);
	set_options(&slow, data[0], path, true);
	sf = fuzz_call(read_all, &fast, NULL);
	ss = fuzz_call(read_all, &slow, NULL);
	check(sf == ss, "exit statuses differ");
	check(fast.n == slow.n, "numbers of events differ");
	for (i = 0; i < fast.n; i++) {
		check(fast.ev[i].kind == slow.ev[i].kind, "kinds differ");
		check(fast.ev[i].lineno == slow.ev[i].lineno,
		    "line numbers differ");
		check(fast.ev[i].nfields == slow.ev[i].nfields,
		    "numbers of fields differ");
		check(fast.ev[i].hash == slow.ev[i].hash, "fields differ");
	}
	return 0;
}
