/*
 * json: the pieces of nerscore's JSON documents.  Every string is
 * escaped so that the output parses, whatever bytes a type name contains.
 */
#ifndef NERTOOLS_JSON_H
#define NERTOOLS_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "report.h"

void	json_string(const char *s, size_t len);
void	json_key(const char *key);
void	json_ratio(const char *key, const struct ratio *r, int digits);
void	json_u64(const char *key, uint64_t v);
void	json_settings(const struct report_opts *o);

#endif
