/*
 * rng: xoshiro256** 1.0 (Blackman and Vigna, 2018), its state filled by
 * four outputs of splitmix64 (Steele, Lea and Flood, 2014) from the seed,
 * as the authors recommend.  Written from the published definitions.
 */
#include "rng.h"

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z;

	*x += 0x9e3779b97f4a7c15ULL;
	z = *x;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void
rng_seed(struct rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/*
 * Return a number from 0 to bound - 1, each equally likely (bound > 0).
 * Outputs below 2^64 mod bound are drawn again, so that the values kept
 * cover every residue the same number of times.
 */
uint64_t
rng_below(struct rng *r, uint64_t bound)
{
	uint64_t reject = (0 - bound) % bound;
	uint64_t x;

	do
		x = rng_next(r);
	while (x < reject);
	return x % bound;
}
