/* compat: read a CoNLL file exactly as conlleval.pl (2004-01-26) does. */
#ifndef NERTOOLS_COMPAT_H
#define NERTOOLS_COMPAT_H

#include "conll.h"
#include "sentence.h"

void	read_compat(struct conll_file *f, const struct conll_opts *o,
	    struct decoder *d);

#endif
