/*
 * nermatrix: read match records (or count records) and write the confusion
 * matrix of gold types (rows) against predicted types (columns), with a
 * column of missed gold entities and a row of spurious predictions.
 * Leans on common/tally (reading) and common/counts (the cells).
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counts.h"
#include "err.h"
#include "out.h"
#include "stream.h"
#include "tally.h"
#include "version.h"

static const char usage_line[] =
    "usage: nermatrix [-f format] [-p exact|overlap] [file ...]\n";

static const char help_text[] =
    "Write the confusion matrix of gold types (rows) against predicted\n"
    "types (columns), with a column of missed gold entities and a row of\n"
    "spurious predictions.\n"
    "\n"
    "  -f, --format=FORMAT    tsv (default) or table\n"
    "  -p, --pairs=exact|overlap  which pairs count as the same entity:\n"
    "                         exact boundaries (default; any other pair is\n"
    "                         a miss plus a spurious prediction) or any\n"
    "                         overlap\n"
    "  -h, --help             print this help and exit\n"
    "  -V, --version          print the version and exit\n"
    "\n"
    "Examples:\n"
    "  nerspan test.conll | nermatch | nermatrix -f table\n"
    "  nerspan test.conll | nermatch | nermatrix -p overlap\n";

enum format {
	FMT_TSV,
	FMT_TABLE
};

struct options {
	enum format format;
	bool	 overlap;
};

/* The matrix: n types, then the missed column and the spurious row. */
struct matrix {
	uint32_t *ids;		/* type ids in name order */
	uint32_t n;
	uint32_t *index;	/* by type id: position in ids */
	uint64_t *cell;		/* (n + 1) x (n + 1), row-major */
};

static struct options opt;

static noreturn void
usage(void)
{
	fputs(usage_line, stderr);
	exit(EXIT_USAGE);
}

static void
parse_options(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "pairs", required_argument, NULL, 'p' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "f:hp:V", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "tsv") == 0)
				opt.format = FMT_TSV;
			else if (strcmp(optarg, "table") == 0)
				opt.format = FMT_TABLE;
			else
				die(EXIT_USAGE, "invalid format '%s': expected "
				    "tsv or table", optarg);
			break;
		case 'h':
			out_str(usage_line);
			out_str(help_text);
			exit(out_finish(0));
		case 'p':
			if (strcmp(optarg, "exact") == 0)
				opt.overlap = false;
			else if (strcmp(optarg, "overlap") == 0)
				opt.overlap = true;
			else
				die(EXIT_USAGE, "invalid --pairs '%s': expected "
				    "exact or overlap", optarg);
			break;
		case 'V':
			out_str("nermatrix (nertools) " NERTOOLS_VERSION "\n");
			exit(out_finish(0));
		default:
			usage();
		}
	}
}

static int
id_cmp(const void *x, const void *y)
{
	return type_cmp_ids(*(const uint32_t *)x, *(const uint32_t *)y);
}

static uint64_t *
at(struct matrix *m, uint32_t row, uint32_t col)
{
	return &m->cell[(size_t)row * (m->n + 1) + col];
}

/*
 * Fill the matrix.  A pair with other boundaries lands in its cell only
 * when overlaps count; otherwise it is a miss and a spurious prediction.
 */
static void
build(struct matrix *m, const struct counts *c)
{
	uint32_t ntypes = type_count(), i;
	size_t k;

	m->ids = xmalloc((ntypes ? ntypes : 1) * sizeof *m->ids);
	m->index = xmalloc((ntypes ? ntypes : 1) * sizeof *m->index);
	for (i = 0; i < ntypes; i++)
		m->ids[i] = i;
	qsort(m->ids, ntypes, sizeof *m->ids, id_cmp);
	m->n = ntypes;
	for (i = 0; i < ntypes; i++)
		m->index[m->ids[i]] = i;
	m->cell = xcalloc((size_t)(m->n + 1) * (m->n + 1), sizeof *m->cell);
	for (k = 0; k < c->ncells; k++) {
		const struct cell *e = &c->cells[k];
		uint32_t g = e->gold == TYPE_NONE ? m->n : m->index[e->gold];
		uint32_t p = e->pred == TYPE_NONE ? m->n : m->index[e->pred];
		bool same = e->cls == CLS_EXACT || e->cls == CLS_WRONG_TYPE;

		if (e->cls == CLS_MISSED || e->cls == CLS_SPURIOUS ||
		    same || opt.overlap) {
			*at(m, g, p) = add_u64(*at(m, g, p), e->n);
			continue;
		}
		*at(m, g, m->n) = add_u64(*at(m, g, m->n), e->n);
		*at(m, m->n, p) = add_u64(*at(m, m->n, p), e->n);
	}
}

static const char *
label(const struct matrix *m, uint32_t i, bool row, size_t *len)
{
	const char *s;

	if (i < m->n) {
		s = type_name(m->ids[i], len);
		if (*len == 0 && opt.format == FMT_TABLE) {
			*len = 7;
			return "(empty)";
		}
		return s;
	}
	s = row ? "(spurious)" : "(missed)";
	*len = strlen(s);
	return s;
}

static const char *
corner(void)
{
	return opt.overlap ? "gold\\pred (any overlap)" :
	    "gold\\pred (exact boundaries)";
}

static void
write_tsv(struct matrix *m)
{
	uint32_t r, c;
	size_t len;
	const char *s;

	out_str(corner());
	for (c = 0; c <= m->n; c++) {
		out_tab();
		s = label(m, c, false, &len);
		out_write(s, len);
	}
	out_nl();
	for (r = 0; r <= m->n; r++) {
		s = label(m, r, true, &len);
		out_write(s, len);
		for (c = 0; c <= m->n; c++) {
			out_tab();
			if (r < m->n || c < m->n)
				out_u64(*at(m, r, c));
		}
		out_nl();
	}
}

static int
digits_of(uint64_t v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static void
pad(int n)
{
	while (n-- > 0)
		out_char(' ');
}

static void
write_table(struct matrix *m)
{
	uint32_t r, c;
	size_t len;
	int w = 0, first = 9;
	const char *s;

	for (r = 0; r <= m->n; r++) {
		label(m, r, true, &len);
		if ((int)len > first)
			first = (int)len;
		label(m, r, false, &len);
		if ((int)len > w)
			w = (int)len;
		for (c = 0; c <= m->n; c++)
			if (digits_of(*at(m, r, c)) > w)
				w = digits_of(*at(m, r, c));
	}
	out_printf("rows: gold type; columns: predicted type; %s\n",
	    opt.overlap ? "any overlap pairs a gold and a predicted entity" :
	    "only exact boundaries pair a gold and a predicted entity");
	out_str("gold\\pred");
	pad(first - 9);
	for (c = 0; c <= m->n; c++) {
		s = label(m, c, false, &len);
		pad(w + 2 - (int)len);
		out_write(s, len);
	}
	out_nl();
	for (r = 0; r <= m->n; r++) {
		s = label(m, r, true, &len);
		out_write(s, len);
		pad(first - (int)len);
		for (c = 0; c <= m->n; c++) {
			if (r == m->n && c == m->n)
				break;
			pad(w + 2 - digits_of(*at(m, r, c)));
			out_u64(*at(m, r, c));
		}
		out_nl();
	}
}

int
main(int argc, char **argv)
{
	struct tally t;
	struct stream s;
	struct matrix m;
	int i;

	err_init(argv[0]);
	parse_options(argc, argv);

	tally_init(&t);
	for (i = optind; i == optind || i < argc; i++) {
		const char *path = i < argc ? argv[i] : "-";

		if (stream_open(&s, path, STREAM_MATCHES | STREAM_COUNTS) != 0)
			die(EXIT_DATA, "%s: %s", path, strerror(errno));
		tally_read(&t, &s);
		if (s.incomplete != NULL)
			die_at(s.in.name, 0, "the input is incomplete, so no "
			    "matrix is printed: %s", s.incomplete);
		stream_close(&s);
	}
	build(&m, &t.total);
	if (opt.format == FMT_TSV)
		write_tsv(&m);
	else
		write_table(&m);
	free(m.ids);
	free(m.index);
	free(m.cell);
	tally_free(&t);
	return out_finish(0);
}
