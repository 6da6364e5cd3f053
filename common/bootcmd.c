/*
 * bootcmd: nerscore --ci reads every file as one input and resamples its
 * units.  nerscore --compare reads two inputs and pairs their units by
 * name, then checks that their gold entities agree and resamples the pairs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bootcmd.h"
#include "err.h"
#include "stream.h"

struct input {
	struct tally t;
	struct unitload l;
	const char *name;
};

static void
input_read(struct input *in, const char *path)
{
	struct stream s;

	if (stream_open(&s, path, STREAM_MATCHES | STREAM_COUNTS) != 0)
		die(EXIT_DATA, "%s: %s", path, strerror(errno));
	tally_read(&in->t, &s);
	if (s.incomplete != NULL)
		die_at(s.in.name, 0, "the input is incomplete, so no scores "
		    "are printed: %s", s.incomplete);
	stream_close(&s);
}

/* Read files[0..n) as one input. */
static void
input_load(struct input *in, char **files, int n)
{
	int i;

	tally_init(&in->t);
	unitload_init(&in->l, &in->t);
	in->name = n == 1 && strcmp(files[0], "-") != 0 ? files[0] :
	    n == 1 ? "<stdin>" : "the input";
	for (i = 0; i == 0 || i < n; i++)
		input_read(in, i < n ? files[i] : "-");
	if (in->t.grain == GRAIN_TOTAL)
		die(EXIT_DATA, "%s: resampling needs per-document or "
		    "per-sentence counts, but the input has only total counts; "
		    "write them with --counts=sent", in->name);
	if (in->t.total_rows)
		die(EXIT_DATA, "%s: resampling needs every count row in a "
		    "document, but the input has rows with an empty doc field; "
		    "write them with --counts=sent", in->name);
}

static void
input_free(struct input *in)
{
	unitload_free(&in->l);
	tally_free(&in->t);
}

/*
 * Choose the unit: documents when the input marks them (a -DOCSTART-
 * line, or tokens or entities outside sentences) or has no sentences,
 * else sentences.
 */
static enum boot_unit
choose_unit(const struct bootcli *c, const struct input *in, int n)
{
	bool marked = false, sents = true;
	int i;

	for (i = 0; i < n; i++) {
		marked = marked || in[i].l.marked;
		sents = sents && in[i].t.grain == GRAIN_UNIT;
	}
	if (c->unit == BOOT_UNIT_SENT && !sents)
		die(EXIT_DATA, "--unit=sent needs per-sentence counts, but the "
		    "input has per-document counts only; write them with "
		    "--counts=sent");
	if (c->unit != BOOT_UNIT_AUTO)
		return c->unit;
	return marked || !sents ? BOOT_UNIT_DOC : BOOT_UNIT_SENT;
}

static const struct unitset *
units_of(const struct input *in, enum boot_unit u)
{
	return u == BOOT_UNIT_DOC ? &in->l.docs : &in->l.sents;
}

static void
check_units(const struct unitset *u, enum boot_unit unit, const char *name)
{
	if (u->n >= 2)
		return;
	die(EXIT_DATA, "%s: resampling needs at least 2 units, but the input "
	    "has %zu %s%s%s", name, u->n, unit == BOOT_UNIT_DOC ? "document" :
	    "sentence", u->n == 1 ? "" : "s", unit == BOOT_UNIT_DOC ?
	    "; resample sentences with --unit=sent" : "");
}

static void
run_ci(struct bootcli *c, int nfiles, char **files)
{
	struct input in;
	struct bootresult res;
	enum boot_unit unit;
	const struct unitset *u;

	input_load(&in, files, nfiles);
	unit = choose_unit(c, &in, 1);
	u = units_of(&in, unit);
	check_units(u, unit, in.name);
	c->view.unit = unit == BOOT_UNIT_DOC ? "document" : "sentence";
	boot_run(&res, u, NULL, NULL, c->first_mode, c->last_mode,
	    &c->view.ro.sc, &c->view.bo);
	bootreport_ci(&res, &c->view);
	boot_free(&res);
	input_free(&in);
}

static void
run_compare(struct bootcli *c, char **files)
{
	struct input in[2];
	struct bootresult res;
	enum boot_unit unit;
	const struct unitset *u[2];
	size_t *b_of_a;
	int k;

	if (strcmp(files[0], "-") == 0 && strcmp(files[1], "-") == 0)
		die(EXIT_USAGE, "--compare reads two inputs; at most one of "
		    "them can be standard input");
	for (k = 0; k < 2; k++)
		input_load(&in[k], &files[k], 1);
	unit = choose_unit(c, in, 2);
	for (k = 0; k < 2; k++) {
		u[k] = units_of(&in[k], unit);
		c->view.input[k] = in[k].name;
	}
	check_units(u[0], unit, in[0].name);
	b_of_a = xcalloc(u[0]->n, sizeof *b_of_a);
	unitset_pair(u[0], in[0].name, u[1], in[1].name, b_of_a);
	boot_check_gold(u[0], in[0].name, u[1], in[1].name, b_of_a);
	c->view.unit = unit == BOOT_UNIT_DOC ? "document" : "sentence";
	boot_run(&res, u[0], u[1], b_of_a, c->first_mode, c->last_mode,
	    &c->view.ro.sc, &c->view.bo);
	bootreport_compare(&res, &c->view);
	boot_free(&res);
	free(b_of_a);
	for (k = 0; k < 2; k++)
		input_free(&in[k]);
}

void
bootcmd_run(struct bootcli *c, int nfiles, char **files)
{
	if (!c->compare) {
		run_ci(c, nfiles, files);
		return;
	}
	if (nfiles != 2)
		die(EXIT_USAGE, "--compare needs two inputs, the first model's "
		    "and the second's, but %d %s given", nfiles,
		    nfiles == 1 ? "was" : "were");
	run_compare(c, files);
}
