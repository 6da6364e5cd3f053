/* countrec: write counts as the records of a count stream, nertools(5). */
#ifndef NERTOOLS_COUNTREC_H
#define NERTOOLS_COUNTREC_H

#include <stddef.h>

#include "counts.h"

void	countrec_header(void);
void	countrec_group(const struct counts *c, const char *doc, size_t doclen,
	    const char *sent, size_t sentlen);
void	countrec_doc_end(const char *doc, size_t doclen);
void	countrec_end(const char *incomplete);

#endif
