/* err: diagnostics in the form "program: file:line: message" and exits. */
#ifndef NERTOOLS_ERR_H
#define NERTOOLS_ERR_H

#include <stdint.h>
#include <stdnoreturn.h>

enum {
	EXIT_DATA = 1,	/* bad input data, a failed read or write */
	EXIT_USAGE = 2	/* bad options or arguments */
};

extern const char *progname;

void	err_init(const char *argv0);
void	warnx(const char *fmt, ...);
void	warn_at(const char *file, uint64_t line, const char *fmt, ...);
noreturn void die(int status, const char *fmt, ...);
noreturn void die_at(const char *file, uint64_t line, const char *fmt, ...);
noreturn void die_nomem(void);
void	*xmalloc(size_t size);
void	*xrealloc(void *ptr, size_t size);
void	*xcalloc(size_t n, size_t size);
char	*xstrndup(const char *s, size_t len);

#endif
