/*
 * matrix: the confusion matrix of gold types against predicted types, kept
 * sparse (only non-zero cells), with the cell values of each view and one
 * example match record per cell for nermatrix --top.
 */
#ifndef NERTOOLS_MATRIX_H
#define NERTOOLS_MATRIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "counts.h"
#include "stream.h"

#define HEADING_MAX 160

/* The divisor of each cell. */
enum norm {
	NORM_NONE,	/* raw counts */
	NORM_GOLD,	/* the total of the cell's gold type: recall view */
	NORM_PRED	/* the total of the cell's predicted type: precision */
};

struct matrix_opts {
	bool	 overlap;	/* any overlap pairs entities, not only exact */
	bool	 transpose;	/* rows are predicted types, columns gold */
	bool	 errors;	/* blank the diagonal */
	enum norm norm;
	int	 digits;	/* decimals of shares */
};

/* An entry of a pair map: a and b are type ids or positions. */
struct pcell {
	uint32_t a, b;
	uint64_t n;
	size_t	 aux;
};

/* A hash map from (a, b) to a pcell. */
struct pairmap {
	struct pcell *cells;
	size_t	 ncells, cap;
	size_t	*slots;
	size_t	 nslots;
};

/* A non-zero cell of the displayed matrix. */
struct mcell {
	uint32_t row, col;
	uint64_t n;
};

/*
 * Axis positions 0 to n - 1 are the types in name order.  Position n is
 * the spurious row on the gold axis and the missed column on the
 * predicted axis.  Rows and columns are display positions, which are the
 * gold and predicted positions, swapped when transposed.
 */
struct matrix {
	struct matrix_opts o;
	uint32_t n;
	uint32_t *ids;		/* by position: type id */
	uint32_t *pos;		/* by type id: position */
	struct mcell *cells;	/* non-zero cells by row, then column */
	size_t	 ncells;
	size_t	*row_start;	/* by row: index of its first cell; n + 2 */
	uint64_t *gold_total;	/* by gold position */
	uint64_t *pred_total;	/* by predicted position */
	double	 scale_max;	/* the largest value shown */
};

enum vkind {
	V_COUNT,
	V_SHARE,
	V_NA,		/* a share of an empty total */
	V_BLANK		/* the corner, or the diagonal when errors are shown */
};

struct mvalue {
	enum vkind kind;
	uint64_t n;
	double	 share;
};

/*
 * The example of a cell, for --top: the first match record seen in it,
 * unless that record is a pair split into a miss and a spurious
 * prediction and a true missed or spurious record comes later.
 */
struct example {
	char	*source, *gold_text, *pred_text;
	bool	 split;
};

struct examples {
	struct pairmap map;	/* by (gold id, pred id); aux: index + 1 */
	struct example *recs;
	size_t	 nrecs, cap;
	bool	 overlap;
	int	 source, gold_text, pred_text;	/* the stream's columns */
};

void	pairmap_add(struct pairmap *m, uint32_t a, uint32_t b, uint64_t n,
	    size_t *index);
struct pcell *pairmap_find(const struct pairmap *m, uint32_t a, uint32_t b);
void	pairmap_free(struct pairmap *m);

void	matrix_build(struct matrix *m, const struct counts *c,
	    const struct matrix_opts *o);
void	matrix_free(struct matrix *m);
void	matrix_row(const struct matrix *m, uint32_t row, uint64_t *counts);
void	matrix_axes(const struct matrix *m, uint32_t row, uint32_t col,
	    uint32_t *gold, uint32_t *pred);
struct mvalue matrix_value(const struct matrix *m, uint32_t row, uint32_t col,
	    uint64_t n);
size_t	matrix_format(const struct matrix *m, const struct mvalue *v,
	    char *buf, size_t size);
const char *matrix_label(const struct matrix *m, uint32_t i, bool row,
	    size_t *len);
const char *matrix_axis_name(const struct matrix *m, bool row);
const char *matrix_pairs_text(const struct matrix *m);
const char *matrix_values_text(const struct matrix *m);
void	matrix_heading(const struct matrix *m, int part, char *buf,
	    size_t size);
void	matrix_check_size(const struct matrix *m, uint32_t max_types,
	    const char *format);
const struct mcell **matrix_top(const struct matrix *m, size_t limit,
	    size_t *count);

void	examples_init(struct examples *e, bool overlap);
void	examples_columns(struct examples *e, const struct stream *s);
void	examples_on_match(void *arg, const struct stream *s, uint32_t cls,
	    uint32_t gold, uint32_t pred);
const struct example *examples_find(const struct examples *e,
	    const struct matrix *m, const struct mcell *c);
void	examples_free(struct examples *e);

#endif
