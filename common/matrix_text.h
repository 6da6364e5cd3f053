/*
 * matrix_text: write the confusion matrix as wide TSV, long TSV or an
 * aligned table, and the list of the most frequent confusions.
 */
#ifndef NERTOOLS_MATRIX_TEXT_H
#define NERTOOLS_MATRIX_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "matrix.h"

void	matrix_write_wide(const struct matrix *m);
void	matrix_write_long(const struct matrix *m);
void	matrix_write_table(const struct matrix *m, bool color);
void	matrix_write_top(const struct matrix *m, const struct examples *e,
	    size_t limit, bool table);

#endif
