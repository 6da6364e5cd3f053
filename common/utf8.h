/*
 * utf8: decode UTF-8, replace what is invalid, and measure display width
 * in terminal columns (a monospace font's character cells).
 */
#ifndef NERTOOLS_UTF8_H
#define NERTOOLS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFD

size_t	utf8_decode(const char *p, size_t len, uint32_t *cp);
int	utf8_char_width(uint32_t cp);
size_t	utf8_width(const char *p, size_t len);
size_t	utf8_prefix(const char *p, size_t len, size_t columns);
void	utf8_out_clean(const char *p, size_t len, bool xml);
char	*utf8_clean_copy(const char *p, size_t len);

#endif
