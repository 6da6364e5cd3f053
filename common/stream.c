/*
 * stream: read and write the record streams that pass between the programs.
 *
 * A stream is one or more sections.  A section is a header line naming the
 * columns, then records and directive lines (which begin with '#'), then
 * "#end N", where N counts the lines between the header and the #end line.
 * A reader that meets the end of input inside a section knows the writer
 * failed or the file was cut short, and says so instead of going on.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "out.h"
#include "stream.h"

const char *const span_columns[] = {
	"doc", "sent", "side", "start", "end", "type", "level", "source",
	"text", NULL
};
const char *const match_columns[] = {
	"doc", "sent", "class", "gold_type", "pred_type", "gold_start",
	"gold_end", "pred_start", "pred_end", "source", "gold_text",
	"pred_text", NULL
};
const char *const count_columns[] = {
	"doc", "sent", "class", "gold_type", "pred_type", "count", NULL
};

static uint64_t written_in_section;

const char *
stream_kind_name(enum stream_kind k)
{
	switch (k) {
	case STREAM_SPANS:
		return "span";
	case STREAM_MATCHES:
		return "match";
	case STREAM_COUNTS:
		return "count";
	}
	return "unknown";
}

static int
has_column(const struct fields *fs, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; i < fs->n; i++)
		if (fs->f[i].len == len && memcmp(fs->f[i].p, name, len) == 0)
			return (int)i;
	return -1;
}

static enum stream_kind
detect_kind(const struct fields *fs)
{
	if (has_column(fs, "count") >= 0)
		return STREAM_COUNTS;
	if (has_column(fs, "class") >= 0)
		return STREAM_MATCHES;
	if (has_column(fs, "side") >= 0)
		return STREAM_SPANS;
	return 0;
}

static const char *
accepted_kinds(int kinds)
{
	switch (kinds) {
	case STREAM_SPANS:
		return "a span stream (the output of nerspan)";
	case STREAM_MATCHES | STREAM_COUNTS:
		return "a match stream (the output of nermatch) or a count "
		    "stream (the output of nerscore --counts)";
	case STREAM_MATCHES:
		return "a match stream (the output of nermatch)";
	}
	return "a nertools stream";
}

static const char *
next_step(enum stream_kind have)
{
	switch (have) {
	case STREAM_SPANS:
		return "; run it through nermatch first";
	case STREAM_MATCHES:
		return "; nermatch has already run";
	default:
		return "";
	}
}

static void
read_header(struct stream *s, struct line *l, int kinds)
{
	enum stream_kind k;

	fields_split(&s->fs, l->p, l->len, DELIM_TAB, '\t');
	k = detect_kind(&s->fs);
	if (k == 0)
		die_at(s->in.name, s->in.lineno, "not a nertools stream: "
		    "expected %s, whose first line names its columns; for "
		    "CoNLL or brat files run nerspan first", accepted_kinds(kinds));
	if ((k & kinds) == 0)
		die_at(s->in.name, s->in.lineno, "this is a %s stream, "
		    "expected %s%s", stream_kind_name(k), accepted_kinds(kinds),
		    next_step(k));
	s->kind = k;
	s->ncols = s->fs.n;
	s->header = xstrndup(l->p, l->len);
	s->headerlen = l->len;
}

/*
 * Open path ("-" for standard input) as a stream of one of the kinds, and
 * read its header.  Returns 0, or -1 with errno set when it cannot be opened.
 */
int
stream_open(struct stream *s, const char *path, int kinds)
{
	struct line l;

	memset(s, 0, sizeof *s);
	if (lines_open(&s->in, path) != 0)
		return -1;
	if (!lines_next(&s->in, &l))
		die_at(s->in.name, 0, "empty input, expected %s; if a program "
		    "wrote this input, it failed", accepted_kinds(kinds));
	line_chomp_cr(&l);
	if (l.len >= 3 && memcmp(l.p, "\xEF\xBB\xBF", 3) == 0) {
		l.p += 3;	/* a byte-order mark, as an editor may add */
		l.len -= 3;
	}
	read_header(s, &l, kinds);
	s->in_section = true;
	return 0;
}

void
stream_close(struct stream *s)
{
	lines_close(&s->in);
	fields_free(&s->fs);
	free(s->header);
	free(s->incomplete);
	s->header = s->incomplete = NULL;
}

/* Return the index of the named column, or -1. */
int
stream_column(const struct stream *s, const char *name)
{
	struct fields fs = { 0 };
	int i;

	fields_split(&fs, s->header, s->headerlen, DELIM_TAB, '\t');
	i = has_column(&fs, name);
	fields_free(&fs);
	return i;
}

int
stream_require(const struct stream *s, const char *name)
{
	int i = stream_column(s, name);

	if (i < 0)
		die_at(s->in.name, 1, "the header has no '%s' column", name);
	return i;
}

/* field_u64() for a field that is empty, long or not all digits. */
uint64_t
field_u64_slow(const struct stream *s, const struct field *f,
    const char *what)
{
	uint64_t v = 0;
	size_t i;

	if (f->len == 0)
		die_at(s->in.name, s->in.lineno, "empty %s, expected a "
		    "whole number", what);
	for (i = 0; i < f->len; i++) {
		unsigned d = (unsigned char)f->p[i] - '0';

		if (d > 9)
			die_at(s->in.name, s->in.lineno, "invalid %s '%.*s', "
			    "expected a whole number", what, (int)f->len, f->p);
		if (v > (UINT64_MAX - d) / 10)
			die_at(s->in.name, s->in.lineno, "%s '%.*s' is too "
			    "large", what, (int)f->len, f->p);
		v = v * 10 + d;
	}
	return v;
}

/* Read a count of a #doc or #unit line, where "-" means unknown. */
static inline uint64_t
token_count(const struct stream *s, const struct field *f, const char *what,
    bool *known)
{
	*known = !(f->len == 1 && f->p[0] == '-');
	return *known ? field_u64(s, f, what) : 0;
}

/*
 * Fill s->tok from the two count fields.  The counts go in locals first,
 * so that no store to s->tok comes between the reads of the fields.
 */
static void
parse_tokens(struct stream *s, const struct field *tok,
    const struct field *cor)
{
	struct tokens t;

	t.tokens = token_count(s, tok, "token count", &t.known);
	t.correct = token_count(s, cor, "correct-tag count", &t.correct_known);
	if (t.known && t.correct_known && t.correct > t.tokens)
		die_at(s->in.name, s->in.lineno, "%llu tokens with correct "
		    "tags, but only %llu tokens: the stream is damaged; write "
		    "it again with the program that made it",
		    (unsigned long long)t.correct,
		    (unsigned long long)t.tokens);
	s->tok = t;
}

static void
check_fields(struct stream *s, size_t want, const char *what)
{
	if (s->fs.n != want)
		die_at(s->in.name, s->in.lineno, "%s line has %zu field%s, "
		    "expected %zu", what, s->fs.n, s->fs.n == 1 ? "" : "s",
		    want);
}

static void
end_section(struct stream *s)
{
	uint64_t n;

	check_fields(s, 2, "#end");
	n = field_u64(s, &s->fs.f[1], "#end count");
	if (n != s->lines_in_section)
		die_at(s->in.name, s->in.lineno, "the section has %llu lines "
		    "but its #end line says %llu: lines were lost or added; "
		    "a filter that drops records must rewrite the #end count, "
		    "as nertools(7) shows",
		    (unsigned long long)s->lines_in_section,
		    (unsigned long long)n);
	s->in_section = false;
	s->sections++;
}

static const char no_reason[] = "an #incomplete line without a message";

/* Act on the directive line l, whose fields are in s->fs. */
static enum record
directive(struct stream *s, struct line *l)
{
	struct field *f = &s->fs.f[0];

	if (f->len == 4 && memcmp(f->p, "#end", 4) == 0) {
		end_section(s);
		return REC_EOF;
	}
	s->lines_in_section++;
	if (f->len == 4 && memcmp(f->p, "#doc", 4) == 0) {
		check_fields(s, 4, "#doc");
		parse_tokens(s, &s->fs.f[2], &s->fs.f[3]);
		return REC_DOC;
	}
	if (f->len == 5 && memcmp(f->p, "#unit", 5) == 0) {
		check_fields(s, 5, "#unit");
		parse_tokens(s, &s->fs.f[3], &s->fs.f[4]);
		return REC_UNIT;
	}
	if (f->len == 11 && memcmp(f->p, "#incomplete", 11) == 0) {
		if (s->incomplete == NULL && l->len > 12)
			s->incomplete = xstrndup(l->p + 12, l->len - 12);
		else if (s->incomplete == NULL)
			s->incomplete = xstrndup(no_reason, strlen(no_reason));
		return REC_EOF;
	}
	die_at(s->in.name, s->in.lineno, "unknown directive '%.*s' (a line "
	    "that begins with '#'); a document name may not begin with '#'",
	    (int)f->len, f->p);
}

/*
 * Read the next line into *l, without a CR before its newline, and split
 * it on TABs into s->fs.  Returns false at the end of input.  A line that
 * is whole in the buffer and has no NUL byte is found and split in one
 * pass over its bytes.
 */
static bool
next_line(struct stream *s, struct line *l)
{
	struct lines *r = &s->in;
	size_t len;

	if (fields_split_line(&s->fs, r->buf + r->start, r->end - r->start,
	    &len) && r->nul >= r->start + len) {
		lines_skip(r, l, r->start, len, 1);
		if (l->len > 0 && l->p[l->len - 1] == '\r') {
			l->p[--l->len] = '\0';
			s->fs.f[s->fs.n - 1].len--;
		}
		return true;
	}
	if (!lines_next(r, l))
		return false;
	line_chomp_cr(l);
	fields_split(&s->fs, l->p, l->len, DELIM_TAB, '\t');
	return true;
}

/*
 * Read the next record, skipping headers and checking every section's end.
 * Fields are in s->fs until the next call.
 */
enum record
stream_next(struct stream *s)
{
	struct line l;
	enum record r;

	for (;;) {
		if (!next_line(s, &l)) {
			if (s->in_section)
				die_at(s->in.name, 0, "input ends without its "
				    "#end line: the program that wrote it "
				    "failed, or the file was cut short");
			return REC_EOF;
		}
		if (!l.newline)
			die_at(s->in.name, s->in.lineno, "the last line has "
			    "no newline: the stream was cut short");
		if (!s->in_section) {
			if (l.len != s->headerlen ||
			    memcmp(l.p, s->header, l.len) != 0)
				die_at(s->in.name, s->in.lineno, "expected a "
				    "header like that of line 1 after #end, "
				    "found '%.40s'; streams with other columns "
				    "cannot be joined by cat, so give each as a "
				    "file argument of its own", l.p);
			s->in_section = true;
			s->lines_in_section = 0;
			continue;
		}
		if (l.len > 0 && l.p[0] == '#') {
			r = directive(s, &l);
			if (r != REC_EOF)
				return r;
			continue;
		}
		if (s->fs.n != s->ncols)
			die_at(s->in.name, s->in.lineno, "record has %zu "
			    "fields, but the header names %zu columns",
			    s->fs.n, s->ncols);
		s->lines_in_section++;
		return REC_DATA;
	}
}

/*
 * Return true when p[0..len) may contain a TAB, LF or CR.  All three are
 * below 14, so the test looks for a byte below 14, 8 bytes at a time; it
 * can err towards true, never towards false.
 */
static bool
may_need_cleaning(const char *p, size_t len)
{
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t w;
	size_t i;

	for (i = 0; len - i >= 8; i += 8) {
		memcpy(&w, p + i, 8);
		if (((w - ones * 14) & ~w & ones * 0x80) != 0)
			return true;
	}
	for (; i < len; i++)
		if ((unsigned char)p[i] < 14)
			return true;
	return false;
}

/* Write p[0..len) with TAB, CR and LF made spaces, so a field stays one. */
void
out_clean(const char *p, size_t len)
{
	size_t i, from = 0;

	if (!may_need_cleaning(p, len)) {
		out_write(p, len);
		return;
	}

	for (i = 0; i < len; i++) {
		/* One test for most bytes: TAB, LF and CR are below 14. */
		if ((unsigned char)p[i] < 14 && (p[i] == '\t' ||
		    p[i] == '\n' || p[i] == '\r')) {
			out_write(p + from, i - from);
			out_char(' ');
			from = i + 1;
		}
	}
	out_write(p + from, len - from);
}

/*
 * Copy p[0..len) to dst as out_clean() writes it, and return the length.
 */
size_t
clean_copy(char *dst, const char *p, size_t len)
{
	size_t i;

	if (len > 0)
		memcpy(dst, p, len);
	if (!may_need_cleaning(p, len))
		return len;
	for (i = 0; i < len; i++)
		if (dst[i] == '\t' || dst[i] == '\n' || dst[i] == '\r')
			dst[i] = ' ';
	return len;
}

void
writer_header(enum stream_kind k)
{
	const char *const *c = k == STREAM_SPANS ? span_columns :
	    k == STREAM_MATCHES ? match_columns : count_columns;

	out_str(*c++);
	for (; *c != NULL; c++) {
		out_tab();
		out_str(*c);
	}
	out_nl();
	written_in_section = 0;
}

void
writer_record_done(void)
{
	written_in_section++;
}

/* Count n records written in one go, as n calls of writer_record_done(). */
void
writer_records_done(uint64_t n)
{
	written_in_section += n;
}

static void
out_count(bool known, uint64_t v)
{
	if (known)
		out_u64(v);
	else
		out_char('-');
}

void
writer_doc(const char *doc, size_t doclen, const struct tokens *t)
{
	out_write("#doc\t", 5);
	out_write(doc, doclen);
	out_tab();
	out_count(t->known, t->tokens);
	out_tab();
	out_count(t->correct_known, t->correct);
	out_nl();
	written_in_section++;
}

static char *
put_count(char *d, bool known, uint64_t v)
{
	return known ? put_u64(d, v) : put_char(d, '-');
}

/* The room that end_unit() needs for the end of a #unit line. */
#define UNIT_END_MAX (1 + OUT_U64_MAX + 1 + OUT_U64_MAX + 1)

/* Store the two counts that end a #unit line begun at line, and write it. */
static void
end_unit(char *line, char *d, const struct tokens *t)
{
	d = put_char(d, '\t');
	d = put_count(d, t->known, t->tokens);
	d = put_char(d, '\t');
	d = put_count(d, t->correct_known, t->correct);
	d = put_char(d, '\n');
	out_end(line, (size_t)(d - line));
	written_in_section++;
}

/* Write a #unit line after one room check, since each unit has one. */
void
writer_unit(const char *doc, size_t doclen, const char *sent, size_t sentlen,
    const struct tokens *t)
{
	char *line = out_begin(6 + doclen + 1 + sentlen + UNIT_END_MAX);
	char *d = line;

	d = put_bytes(d, "#unit\t", 6);
	d = put_bytes(d, doc, doclen);
	d = put_char(d, '\t');
	d = put_bytes(d, sent, sentlen);
	end_unit(line, d, t);
}

/*
 * Write a #unit line as writer_unit() does, for the unit key "doc TAB
 * sent".  The key is read in whole blocks of 16 bytes (put_padded()), so
 * its buffer needs that room.
 */
void
writer_unit_key(const char *key, size_t keylen, const struct tokens *t)
{
	char *line = out_begin(6 + keylen + 16 + UNIT_END_MAX);
	char *d = put_bytes(line, "#unit\t", 6);

	d = put_padded(d, key, keylen);
	end_unit(line, d, t);
}

void
writer_incomplete(const char *message)
{
	out_str("#incomplete\t");
	out_clean(message, strlen(message));
	out_nl();
	written_in_section++;
}

void
writer_end(void)
{
	out_str("#end\t");
	out_u64(written_in_section);
	out_nl();
}
