/* Instructions elfrun's JIT emits so that the host flags of a compare
   survive until the consumer after them (docs/jit.md, "Flags"): SUB as a
   NOT and a LEA, and CSEL whose destination is its second source as one
   CMOV into that register. After CMP a, b, a SUB of c and d (64 and 32
   bits, its destination one of its sources or not), then each of the 14
   conditions read by such a CSEL. Each function runs many times, so it
   is translated in every tier; the expected output is qemu-aarch64's. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

/* keep = cond ? x : keep, after CMP a, b and three SUBs in between. */
#define KEEPER(cond)                                                                      \
  static uint64_t keep_##cond(uint64_t a, uint64_t b, uint64_t c, uint64_t d,            \
                              uint64_t *diffs) {                                          \
    uint64_t keep = 0x1111, x = 0x2222, s1, s2, s3 = c;                                   \
    __asm__ volatile("cmp %[a], %[b]\n"                                                   \
                     "sub %[s1], %[c], %[d]\n"                                            \
                     "sub %w[s2], %w[d], %w[c]\n"                                         \
                     "sub %[s3], %[s3], %[d]\n"                                           \
                     "csel %[keep], %[x], %[keep], " #cond "\n"                          \
                     "csel %w[x], %w[keep], %w[x], " #cond "\n"                          \
                     : [keep] "+r"(keep), [x] "+r"(x), [s1] "=&r"(s1), [s2] "=&r"(s2),     \
                       [s3] "+r"(s3)                                                      \
                     : [a] "r"(a), [b] "r"(b), [c] "r"(c), [d] "r"(d)                     \
                     : "cc");                                                             \
    diffs[0] = s1;                                                                        \
    diffs[1] = s2;                                                                        \
    diffs[2] = s3;                                                                        \
    return keep << 32 ^ x;                                                                \
  }
KEEPER(eq) KEEPER(ne) KEEPER(cs) KEEPER(cc) KEEPER(mi) KEEPER(pl) KEEPER(vs)
KEEPER(vc) KEEPER(hi) KEEPER(ls) KEEPER(ge) KEEPER(lt) KEEPER(gt) KEEPER(le)

typedef uint64_t keeper_fn(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t *);
static keeper_fn *const kKeepers[14] = {keep_eq, keep_ne, keep_cs, keep_cc, keep_mi,
                                        keep_pl, keep_vs, keep_vc, keep_hi, keep_ls,
                                        keep_ge, keep_lt, keep_gt, keep_le};
static const char *const kConds[14] = {"eq", "ne", "cs", "cc", "mi", "pl", "vs",
                                       "vc", "hi", "ls", "ge", "lt", "gt", "le"};

/* Compared operands that give each of N, Z, C, V set and clear. */
static const uint64_t kPairs[][2] = {
    {5, 5}, {5, 7}, {7, 5}, {0, UINT64_MAX}, {UINT64_MAX, 1},
    {0x8000000000000000, 1}, {0x7fffffffffffffff, UINT64_MAX}, {1, 0x8000000000000000},
};

int main(void) {
  for (int c = 0; c < 14; c++) {
    for (unsigned p = 0; p < sizeof kPairs / sizeof kPairs[0]; p++) {
      uint64_t diffs[3], r = 0;
      for (int run = 0; run < 200; run++) /* hot enough to translate */
        r = kKeepers[c](kPairs[p][0], kPairs[p][1], 0x100000003 * p + 9, 0x7ffffffff0 + p, diffs);
      printf("%s %u: %016" PRIx64 " %016" PRIx64 " %08" PRIx64 " %016" PRIx64 "\n", kConds[c], p,
             r, diffs[0], diffs[1], diffs[2]);
    }
  }
  return 0;
}
