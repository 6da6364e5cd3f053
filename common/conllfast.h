/* conllfast: the fast paths of the CoNLL reader, for conll.c alone. */
#ifndef NERTOOLS_CONLLFAST_H
#define NERTOOLS_CONLLFAST_H

#include <stdbool.h>
#include <stdint.h>

#include "conll.h"

void	conll_fast_init(struct conll_file *f, const struct conll_opts *o);
uint64_t conll_outside_run(struct conll_file *f, const struct conll_opts *o);
bool	conll_simple_line(struct conll_file *f, enum conll_line *k);
void	conll_fast_free(struct conll_file *f);

#endif
