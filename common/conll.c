/*
 * conll: read CoNLL column files.  A blank line or a line whose first
 * field is -X- ends a sentence; a -DOCSTART- line starts a document.
 * Every non-blank line of a file must have as many fields as its first.
 */
#include <string.h>

#include "bytes.h"
#include "conll.h"
#include "err.h"
#include "swar.h"

int
conll_open(struct conll_file *f, const char *path, const struct conll_opts *o)
{
	memset(f, 0, sizeof *f);
	f->delim = o->delim;
	f->skip_comments = o->skip_comments;
	f->min_fields = 2;
	f->fields_meaning = "gold and predicted tag";
	f->fields_hint = "";
	return lines_open(&f->in, path);
}

void
conll_close(struct conll_file *f)
{
	lines_close(&f->in);
	fields_free(&f->fs);
}

static void
strip_bom(struct line *l)
{
	if (l->len >= 3 && memcmp(l->p, "\xEF\xBB\xBF", 3) == 0) {
		l->p += 3;
		l->len -= 3;
	}
}

/*
 * Suggest a fix for a line whose fields do not fit: the likeliest cause
 * first, from what the file's first token line and this line look like.
 */
static const char *
ragged_hint(const struct conll_file *f, const struct line *l)
{
	bool docstart = f->fs.n > 0 && field_is(&f->fs.f[0], "-DOCSTART-");

	if (f->first_is_hash || (l->len > 0 && l->p[0] == '#'))
		return "; if lines that begin with '#' are comments, use "
		    "--skip-comments";
	if (f->delim_guessed && f->delim == DELIM_TAB &&
	    memchr(l->p, '\t', l->len) == NULL && memchr(l->p, ' ', l->len))
		return "; the first token line splits at TABs but this one "
		    "has none: if spaces separate fields too, use -d space";
	if (f->nfields == 1)
		return "; the file holds one field a line, its tag";
	if (f->delim_guessed && f->delim == DELIM_SPACE && f->min_fields == 1)
		return "; if a tag contains spaces, use -d tab";
	if (docstart || (f->first_is_docstart && f->fs.n > f->nfields))
		return "; give a -DOCSTART- line as many fields as a token "
		    "line";
	return "";
}

/* Tell whether p[0..len) contains the string word. */
static bool
contains(const char *p, size_t len, const char *word)
{
	size_t n = strlen(word), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(p + i, word, n) == 0)
			return true;
	return false;
}

/*
 * Stop when the first line is the header of a record stream of nertools:
 * its fields would read as a token and tags, and fail later with a
 * misleading message.
 */
static void
reject_stream(const struct conll_file *f, const struct line *l)
{
	static const char *const kinds[][2] = {
		{ "\tcount", "a count stream: give it to nerscore or "
		    "nermatrix" },
		{ "\tclass\t", "a match stream: give it to nerscore or "
		    "nermatrix" },
		{ "\tside\t", "a span stream: give it to nermatch" },
	};
	size_t i;

	if (l->len < 9 || memcmp(l->p, "doc\tsent\t", 9) != 0)
		return;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (contains(l->p, l->len, kinds[i][0]))
			die_at(f->in.name, f->in.lineno, "this is not a CoNLL "
			    "file but %s", kinds[i][1]);
}

/* Tell whether c is a field separator of the file (f->sep, fast_init()). */
static inline bool
is_sep(const struct conll_file *f, char c)
{
	return (unsigned char)c == f->sep[0] || (unsigned char)c == f->sep[1];
}

/* Tell whether p starts with the outside tag; its first byte decides most. */
static inline bool
is_outside(const char *p, const struct conll_opts *o)
{
	return p[0] == o->outside[0] && (o->outlen == 1 ||
	    memcmp(p + 1, o->outside + 1, o->outlen - 1) == 0);
}

/*
 * The offset of the first byte from p[i] on that may end a field: a byte
 * below '!' (blanks, CR, newline, NUL and other control bytes) or the
 * separator.  Returns room when fewer than 8 bytes are left to look at.
 */
static inline size_t
field_end(const struct conll_file *f, const char *p, size_t i,
    size_t room)
{
	uint64_t w, m;

	for (; room - i >= 8; i += 8) {
		w = load8((const unsigned char *)p + i);
		m = bytes_below(w, '!');
		if (f->sep[0] >= '!')
			m |= bytes_eq(w, f->sep[0]);
		if (m != 0)
			return i + first_byte(m);
	}
	return room;
}

/*
 * outside_len() for the commonest files: three columns and an
 * outside tag of one byte.  The line is token, separator, tag, the same
 * separator, tag, newline, where the token contains no separator and no
 * byte below '!'.  Inline, because it runs for nearly every line.
 */
static inline size_t
outside_len3(const struct conll_file *f, const char *p, size_t room)
{
	size_t k = field_end(f, p, 0, room);

	if (k == 0 || room - k < 5 || p[0] == '-' ||
	    (p[0] == '#' && f->skip_comments) || !is_sep(f, p[k]))
		return 0;
	if (load4((const unsigned char *)p + k + 1) !=
	    (f->tail3 | (uint64_t)(unsigned char)p[k] << 8))
		return 0;
	return k + 4;
}

/*
 * Allow the fast path of outside_len() once the delimiter is known, if
 * the caller asked for it and the outside tag contains no separator and
 * no byte below '!' (blank, CR, newline).  Then a line that ends in
 * separator, tag, separator, tag has that tag as its last two fields.
 */
static void
fast_init(struct conll_file *f, const struct conll_opts *o)
{
	size_t i;

	f->sep[0] = f->delim == DELIM_CHAR ? (unsigned char)o->delimch : '\t';
	f->sep[1] = f->delim == DELIM_SPACE ? ' ' : f->sep[0];
	f->fast = o->outlen > 0 && !o->conlleval && f->delim != DELIM_PERL &&
	    f->sep[0] != '\n' && f->sep[0] != '\r' && f->sep[0] != '\0';
	for (i = 0; f->fast && i < o->outlen; i++)
		if (is_sep(f, o->outside[i]) ||
		    (unsigned char)o->outside[i] < '!')
			f->fast = false;
	f->tail3 = 0;
	if (f->fast && f->nfields == 3 && o->outlen == 1)
		f->tail3 = (uint64_t)(unsigned char)o->outside[0] |
		    (uint64_t)(unsigned char)o->outside[0] << 16 |
		    (uint64_t)'\n' << 24;
}

/*
 * Split the line by the file's rule and check its number of fields.  Empty
 * fields at the end of a line (stray TABs) carry no data: the first line
 * sets the count without them, keeping two fields for a token and an empty
 * tag, and later lines drop them past that count.
 */
static void
split(struct conll_file *f, const struct line *l, const struct conll_opts *o)
{
	if (f->delim == DELIM_AUTO) {
		f->delim = memchr(l->p, '\t', l->len) != NULL ? DELIM_TAB :
		    DELIM_SPACE;
		f->delim_guessed = true;
	}
	fields_split(&f->fs, l->p, l->len, f->delim, o->delimch);
	if (f->nfields == 0) {
		while (f->delim == DELIM_TAB && f->fs.n > f->min_fields &&
		    f->fs.f[f->fs.n - 1].len == 0)
			f->fs.n--;
		reject_stream(f, l);
		if (f->fs.n < f->min_fields)
			die_at(f->in.name, f->in.lineno, "expected at least %zu "
			    "field%s (%s), found %zu%s", f->min_fields,
			    f->min_fields == 1 ? "" : "s", f->fields_meaning,
			    f->fs.n, f->fields_hint);
		f->nfields = f->fs.n;
		f->first_line = f->in.lineno;
		f->first_is_hash = l->len > 0 && l->p[0] == '#';
		f->first_is_docstart = field_is(&f->fs.f[0], "-DOCSTART-");
		fast_init(f, o);
		return;
	}
	while (f->fs.n > f->nfields && f->fs.f[f->fs.n - 1].len == 0)
		f->fs.n--;
	if (f->fs.n != f->nfields)
		die_at(f->in.name, f->in.lineno, "found %zu field%s, but the "
		    "first token line (line %llu) has %zu: every token line "
		    "needs the same columns%s", f->fs.n,
		    f->fs.n == 1 ? "" : "s",
		    (unsigned long long)f->first_line, f->nfields,
		    ragged_hint(f, l));
}

/*
 * Strip every carriage return at the end of the line: a file converted to
 * CRLF twice ends its lines in CR CR LF.  A carriage return anywhere else
 * means the file's lines end in CR alone (old Mac files), and every line
 * of such a file would read as one.
 */
static void
chomp_crs(const struct conll_file *f, struct line *l)
{
	while (l->len > 0 && l->p[l->len - 1] == '\r')
		l->p[--l->len] = '\0';
	if (memchr(l->p, '\r', l->len) != NULL)
		die_at(f->in.name, f->in.lineno, "carriage return inside a "
		    "line: the file's lines end in CR alone; convert them "
		    "with tr '\\r' '\\n'");
}

static bool
is_blank(struct conll_file *f, const struct line *l,
    const struct conll_opts *o)
{
	if (o->conlleval)
		return fields_split(&f->fs, l->p, l->len, DELIM_PERL,
		    o->delimch) == 0;
	/* A token line starts with its token: look no further. */
	if (l->len > 0 && l->p[0] != ' ' && l->p[0] != '\t')
		return false;
	return line_is_blank(l->p, l->len);
}

/*
 * The fast path, for the commonest token line of NER data: the last two
 * fields are both the outside tag ("word O O").  Returns the length of
 * the line at p, followed by room - 1 bytes of input, when it is such a
 * line and every check of the full path would pass on it, else 0.  Such
 * a line is neither split nor copied.  The line must be
 *
 *	F1 s F2 s ... F(nfields-2) s T s T newline
 *
 * where T is the outside tag, each s one separator, and no F contains a
 * separator or a byte below '!'.  This is safe because the full path
 * reads such a line as a token line of nfields fields that ends in T
 * twice, with no message:
 *   - nfields is set, so the file's first token line (whose BOM is
 *     stripped and whose field count every line must have) went the full
 *     way;
 *   - no NUL and no CR is in the line (T contains no byte below '!', see
 *     fast_init()), and it ends in T, so no CR is stripped and none is
 *     reported;
 *   - its first byte is not blank, '-' or, when comments are skipped,
 *     '#': the line is not blank, a comment, -X- or -DOCSTART-;
 *   - under DELIM_SPACE no F is empty, so no two blanks are adjacent and
 *     each s separates two fields; T contains no separator, so the line
 *     has nfields fields and T is the last two.
 */
static size_t
outside_len(const struct conll_file *f, const struct conll_opts *o,
    const char *p, size_t room)
{
	size_t n = o->outlen, i = 0, k, end;

	if (room == 0 || p[0] == ' ' || p[0] == '\t' || p[0] == '-' ||
	    (p[0] == '#' && f->skip_comments))
		return 0;
	for (k = 2; k < f->nfields; k++) {
		end = field_end(f, p, i, room);
		if (end >= room || !is_sep(f, p[end]) ||
		    (end == i && f->delim == DELIM_SPACE))
			return 0;
		i = end + 1;
	}
	if (room - i < 2 * n + 2 || !is_outside(p + i, o) ||
	    !is_sep(f, p[i + n]) || !is_outside(p + i + n + 1, o) ||
	    p[i + 2 * n + 1] != '\n')
		return 0;
	return i + 2 * n + 1;
}

static enum conll_line
sentence_break(struct conll_file *f)
{
	if (!f->in_sentence)
		return CONLL_EOF;
	f->in_sentence = false;
	return CONLL_BREAK;
}

/*
 * Read up to the next token, sentence break or -DOCSTART- line.  Runs of
 * blank lines give one break, and a break with no token before it none.
 * The end of the input ends a sentence too, except in conlleval.pl's
 * reading, which has no boundary there.
 */
static enum conll_line
next_slow(struct conll_file *f, const struct conll_opts *o)
{
	struct line *l = &f->line;

	while (lines_next(&f->in, l)) {
		if (!o->conlleval)
			chomp_crs(f, l);
		else if (l->len > 0 && l->p[l->len - 1] == '\r')
			die_at(f->in.name, f->in.lineno, "line ends in a "
			    "carriage return (CRLF): conlleval.pl reads it as "
			    "part of the last tag and scores those tags wrong; "
			    "convert the file with dos2unix, or drop --conlleval "
			    "to read CRLF like LF");
		if (f->in.lineno == 1 && !o->conlleval)
			strip_bom(l);
		if (l->nul)
			die_at(f->in.name, f->in.lineno, "NUL byte in line: "
			    "is this a binary or UTF-16 file? (iconv -f UTF-16 "
			    "-t UTF-8 converts the latter)");
		if (f->skip_comments && l->len > 0 && l->p[0] == '#')
			continue;
		if (is_blank(f, l, o)) {
			if (sentence_break(f) == CONLL_BREAK)
				return CONLL_BREAK;
			continue;
		}
		split(f, l, o);
		if (field_is(&f->fs.f[0], "-X-")) {
			if (sentence_break(f) == CONLL_BREAK)
				return CONLL_BREAK;
			continue;
		}
		if (!o->conlleval && field_is(&f->fs.f[0], "-DOCSTART-")) {
			f->in_sentence = false;
			return CONLL_DOCSTART;
		}
		f->in_sentence = true;
		return CONLL_TOKEN;
	}
	f->at_end = true;
	if (!o->conlleval && sentence_break(f) == CONLL_BREAK)
		return CONLL_BREAK;
	return CONLL_EOF;
}

void
conll_no_column(const struct conll_file *f, long col, const char *what)
{
	die_at(f->in.name, f->in.lineno, "the %s column %ld does not exist: "
	    "the line has %ld field%s%s", what, col, (long)f->fs.n,
	    f->fs.n == 1 ? "" : "s", ragged_hint(f, &f->line));
}

/*
 * Take the lines of the fast path (outside_len()) from the next line on,
 * and return how many there were.  The loop stores nothing, so the
 * compiler can keep the file's fields in registers.
 */
static uint64_t
outside_run(struct conll_file *f, const struct conll_opts *o)
{
	const struct lines *r = &f->in;
	size_t at = r->start, last = at, len = 0, next;
	uint64_t n = 0;

	for (;;) {
		next = f->tail3 != 0 ? outside_len3(f, r->buf + at,
		    r->end - at) : outside_len(f, o, r->buf + at, r->end - at);
		if (next == 0)
			break;
		last = at;
		len = next;
		at += next + 1;
		n++;
	}
	if (n > 0)
		lines_skip(&f->in, &f->line, last, len, n);
	return n;
}

/*
 * Read up to the next token, sentence break or -DOCSTART- line, or, when
 * the caller allowed it, up to the end of a run of lines tagged outside
 * on both sides (CONLL_OUTSIDE).
 */
enum conll_line
conll_next(struct conll_file *f, const struct conll_opts *o)
{
	if (f->fast && (f->run = outside_run(f, o)) > 0) {
		f->in_sentence = true;
		return CONLL_OUTSIDE;
	}
	return next_slow(f, o);
}
