#include "values.h"

#include <string.h>

/* Interesting encodings per floating-point width: zeros, infinities, quiet
   and signalling NaNs with and without payload, the smallest and largest
   denormals and normals, and values next to conversion limits (2^31, 2^32,
   2^63, 2^64) and rounding ties (0.5, 1.5, 2.5). */
static const u16 kHalf[] = {
    0x0000, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0xfe00, 0x7d00, 0x7c01, 0xfd55, 0x7e55,
    0x0001, 0x8001, 0x03ff, 0x83ff, 0x0400, 0x8400, 0x7bff, 0xfbff, 0x3c00, 0xbc00,
    0x3800, 0x3e00, 0x4100, 0xb800, 0x4000, 0x7800, 0x0200, 0x3bff, 0x3c01, 0x5640,
};
static const u32 kSingle[] = {
    0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
    0x7fa00000, 0x7f800001, 0xff812345, 0x7fc12345, 0x00000001, 0x807fffff,
    0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff, 0x3f800000, 0xbf800000,
    0x40000000, 0x3f000000, 0x3fc00000, 0x40200000, 0xbfc00000, 0x4f000000,
    0x4f800000, 0xcf000000, 0x5f000000, 0x5f800000, 0xdf000000, 0x4effffff,
    0x3effffff, 0x00400000, 0x33800000, 0x387fc000, 0x477fe000, 0x477ff000,
};
static const u64 kDouble[] = {
    0x0000000000000000, 0x8000000000000000, 0x7ff0000000000000, 0xfff0000000000000,
    0x7ff8000000000000, 0xfff8000000000000, 0x7ff4000000000000, 0x7ff0000000000001,
    0xfff0000012345678, 0x7ff8000012345678, 0x0000000000000001, 0x800fffffffffffff,
    0x0010000000000000, 0x8010000000000000, 0x7fefffffffffffff, 0x3ff0000000000000,
    0xbff0000000000000, 0x4000000000000000, 0x3fe0000000000000, 0x3ff8000000000000,
    0x4004000000000000, 0x41e0000000000000, 0x41f0000000000000, 0x43e0000000000000,
    0x43f0000000000000, 0xc3e0000000000000, 0xc1e0000000200000, 0x41dfffffffc00000,
    0x47efffffe0000000, 0x47efffff00000000, 0x3810000000000000, 0x36a0000000000000,
    0x380fffffffffffff, 0x47f0000000000000, 0x3690000000000001, 0x3e70000000000000,
};

/* Integers exactly representable in every width, as floating point. */
static u64 small_float(struct rng *r, u32 width) {
  i32 v = (i32)rng_below(r, 41) - 20;
  u32 halves = rng_chance(r, 50); /* v + 0.5: a rounding tie */
  double d = v + (halves ? 0.5 : 0.0);
  if (width == 64) {
    u64 b;
    memcpy(&b, &d, 8);
    return b;
  }
  float f = (float)d;
  u32 s;
  memcpy(&s, &f, 4);
  if (width == 32) return s;
  /* Single to half for these exactly representable values: rebias the
     exponent (127 -> 15) and keep the top 10 fraction bits. */
  if (!(s & 0x7fffffff)) return s >> 16;
  return (s >> 16 & 0x8000) | (((s >> 23 & 0xff) - 112) << 10) | (s >> 13 & 0x3ff);
}

static u64 special_float(struct rng *r, u32 width) {
  switch (width) {
    case 16: return kHalf[rng_below(r, sizeof kHalf / sizeof *kHalf)];
    case 32: return kSingle[rng_below(r, sizeof kSingle / sizeof *kSingle)];
    default: return kDouble[rng_below(r, sizeof kDouble / sizeof *kDouble)];
  }
}

static u64 lane_float(struct rng *r, u32 width) {
  u64 sign = 1ull << (width - 1), frac_bits = width == 16 ? 10 : width == 32 ? 23 : 52;
  u32 k = rng_below(r, 100);
  if (k < 40) return special_float(r, width);
  if (k < 55) return small_float(r, width);
  if (k < 65) return rng_bits(r, (u32)frac_bits) | (rng_chance(r, 50) ? sign : 0); /* denormal */
  if (k < 80) /* next to an interesting value, either sign */
    return (special_float(r, width) + rng_below(r, 7) - 3) ^ (rng_chance(r, 50) ? sign : 0);
  return rng_bits(r, width);
}

static u64 lane_int(struct rng *r, u32 width) {
  u64 top = 1ull << (width - 1), ones = width == 64 ? ~0ull : (top << 1) - 1;
  switch (rng_below(r, 9)) {
    case 0: return 0;
    case 1: return ones;
    case 2: return top;         /* INT_MIN */
    case 3: return top - 1;     /* INT_MAX */
    case 4: return rng_below(r, 9);
    case 5: return (ones - rng_below(r, 8)) & ones;
    case 6: return (top + rng_below(r, 7) - 3) & ones;
    case 7: return rng_below(r, 2 * width + 2); /* shift amounts around the width */
    default: return rng_bits(r, width);
  }
}

u64 value_gp(struct rng *r) {
  switch (rng_below(r, 12)) {
    case 0: return 0;
    case 1: return ~0ull;
    case 2: return 1ull << 63;
    case 3: return (1ull << 63) - 1;
    case 4: return 0x80000000ull | (rng_chance(r, 50) ? ~0ull << 32 : 0);
    case 5: return 0xffffffffull >> rng_below(r, 2);
    case 6: return rng_below(r, 140); /* shift amounts at and beyond 32, 64, 128 */
    case 7: return 1ull << rng_below(r, 64);
    case 8: return rng_bits(r, 32);
    case 9: return lane_float(r, rng_chance(r, 50) ? 32 : 64);
    case 10: return -(u64)rng_below(r, 9);
    default: return rng_next(r);
  }
}

void value_vector(struct rng *r, u8 out[16]) {
  static const u32 kWidths[] = {8, 16, 32, 64};
  u32 k = rng_below(r, 10);
  if (k == 0) { /* raw bytes */
    for (int i = 0; i < 16; i++) out[i] = (u8)rng_next(r);
    return;
  }
  u32 width = k < 6 ? 16u << rng_below(r, 3) : kWidths[rng_below(r, 4)];
  int as_float = k < 6;
  for (u32 pos = 0; pos < 16; pos += width / 8) {
    u64 v = as_float ? lane_float(r, width) : lane_int(r, width);
    memcpy(out + pos, &v, width / 8);
  }
}

u64 value_fpcr(struct rng *r) {
  static const u64 kModeBits = 1u << 26 | 1u << 25 | 1u << 24 | 3u << 22 | 1u << 19;
  if (rng_chance(r, 40)) return 0;
  return rng_next(r) & kModeBits;
}

u64 value_fpsr(struct rng *r) {
  static const u64 kCumulative = 0x1f | 1u << 7 | 1u << 27;
  if (rng_chance(r, 60)) return 0;
  return rng_next(r) & kCumulative;
}
