/* err: diagnostics in the form "program: file:line: message" and exits. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "out.h"

const char *progname = "nertools";

void
err_init(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	progname = slash != NULL ? slash + 1 : argv0;
}

static void
vmessage(const char *file, uint64_t line, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", progname);
	if (file != NULL && line > 0)
		fprintf(stderr, "%s:%llu: ", file, (unsigned long long)line);
	else if (file != NULL)
		fprintf(stderr, "%s: ", file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
}

void
warn_at(const char *file, uint64_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap);
	va_end(ap);
}

/*
 * Exit without flushing buffered standard output, so that a failed run
 * never leaves a tail that a reader could take for a whole result.
 */
noreturn void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
	out_abandon();
	exit(status);
}

noreturn void
die_at(const char *file, uint64_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap);
	va_end(ap);
	out_abandon();
	exit(EXIT_DATA);
}

noreturn void
die_nomem(void)
{
	die(EXIT_DATA, "out of memory");
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		die_nomem();
	return p;
}

void *
xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
		die_nomem();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		die_nomem();
	return p;
}

char *
xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
