/*
 * gencorpus: write a large CoNLL file (token ... gold pred, a blank line
 * between sentences) for benchmarks, built by repeating one real file.
 * Each repetition shuffles the order of the sentences and replaces a small
 * share of the predicted tags by tags drawn from those the file uses, so the
 * scores differ from copy to copy.  The same input, options and seed give
 * the same bytes.  Output stops before the first sentence that would take
 * it past the size asked for.
 *
 * Options shape the corpus for the cost-growth measurements: -t renames the
 * entity types into N synthetic ones, -j joins sentences into long ones,
 * -w pads every token to a width, -d starts a document (a -DOCSTART-
 * line) every N sentences.  A summary line "B bytes T tokens S
 * sentences" goes to standard error.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct tok {
	const char *prefix;	/* the fields before the gold tag */
	size_t	 prefixlen;
	int	 gold, pred;	/* indices into the tag table */
};

struct sent {
	size_t	 first, n;	/* tokens first .. first + n - 1 */
};

/* A tag, split once into its prefix ("B") and its type index. */
struct tag {
	const char *p;
	size_t	 len;
	size_t	 prefixlen;	/* bytes before the first hyphen */
	int	 type;		/* -1 when the tag has no hyphen */
};

static struct {
	struct tok *tok;
	size_t	 ntok, tokcap;
	struct sent *sent;
	size_t	 nsent, sentcap;
	struct tag *tag;
	size_t	 ntag, tagcap;
	size_t	 ntype;
	char	 delim;
} src;

struct options {
	unsigned long long size;
	unsigned long long seed;
	double	 flip;
	unsigned long types;	/* 0 keeps the original types */
	unsigned long join;
	unsigned long width;
	unsigned long doc;	/* sentences a document; 0: no -DOCSTART- */
};

static uint64_t rng_state;

static void
fail(const char *msg, const char *arg)
{
	fprintf(stderr, "gencorpus: %s%s%s\n", msg, arg ? ": " : "",
	    arg ? arg : "");
	exit(1);
}

static void *
grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	while (*cap < need)
		*cap = *cap ? *cap * 2 : 1024;
	if ((p = realloc(p, *cap * size)) == NULL)
		fail("out of memory", NULL);
	return p;
}

/* splitmix64: small, fast, and the same sequence on every platform. */
static uint64_t
rng_next(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static uint64_t
rng_below(uint64_t n)
{
	return rng_next() % n;
}

static int
tag_index(const char *p, size_t len)
{
	size_t i, k;
	const char *hyphen;

	for (i = 0; i < src.ntag; i++)
		if (src.tag[i].len == len && memcmp(src.tag[i].p, p, len) == 0)
			return (int)i;
	src.tag = grow(src.tag, &src.tagcap, src.ntag + 1, sizeof *src.tag);
	src.tag[i].p = p;
	src.tag[i].len = len;
	hyphen = memchr(p, '-', len);
	src.tag[i].prefixlen = hyphen ? (size_t)(hyphen - p) : len;
	src.tag[i].type = -1;
	if (hyphen != NULL) {
		/* Types are numbered in order of first appearance. */
		src.tag[i].type = (int)src.ntype;
		for (k = 0; k < i; k++)
			if (src.tag[k].type >= 0 &&
			    src.tag[k].len - src.tag[k].prefixlen ==
			    len - src.tag[i].prefixlen &&
			    memcmp(src.tag[k].p + src.tag[k].prefixlen,
			    hyphen, len - src.tag[i].prefixlen) == 0) {
				src.tag[i].type = src.tag[k].type;
				break;
			}
		if (src.tag[i].type == (int)src.ntype)
			src.ntype++;
	}
	src.ntag++;
	return (int)i;
}

/* Split a token line into the fields before the tags, and the two tags. */
static void
add_token(const char *p, size_t len)
{
	const char *end = p + len, *pred, *gold;
	struct tok *t;

	if (src.delim == 0)
		src.delim = memchr(p, '\t', len) ? '\t' : ' ';
	for (pred = end; pred > p && pred[-1] != src.delim; pred--)
		continue;
	for (gold = pred - 1; gold > p && gold[-1] != src.delim; gold--)
		continue;
	if (pred == p || gold <= p)
		fail("a token line needs a token, a gold and a predicted tag",
		    NULL);
	src.tok = grow(src.tok, &src.tokcap, src.ntok + 1, sizeof *src.tok);
	t = &src.tok[src.ntok++];
	t->prefix = p;
	t->prefixlen = (size_t)(gold - 1 - p);
	t->gold = tag_index(gold, (size_t)(pred - 1 - gold));
	t->pred = tag_index(pred, (size_t)(end - pred));
}

static void
end_sentence(size_t *first)
{
	if (src.ntok == *first)
		return;
	src.sent = grow(src.sent, &src.sentcap, src.nsent + 1,
	    sizeof *src.sent);
	src.sent[src.nsent].first = *first;
	src.sent[src.nsent].n = src.ntok - *first;
	src.nsent++;
	*first = src.ntok;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	if (f == NULL)
		fail(strerror(errno), path);
	*len = 0;
	do {
		buf = grow(buf, &cap, *len + 65536, 1);
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n > 0);
	if (ferror(f))
		fail("read error", path);
	fclose(f);
	return buf;
}

static void
load(const char *path)
{
	size_t len, first = 0;
	char *buf = slurp(path, &len), *p = buf, *nl;

	while (p < buf + len) {
		nl = memchr(p, '\n', (size_t)(buf + len - p));
		if (nl == NULL)
			nl = buf + len;
		if (nl > p && nl[-1] == '\r')
			fail("CRLF line endings; convert the file first", path);
		if (nl == p)
			end_sentence(&first);
		else
			add_token(p, (size_t)(nl - p));
		p = nl + 1;
	}
	end_sentence(&first);
	if (src.nsent == 0)
		fail("no sentences", path);
}

/* Append tag t, with its type renamed to one of the synthetic ones. */
static char *
put_tag(char *o, const struct tag *t, const struct options *opt,
    unsigned long salt)
{
	if (opt->types == 0 || t->type < 0) {
		memcpy(o, t->p, t->len);
		return o + t->len;
	}
	memcpy(o, t->p, t->prefixlen);
	o += t->prefixlen;
	return o + sprintf(o, "-t%lu", ((unsigned long)t->type + salt) %
	    opt->types);
}

/* Format one token line into o, which has room for it. */
static size_t
format_token(char *o, const struct tok *t, int pred,
    const struct options *opt, unsigned long salt)
{
	char *start = o;
	size_t pad;

	memcpy(o, t->prefix, t->prefixlen);
	o += t->prefixlen;
	/* Pad the token (the first field) to the requested width. */
	pad = opt->width > t->prefixlen ? opt->width - t->prefixlen : 0;
	memset(o, 'x', pad);
	o += pad;
	*o++ = src.delim;
	o = put_tag(o, &src.tag[t->gold], opt, salt);
	*o++ = src.delim;
	o = put_tag(o, &src.tag[pred], opt, salt);
	*o++ = '\n';
	return (size_t)(o - start);
}

/* A growing output buffer for one sentence. */
struct buf {
	char	*p;
	size_t	 len, cap;
};

/*
 * Write one sentence unless it would take the output past the size limit;
 * return 0 then.  The caller writes the blank line, because -j joins
 * sentences.
 */
static int
write_sentence(const struct sent *s, const struct options *opt,
    unsigned long long *written, struct buf *b)
{
	unsigned long salt = opt->types ? (unsigned long)rng_below(opt->types)
	    : 0;
	size_t i;
	int pred;

	b->len = 0;
	for (i = 0; i < s->n; i++) {
		const struct tok *t = &src.tok[s->first + i];

		b->p = grow(b->p, &b->cap, b->len + t->prefixlen + opt->width +
		    2 * 64 + 4, 1);
		pred = t->pred;
		if ((double)rng_next() / 18446744073709551616.0 < opt->flip)
			pred = (int)rng_below(src.ntag);
		b->len += format_token(b->p + b->len, t, pred, opt, salt);
	}
	if (*written + b->len + 1 > opt->size)
		return 0;
	fwrite(b->p, 1, b->len, stdout);
	*written += b->len;
	return 1;
}

static void
shuffle(size_t *order, size_t n)
{
	size_t i, j, tmp;

	for (i = n - 1; i > 0; i--) {
		j = (size_t)rng_below(i + 1);
		tmp = order[i];
		order[i] = order[j];
		order[j] = tmp;
	}
}

/* Write shuffled copies of the source until the next sentence would not fit. */
static void
generate(const struct options *opt, unsigned long long *written,
    unsigned long long *tokens, unsigned long long *sentences)
{
	size_t *order = malloc(src.nsent * sizeof *order);
	struct buf b = { NULL, 0, 0 };
	size_t i, joined = 0, sentences_in_doc = 0;

	if (order == NULL)
		fail("out of memory", NULL);
	for (i = 0; i < src.nsent; i++)
		order[i] = i;
	for (;;) {
		shuffle(order, src.nsent);
		for (i = 0; i < src.nsent; i++) {
			if (opt->doc > 0 && joined == 0 &&
			    sentences_in_doc++ % opt->doc == 0) {
				if (*written + 16 + 1 > opt->size)
					goto done;
				fputs("-DOCSTART- O O\n\n", stdout);
				*written += 16;
				(*tokens)++;
			}
			if (!write_sentence(&src.sent[order[i]], opt, written,
			    &b))
				goto done;
			*tokens += src.sent[order[i]].n;
			if (++joined == opt->join) {
				putchar('\n');
				(*written)++;
				(*sentences)++;
				joined = 0;
			}
		}
	}
done:
	if (joined > 0) {
		putchar('\n');
		(*written)++;
		(*sentences)++;
	}
	free(b.p);
	free(order);
}

static unsigned long long
parse_size(const char *arg)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno != 0 || end == arg)
		fail("invalid size", arg);
	switch (*end) {
	case 'G':
		v <<= 10;
		/* FALLTHROUGH */
	case 'M':
		v <<= 10;
		/* FALLTHROUGH */
	case 'K':
		v <<= 10;
		end++;
		break;
	}
	if (*end != '\0')
		fail("invalid size, expected a number with K, M or G", arg);
	return v;
}

static unsigned long
parse_count(const char *arg, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0')
		fail(what, arg);
	return v;
}

static void
usage(void)
{
	fputs("usage: gencorpus [-d sentences] [-f rate] [-j sentences] "
	    "[-r seed] [-s size]\n                 [-t types] [-w width] file\n",
	    stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct options opt = { 20ULL << 20, 1, 0.01, 0, 1, 0, 0 };
	unsigned long long bytes = 0, tokens = 0, sentences = 0;
	char *end;
	int c;

	while ((c = getopt(argc, argv, "d:f:j:r:s:t:w:")) != -1) {
		switch (c) {
		case 'd':
			opt.doc = parse_count(optarg, "invalid -d");
			break;
		case 'f':
			opt.flip = strtod(optarg, &end);
			if (*end != '\0' || !(opt.flip >= 0 && opt.flip <= 1))
				fail("invalid flip rate, expected 0 to 1",
				    optarg);
			break;
		case 'j':
			opt.join = parse_count(optarg, "invalid -j");
			if (opt.join == 0)
				fail("invalid -j, expected 1 or more", optarg);
			break;
		case 'r':
			opt.seed = parse_count(optarg, "invalid seed");
			break;
		case 's':
			opt.size = parse_size(optarg);
			break;
		case 't':
			opt.types = parse_count(optarg, "invalid -t");
			break;
		case 'w':
			opt.width = parse_count(optarg, "invalid -w");
			if (opt.width > 1000000)
				fail("invalid -w, expected at most 1000000",
				    optarg);
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 1)
		usage();
	rng_state = opt.seed;
	load(argv[optind]);
	generate(&opt, &bytes, &tokens, &sentences);
	if (fflush(stdout) != 0 || ferror(stdout))
		fail("write error", strerror(errno));
	fprintf(stderr, "%llu bytes %llu tokens %llu sentences\n", bytes,
	    tokens, sentences);
	return 0;
}
