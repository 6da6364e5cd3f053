/*
 * conll: read CoNLL column files.  A blank line or a line whose first
 * field is -X- ends a sentence; a -DOCSTART- line starts a document.
 * Every non-blank line of a file must have as many fields as its first.
 */
#include <string.h>

#include "bytes.h"
#include "conll.h"
#include "conllfast.h"
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
	conll_fast_free(f);
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
		conll_fast_init(f, o);
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
 * Read up to the next token, sentence break or -DOCSTART- line, or, when
 * the caller allowed it, up to the end of a run of lines tagged outside
 * on both sides (CONLL_OUTSIDE).
 */
enum conll_line
conll_next(struct conll_file *f, const struct conll_opts *o)
{
	enum conll_line k;

	if (f->fast && !f->run_ended && (f->run = conll_outside_run(f, o)) > 0) {
		f->in_sentence = true;
		return CONLL_OUTSIDE;
	}
	f->run_ended = false;
	if (f->simple && conll_simple_line(f, &k))
		return k;
	return next_slow(f, o);
}
