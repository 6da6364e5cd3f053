/* out: buffered standard output with write errors detected. */
#ifndef NERTOOLS_OUT_H
#define NERTOOLS_OUT_H

#include <stddef.h>
#include <stdint.h>

void	out_write(const void *p, size_t len);
void	out_str(const char *s);
void	out_char(char c);
void	out_tab(void);
void	out_nl(void);
void	out_u64(uint64_t v);
void	out_i64(int64_t v);
void	out_fixed(double v, int digits);
void	out_printf(const char *fmt, ...);
void	out_flush(void);
void	out_abandon(void);
int	out_finish(int status);

#endif
