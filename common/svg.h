/* svg: write the confusion matrix as a self-contained SVG heatmap. */
#ifndef NERTOOLS_SVG_H
#define NERTOOLS_SVG_H

#include "matrix.h"

void	svg_write(const struct matrix *m);

#endif
