/*
 * fuzz: support for the libFuzzer harnesses.  A harness runs a parser on
 * the fuzz input as the program would read it, from a file, and takes an
 * exit through die() as a normal outcome: the build links with
 * -Wl,--wrap=exit, so exit() jumps back to fuzz_call() instead of ending
 * the process.  Such a jump leaves the run's memory and files behind, as
 * an exit would; fuzz_call() frees and closes them (see fuzz.c).
 */
#ifndef NERTOOLS_FUZZ_H
#define NERTOOLS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/*
 * Run fn(arg) and return its result, or the status it passed to exit().
 * Then reset, when not NULL, puts back the program's options, and
 * fuzz_call() puts back the globals of common/.
 */
int	fuzz_call(int (*fn)(void *), void *arg, void (*reset)(void));
/* Store data in file slot 0-3 and return a path that opens it. */
const char *fuzz_file(int slot, const uint8_t *data, size_t size);
/* Send standard output to /dev/null again (a program closes it). */
void	fuzz_quiet(void);

#endif
