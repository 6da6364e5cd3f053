/*
 * spanin: read span records that users write (nerspan -i spans) and write
 * them as the span stream of nertools(5).
 *
 * A file starts with a header line naming its columns, TAB-separated, then
 * has one record a line.  The records of a unit must stand together.
 * Checking that in constant memory needs the units in order (unitkey.c),
 * because then a unit that sorts before the one being read either appeared
 * earlier or the file is unsorted.  The message gives the sort command that
 * fixes both.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fields.h"
#include "lines.h"
#include "out.h"
#include "spanin.h"
#include "stream.h"
#include "unitkey.h"

enum column {
	COL_DOC, COL_SENT, COL_START, COL_END, COL_TYPE, COL_SIDE, COL_TEXT,
	COL_LEVEL, NCOLUMNS
};

static const char *const column_names[NCOLUMNS] = {
	"doc", "sent", "start", "end", "type", "side", "text", "level"
};

static const bool column_required[NCOLUMNS] = {
	true, false, true, true, true, true, false, false
};

/* The columns of one file: field indices, or -1 when absent. */
struct layout {
	int	 col[NCOLUMNS];
	size_t	 nfields;
	const char *file;
};

/* The unit being written; it stays open from one file to the next. */
struct position {
	char	*doc;
	size_t	 doclen, doccap;
	uint64_t sent;
	bool	 open;
};

/* One record, its fields pointing into the line. */
struct userspan {
	const struct field *doc, *side, *type, *text;
	uint64_t sent, start, end, level;
};

static const struct tokens no_docstart = { 0, 0, true, true };
static const struct tokens unknown = { 0, 0, false, false };

/* Warn that path cannot be read and keep the first such message. */
void
input_failed(const char *path, char **failed)
{
	input_unusable(path, strerror(errno), failed);
}

/* Warn that path is unusable for the reason why; keep the first message. */
void
input_unusable(const char *path, const char *why, char **failed)
{
	size_t n;

	warnx("%s: %s", path, why);
	if (*failed != NULL)
		return;
	n = strlen(path) + strlen(why) + 40;
	*failed = xmalloc(n);
	snprintf(*failed, n, "nerspan could not read %s: %s", path, why);
}

static int
column_index(const struct field *f)
{
	int c;

	for (c = 0; c < NCOLUMNS; c++)
		if (f->len == strlen(column_names[c]) &&
		    memcmp(f->p, column_names[c], f->len) == 0)
			return c;
	return -1;
}

static void
read_header(struct layout *lay, const struct fields *fs)
{
	size_t i;
	int c;

	for (c = 0; c < NCOLUMNS; c++)
		lay->col[c] = -1;
	lay->nfields = fs->n;
	for (i = 0; i < fs->n; i++) {
		c = column_index(&fs->f[i]);
		if (c < 0 && fs->f[i].len == 6 &&
		    memcmp(fs->f[i].p, "source", 6) == 0)
			die_at(lay->file, 1, "unknown column 'source': a span "
			    "stream of nerspan has one, and goes to nermatch as "
			    "it is; user span records take doc, sent, start, "
			    "end, type, side, text and level");
		if (c < 0)
			die_at(lay->file, 1, "unknown column '%.*s': expected "
			    "doc, sent, start, end, type, side, text or level",
			    (int)fs->f[i].len, fs->f[i].p);
		if (lay->col[c] >= 0)
			die_at(lay->file, 1, "column '%s' named twice",
			    column_names[c]);
		lay->col[c] = (int)i;
	}
	for (c = 0; c < NCOLUMNS; c++)
		if (column_required[c] && lay->col[c] < 0)
			die_at(lay->file, 1, "the header has no '%s' column: "
			    "the first line must name the columns, at least "
			    "doc, start, end, type and side", column_names[c]);
}

static uint64_t
parse_number(const struct field *f, const char *what, const char *file,
    uint64_t line)
{
	uint64_t v = 0;
	size_t i;

	if (f->len == 0)
		die_at(file, line, "empty %s, expected a whole number", what);
	for (i = 0; i < f->len; i++) {
		unsigned d = (unsigned char)f->p[i] - '0';

		if (d > 9)
			die_at(file, line, "invalid %s '%.*s': expected a whole "
			    "number", what, (int)f->len, f->p);
		if (v > (UINT64_MAX - d) / 10)
			die_at(file, line, "%s '%.*s' is too large", what,
			    (int)f->len, f->p);
		v = v * 10 + d;
	}
	return v;
}

static void
check_doc(const struct field *doc, const char *file, uint64_t line)
{
	if (doc->len == 0)
		die_at(file, line, "empty doc: every record needs a document "
		    "name");
	if (doc->p[0] == '#')
		die_at(file, line, "document name '%.*s' begins with '#', "
		    "which marks directives in a span stream; rename it",
		    (int)doc->len, doc->p);
}

static void
check_side(const struct field *side, const char *file, uint64_t line)
{
	if ((side->len == 4 && memcmp(side->p, "gold", 4) == 0) ||
	    (side->len == 4 && memcmp(side->p, "pred", 4) == 0))
		return;
	die_at(file, line, "invalid side '%.*s': expected gold or pred",
	    (int)side->len, side->p);
}

static void
parse_record(struct userspan *r, const struct layout *lay,
    const struct fields *fs, uint64_t line)
{
	const struct field *f = fs->f;
	const int *col = lay->col;

	if (fs->n != lay->nfields)
		die_at(lay->file, line, "record has %zu field%s, but the "
		    "header names %zu columns", fs->n, fs->n == 1 ? "" : "s",
		    lay->nfields);
	r->doc = &f[col[COL_DOC]];
	check_doc(r->doc, lay->file, line);
	r->sent = col[COL_SENT] < 0 ? 0 :
	    parse_number(&f[col[COL_SENT]], "sent", lay->file, line);
	r->start = parse_number(&f[col[COL_START]], "start", lay->file, line);
	r->end = parse_number(&f[col[COL_END]], "end", lay->file, line);
	if (r->end <= r->start)
		die_at(lay->file, line, "span ends at %llu, not after its "
		    "start %llu: end is one past the last offset",
		    (unsigned long long)r->end, (unsigned long long)r->start);
	r->side = &f[col[COL_SIDE]];
	check_side(r->side, lay->file, line);
	r->type = &f[col[COL_TYPE]];
	r->text = col[COL_TEXT] < 0 ? NULL : &f[col[COL_TEXT]];
	r->level = col[COL_LEVEL] < 0 ? 1 :
	    parse_number(&f[col[COL_LEVEL]], "level", lay->file, line);
	if (r->level == 0)
		die_at(lay->file, line, "invalid level 0: levels count from 1");
}

static void
close_unit(struct position *pos)
{
	char sent[24];
	int n;

	if (!pos->open)
		return;
	n = snprintf(sent, sizeof sent, "%llu", (unsigned long long)pos->sent);
	writer_unit(pos->doc, pos->doclen, sent, (size_t)n, &unknown);
	pos->open = false;
}

/* Name a unit in a message: "document 'a' unit 3", or the document alone. */
static const char *
describe(char *buf, size_t size, const char *doc, size_t len, uint64_t sent,
    bool units)
{
	int n = snprintf(buf, size, "document '%.*s'", len > 60 ? 60 : (int)len,
	    doc);

	if (units && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " unit %llu",
		    (unsigned long long)sent);
	return buf;
}

static noreturn void
die_unsorted(const struct position *pos, const struct userspan *r,
    const struct layout *lay, uint64_t line)
{
	char now[100], before[100];
	bool num = name_is_number(r->doc->p, r->doc->len) &&
	    name_is_number(pos->doc, pos->doclen);
	bool units = lay->col[COL_SENT] >= 0;
	const char *file = strcmp(lay->file, "<stdin>") == 0 ? "FILE" :
	    lay->file;

	die_at(lay->file, line, "%s comes after %s, but the records of a "
	    "unit must stand together, in order of document, then unit (see "
	    "nerspan(1)); sort the file with: (head -n 1 %s && tail -n +2 %s "
	    "| %s) > sorted.tsv",
	    describe(now, sizeof now, r->doc->p, r->doc->len, r->sent, units),
	    describe(before, sizeof before, pos->doc, pos->doclen, pos->sent,
	    units), file, file, sort_advice(lay->col[COL_DOC] + 1,
	    lay->col[COL_SENT] + 1, num));
}

/* Close the open unit when the record starts another, checking order. */
static void
enter_unit(struct position *pos, const struct userspan *r,
    const struct layout *lay, uint64_t line)
{
	int c = pos->open ? doc_cmp(r->doc->p, r->doc->len, pos->doc,
	    pos->doclen) : 1;

	if (c == 0 && r->sent == pos->sent)
		return;
	if (c < 0 || (c == 0 && r->sent < pos->sent))
		die_unsorted(pos, r, lay, line);
	close_unit(pos);
	pos->open = true;
	pos->sent = r->sent;
	if (c == 0)
		return;
	if (r->doc->len > pos->doccap) {
		pos->doccap = r->doc->len;
		pos->doc = xrealloc(pos->doc, pos->doccap);
	}
	memcpy(pos->doc, r->doc->p, r->doc->len);
	pos->doclen = r->doc->len;
	writer_doc(pos->doc, pos->doclen, &no_docstart);
}

static void
write_record(const struct userspan *r, const char *file, uint64_t line)
{
	out_clean(r->doc->p, r->doc->len);
	out_tab();
	out_u64(r->sent);
	out_tab();
	out_write(r->side->p, r->side->len);
	out_tab();
	out_u64(r->start);
	out_tab();
	out_u64(r->end);
	out_tab();
	out_clean(r->type->p, r->type->len);
	out_tab();
	out_u64(r->level);
	out_tab();
	out_clean(file, strlen(file));
	out_char(':');
	out_u64(line);
	out_tab();
	if (r->text != NULL)
		out_clean(r->text->p, r->text->len);
	out_nl();
	writer_record_done();
}

static void
read_file(struct lines *in, struct position *pos)
{
	struct fields fs = { 0 };
	struct layout lay = { .file = in->name };
	struct userspan r;
	struct line l;

	while (lines_next(in, &l)) {
		line_chomp_cr(&l);
		if (in->lineno == 1 && l.len >= 3 &&
		    memcmp(l.p, "\xEF\xBB\xBF", 3) == 0) {
			l.p += 3;
			l.len -= 3;
		}
		if (memchr(l.p, '\0', l.len) != NULL)
			die_at(in->name, in->lineno, "NUL byte in line: is this "
			    "a binary or UTF-16 file?");
		fields_split(&fs, l.p, l.len, DELIM_TAB, '\t');
		if (in->lineno == 1) {
			read_header(&lay, &fs);
			continue;
		}
		if (l.len == 0)
			continue;
		parse_record(&r, &lay, &fs, in->lineno);
		enter_unit(pos, &r, &lay, in->lineno);
		write_record(&r, in->name, in->lineno);
	}
	if (in->lineno == 0)
		die_at(in->name, 0, "empty file, expected a header line naming "
		    "the columns (doc, start, end, type, side)");
	fields_free(&fs);
}

/*
 * Read the span files in order (standard input when there are none, or
 * for "-").  Returns the exit status: 1 when a file could not be read.
 */
int
spanin_run(char **paths, int npaths, char **failed)
{
	struct position pos = { 0 };
	struct lines in;
	int i, status = 0;

	for (i = 0; i == 0 || i < npaths; i++) {
		const char *path = i < npaths ? paths[i] : "-";

		if (lines_open(&in, path) != 0) {
			input_failed(path, failed);
			status = EXIT_DATA;
			continue;
		}
		read_file(&in, &pos);
		lines_close(&in);
	}
	close_unit(&pos);
	free(pos.doc);
	return status;
}
