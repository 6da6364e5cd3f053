/*
 * rng: a portable pseudo-random number generator, xoshiro256** seeded by
 * splitmix64, with an unbiased draw below a bound.  All arithmetic is on
 * 64-bit unsigned integers, so a seed gives the same sequence everywhere.
 */
#ifndef NERTOOLS_RNG_H
#define NERTOOLS_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s[4];
};

void	rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
uint64_t rng_below(struct rng *r, uint64_t bound);

#endif
