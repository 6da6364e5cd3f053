/*
 * hot: inlining hints for the code that runs once per line or record.
 * They mark the few places where the benchmark showed the compiler's
 * own choice to be slower.  Compilers other than gcc and clang get none.
 */
#ifndef NERTOOLS_HOT_H
#define NERTOOLS_HOT_H

#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE __attribute__((always_inline)) inline
#define NOINLINE __attribute__((noinline))
#else
#define ALWAYS_INLINE inline
#define NOINLINE
#endif

#endif
