/*
 * brat: read brat standoff annotation files (.ann) for nerspan -i brat and
 * write their entities as a span stream.
 *
 * Each file is one document, named by its file name without directory and
 * .ann suffix, and one unit (unit 0) whose offsets are character offsets.
 * Only text-bound annotations (lines "T1<TAB>TYPE START END<TAB>text")
 * are entities; the other kinds of annotation are skipped, and any other
 * line is an error.  A discontinuous annotation,
 * "TYPE 0 5;10 15", is read as one span from its smallest start to its
 * largest end, and the number of such spans is reported on standard
 * error.  Two text-bound annotations with one ID are an error.  The
 * documents are written in the order of unitkey.c, whatever the order of
 * the arguments, so that the streams of two runs pair up in nermatch.
 */
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

struct bratdoc {
	const char *path;
	const char *name;	/* in path */
	size_t	 namelen;
	size_t	 index;		/* of the argument, to keep the sort stable */
};

/* The number of a text-bound annotation's ID, and its line. */
struct id_line {
	uint64_t id, line;
};

/* The IDs of a file's text-bound annotations, to find duplicates. */
struct id_list {
	struct id_line *v;
	size_t	 n, cap;
};

/* An entity of one text-bound annotation line. */
struct entity {
	const char *type;
	size_t	 typelen;
	uint64_t start, end;
	uint64_t fragments;
};

static const struct tokens no_docstart = { 0, 0, true, true };
static const struct tokens unknown = { 0, 0, false, false };

static void
name_doc(struct bratdoc *d, const char *path, size_t index)
{
	const char *slash = strrchr(path, '/');
	size_t len;

	d->path = path;
	d->index = index;
	d->name = slash != NULL ? slash + 1 : path;
	len = strlen(d->name);
	if (len > 4 && strcmp(d->name + len - 4, ".ann") == 0)
		len -= 4;
	d->namelen = len;
}

static int
bratdoc_cmp(const void *x, const void *y)
{
	const struct bratdoc *a = x, *b = y;
	int c = doc_cmp(a->name, a->namelen, b->name, b->namelen);

	if (c != 0)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

static void
check_names(const struct bratdoc *docs, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (docs[i].namelen == 0 || docs[i].name[0] == '#' ||
		    strcspn(docs[i].name, "\t\r\n") < docs[i].namelen)
			die(EXIT_USAGE, "%s: a document name may not be empty, "
			    "begin with '#' or contain a TAB or newline; rename "
			    "the file", docs[i].path);
		if (i > 0 && doc_cmp(docs[i - 1].name, docs[i - 1].namelen,
		    docs[i].name, docs[i].namelen) == 0)
			die(EXIT_USAGE, "%s and %s are both document '%.*s' "
			    "(the file name without .ann); rename one",
			    docs[i - 1].path, docs[i].path,
			    (int)docs[i].namelen, docs[i].name);
	}
}

static const char *
parse_offset(const char *p, const char *end, uint64_t *v, bool *ok)
{
	bool digits = false;

	*v = 0;
	for (; p < end && *p >= '0' && *p <= '9'; p++, digits = true) {
		if (*v > (UINT64_MAX - 9) / 10)
			*ok = false;
		*v = *v * 10 + (uint64_t)(*p - '0');
	}
	if (!digits)
		*ok = false;
	return p;
}

/*
 * Parse "START END" fragments separated by ';' in [p, end) into the span
 * from the least start to the greatest end.
 */
static bool
parse_fragments(struct entity *e, const char *p, const char *end)
{
	uint64_t start, stop;
	bool ok = true;

	e->fragments = 0;
	e->start = e->end = 0;
	for (;;) {
		p = parse_offset(p, end, &start, &ok);
		if (p == end || *p++ != ' ')
			return false;
		p = parse_offset(p, end, &stop, &ok);
		if (!ok || stop <= start)
			return false;
		if (e->fragments == 0 || start < e->start)
			e->start = start;
		if (e->fragments == 0 || stop > e->end)
			e->end = stop;
		e->fragments++;
		if (p == end)
			return true;
		if (*p++ != ';')
			return false;
	}
}

static void
parse_entity(struct entity *e, const struct field *f, const char *file,
    uint64_t line)
{
	const char *space = memchr(f->p, ' ', f->len);

	if (space == NULL || space == f->p)
		die_at(file, line, "invalid text-bound annotation '%.*s': "
		    "expected TYPE START END", (int)f->len, f->p);
	e->type = f->p;
	e->typelen = (size_t)(space - f->p);
	if (!parse_fragments(e, space + 1, f->p + f->len))
		die_at(file, line, "invalid offsets '%.*s': expected START END "
		    "with END > START, or fragments START END;START END",
		    (int)(f->p + f->len - space - 1), space + 1);
}

static void
write_entity(const struct bratdoc *d, const struct entity *e,
    const struct field *text, const char *side, uint64_t line)
{
	out_write(d->name, d->namelen);
	out_str("\t0\t");
	out_str(side);
	out_tab();
	out_u64(e->start);
	out_tab();
	out_u64(e->end);
	out_tab();
	out_clean(e->type, e->typelen);
	out_str("\t1\t");
	out_clean(d->path, strlen(d->path));
	out_char(':');
	out_u64(line);
	out_tab();
	if (text != NULL)
		out_clean(text->p, text->len);
	out_nl();
	writer_record_done();
}

/*
 * Check that the line is an annotation of brat: its ID is a letter of an
 * annotation kind and a number, or '*' for an equivalence.  A text file or
 * a UTF-16 file read by mistake would otherwise give no entities at all.
 */
static void
check_annotation(const struct lines *in, const struct line *l)
{
	if (memchr(l->p, '\0', l->len) != NULL)
		die_at(in->name, in->lineno, "NUL byte in line: is this a "
		    "binary or UTF-16 file? (iconv -f UTF-16 -t UTF-8 "
		    "converts the latter)");
	if (l->p[0] == '*')
		return;
	if (strchr("TREAMN#", l->p[0]) == NULL || l->len < 2 ||
	    l->p[1] < '0' || l->p[1] > '9')
		die_at(in->name, in->lineno, "not a brat annotation: a line "
		    "starts with an ID such as T1, R1, E1, A1, N1, #1 or *; "
		    "give the .ann file, not the text file");
}

/*
 * Note the ID of a text-bound annotation when it is T and a number
 * without leading zeros, so that equal numbers are equal IDs (T01 and T1
 * differ).
 */
static void
note_id(struct id_list *t, const struct field *id, uint64_t line)
{
	uint64_t v = 0;
	size_t i;

	if (id->len > 2 && id->p[1] == '0')
		return;
	for (i = 1; i < id->len; i++) {
		if (id->p[i] < '0' || id->p[i] > '9' || v > UINT64_MAX / 10 - 1)
			return;
		v = v * 10 + (uint64_t)(id->p[i] - '0');
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n].id = v;
	t->v[t->n++].line = line;
}

static int
id_line_cmp(const void *x, const void *y)
{
	const struct id_line *a = x, *b = y;

	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* Stop at the second line of an ID that two annotations share. */
static void
check_ids(struct id_list *t, const char *file)
{
	size_t i;

	/* qsort() may not be given the null pointer of an empty list. */
	if (t->n > 1)
		qsort(t->v, t->n, sizeof *t->v, id_line_cmp);
	for (i = 1; i < t->n; i++)
		if (t->v[i].id == t->v[i - 1].id)
			die_at(file, t->v[i].line, "duplicate ID T%llu, also "
			    "on line %llu: give each annotation its own ID",
			    (unsigned long long)t->v[i].id,
			    (unsigned long long)t->v[i - 1].line);
	free(t->v);
}

static void
read_ann(struct lines *in, const struct bratdoc *d, const char *side)
{
	struct id_list ids = { NULL, 0, 0 };
	struct fields fs = { 0 };
	struct entity e;
	struct line l;
	uint64_t discontinuous = 0;

	writer_doc(d->name, d->namelen, &no_docstart);
	while (lines_next(in, &l)) {
		line_chomp_cr(&l);
		if (in->lineno == 1 && l.len >= 3 &&
		    memcmp(l.p, "\xEF\xBB\xBF", 3) == 0) {
			l.p += 3;
			l.len -= 3;
		}
		if (l.len == 0)
			continue;
		check_annotation(in, &l);
		if (l.p[0] != 'T')
			continue;
		fields_split(&fs, l.p, l.len, DELIM_TAB, '\t');
		if (fs.n < 2 || fs.n > 3)
			die_at(in->name, in->lineno, "invalid text-bound "
			    "annotation: expected ID<TAB>TYPE START END<TAB>"
			    "TEXT, found %zu field%s", fs.n,
			    fs.n == 1 ? "" : "s");
		note_id(&ids, &fs.f[0], in->lineno);
		parse_entity(&e, &fs.f[1], in->name, in->lineno);
		discontinuous += e.fragments > 1;
		write_entity(d, &e, fs.n == 3 ? &fs.f[2] : NULL, side,
		    in->lineno);
	}
	check_ids(&ids, in->name);
	writer_unit(d->name, d->namelen, "0", 1, &unknown);
	if (discontinuous > 0)
		warn_at(in->name, 0, "%llu discontinuous span%s read as one "
		    "span%s, from the smallest start to the largest end",
		    (unsigned long long)discontinuous,
		    discontinuous == 1 ? "" : "s",
		    discontinuous == 1 ? "" : " each");
	fields_free(&fs);
}

/*
 * Read the .ann files as documents of side gold or pred.  Returns the
 * exit status: 1 when a file could not be read.
 */
int
brat_run(char **paths, int npaths, bool pred, char **failed)
{
	struct bratdoc *docs;
	struct lines in;
	int i, status = 0;

	if (npaths == 0)
		die(EXIT_USAGE, "-i brat reads .ann files named on the command "
		    "line, one per document; none were given");
	docs = xmalloc((size_t)npaths * sizeof *docs);
	for (i = 0; i < npaths; i++)
		name_doc(&docs[i], paths[i], (size_t)i);
	qsort(docs, (size_t)npaths, sizeof *docs, bratdoc_cmp);
	check_names(docs, npaths);
	for (i = 0; i < npaths; i++) {
		if (lines_open(&in, docs[i].path) != 0) {
			input_failed(docs[i].path, failed);
			status = EXIT_DATA;
			continue;
		}
		read_ann(&in, &docs[i], pred ? "pred" : "gold");
		lines_close(&in);
	}
	free(docs);
	return status;
}
