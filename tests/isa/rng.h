/* A small deterministic PRNG (xoshiro256**, seeded through splitmix64), so
   that a seed names exactly one set of test cases on every machine. */
#ifndef ELFRUN_TESTS_ISA_RNG_H_
#define ELFRUN_TESTS_ISA_RNG_H_

#include "isa.h"

struct rng {
  u64 s[4];
};

static inline u64 rng_splitmix(u64 *x) {
  u64 z = (*x += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

static inline void rng_seed(struct rng *r, u64 seed) {
  for (int i = 0; i < 4; i++) r->s[i] = rng_splitmix(&seed);
}

static inline u64 rng_rotl(u64 x, int k) { return (x << k) | (x >> (64 - k)); }

static inline u64 rng_next(struct rng *r) {
  u64 *s = r->s;
  u64 result = rng_rotl(s[1] * 5, 7) * 9;
  u64 t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rng_rotl(s[3], 45);
  return result;
}

/* Uniform in [0, n), n > 0 (the bias of the modulo is irrelevant here). */
static inline u32 rng_below(struct rng *r, u32 n) { return (u32)(rng_next(r) % n); }

/* True with probability percent/100. */
static inline int rng_chance(struct rng *r, u32 percent) { return rng_below(r, 100) < percent; }

static inline u64 rng_bits(struct rng *r, u32 width) {
  return width >= 64 ? rng_next(r) : rng_next(r) & ((1ull << width) - 1);
}

#endif
