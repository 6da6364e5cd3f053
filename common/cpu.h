/*
 * cpu: the instructions beyond the compiler's baseline that a function may
 * use when the processor has them, chosen at run time: AVX-512BW for the
 * bitmaps of linebits.c, POPCNT for counting lines in conllfast.c.  Only
 * on x86-64 with gcc or clang; a build with NERTOOLS_NO_SSE2 uses none,
 * so that `make check-portable` runs the plain code.
 */
#ifndef NERTOOLS_CPU_H
#define NERTOOLS_CPU_H

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(NERTOOLS_NO_SSE2)
#define NERTOOLS_X86 1
/* A function built for the instructions isa too, such as "popcnt". */
#define TARGET(isa) __attribute__((target(isa)))
/* Tell whether this processor has the instructions isa. */
#define CPU_HAS(isa) __builtin_cpu_supports(isa)
#endif

#endif
