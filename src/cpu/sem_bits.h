#ifndef ELFRUN_CPU_SEM_BITS_H_
#define ELFRUN_CPU_SEM_BITS_H_

/* Bit-manipulation semantics shared by the integer families and a future
   JIT: rotates, bit and byte reversal, leading-bit counts, and the Arm ARM
   DecodeBitMasks() used to decode logical immediates and bitfield moves.
   Pure functions: values in, value out. */

#include "base/types.h"

/* Arm ARM ROR(). Written so that r == 0 is defined and compiles to one
   rotate instruction. */
static inline u64 ror64(u64 x, u32 r) { return x >> (r & 63) | x << (-r & 63); }
static inline u32 ror32(u32 x, u32 r) { return x >> (r & 31) | x << (-r & 31); }

/* Arm ARM BitReverse(): swap ever smaller halves, ending with the bytes. */
static inline u64 rbit64(u64 x) {
  x = (x >> 1 & 0x5555555555555555ull) | (x & 0x5555555555555555ull) << 1;
  x = (x >> 2 & 0x3333333333333333ull) | (x & 0x3333333333333333ull) << 2;
  x = (x >> 4 & 0x0f0f0f0f0f0f0f0full) | (x & 0x0f0f0f0f0f0f0f0full) << 4;
  return __builtin_bswap64(x);
}
static inline u32 rbit32(u32 x) { return (u32)(rbit64(x) >> 32); }

/* REV16: reverse the bytes of each halfword. */
static inline u64 rev16_64(u64 x) {
  return (x >> 8 & 0x00ff00ff00ff00ffull) | (x & 0x00ff00ff00ff00ffull) << 8;
}

/* REV32: reverse the bytes of each word. */
static inline u64 rev32_64(u64 x) { return ror64(__builtin_bswap64(x), 32); }

/* Arm ARM CountLeadingZeroBits(); unlike __builtin_clz, defined for 0. */
static inline u32 clz64(u64 x) { return x ? (u32)__builtin_clzll(x) : 64; }
static inline u32 clz32(u32 x) { return x ? (u32)__builtin_clz(x) : 32; }

/* Arm ARM CountLeadingSignBits(x) = CountLeadingZeroBits(x<N-1:1> EOR
   x<N-2:0>). Bit i of x ^ (x << 1) is x<i> EOR x<i-1>, so its top N-1 bits
   are that value; the 1 in bit 0 stops the count at N-1. */
static inline u32 cls64(u64 x) { return (u32)__builtin_clzll((x ^ x << 1) | 1); }
static inline u32 cls32(u32 x) { return (u32)__builtin_clz((x ^ x << 1) | 1); }

/* Ones(n) for 0 <= n <= 64. */
static inline u64 ones64(u32 n) { return n >= 64 ? ~0ull : (1ull << n) - 1; }

/* Arm ARM Replicate(): copies the low esize bits across all 64. */
static inline u64 replicate64(u64 elem, u32 esize) {
  for (u32 size = esize; size < 64; size *= 2) elem |= elem << size;
  return elem;
}

/* Arm ARM DecodeBitMasks(immN, imms, immr, immediate, M) for M = datasize
   (32 or 64). Returns false for the encodings the pseudocode makes
   UNDEFINED: no element size (len < 1), an element wider than datasize,
   and, for logical immediates, the all-ones element. The results are
   truncated to datasize bits. */
static inline bool decode_bit_masks(u32 immn, u32 imms, u32 immr, bool immediate,
                                    u32 datasize, u64 *wmask, u64 *tmask) {
  u32 field = immn << 6 | (~imms & 0x3f);
  if (field == 0) return false;
  u32 len = 31 - (u32)__builtin_clz(field); /* HighestSetBit */
  if (len < 1 || (1u << len) > datasize) return false;
  u32 levels = (1u << len) - 1;
  if (immediate && (imms & levels) == levels) return false;
  u32 s = imms & levels, r = immr & levels;
  u32 esize = 1u << len;
  u32 d = (s - r) & levels; /* diff<len-1:0> of the 6-bit S - R */
  u64 emask = ones64(esize);
  u64 welem = ones64(s + 1);
  u64 telem = ones64(d + 1);
  /* ROR(welem, R) within an esize-bit element */
  u64 wrot = r ? ((welem >> r) | (welem << (esize - r))) & emask : welem;
  u64 dmask = ones64(datasize);
  *wmask = replicate64(wrot, esize) & dmask;
  *tmask = replicate64(telem, esize) & dmask;
  return true;
}

#endif
