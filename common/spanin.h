/*
 * spanin: read the span records that users write (nerspan -i spans) and
 * brat standoff files (nerspan -i brat), and write them as a span stream.
 */
#ifndef NERTOOLS_SPANIN_H
#define NERTOOLS_SPANIN_H

#include <stdbool.h>

int	spanin_run(char **paths, int npaths, char **failed);
int	brat_run(char **paths, int npaths, bool pred, char **failed);
void	input_failed(const char *path, char **failed);
void	input_unusable(const char *path, const char *why, char **failed);

#endif
