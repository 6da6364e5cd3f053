/*
 * unitkey: the order of units in a stream, by document name, then unit
 * number, which nermatch needs to pair the units of two streams.
 */
#ifndef NERTOOLS_UNITKEY_H
#define NERTOOLS_UNITKEY_H

#include <stdbool.h>
#include <stddef.h>

bool	name_is_number(const char *p, size_t len);
int	doc_cmp(const char *a, size_t alen, const char *b, size_t blen);
const char *sort_advice(int doccol, int sentcol, bool numeric);

#endif
