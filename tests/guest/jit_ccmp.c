/* CCMP and CCMN as elfrun's JIT translates them (docs/jit.md, "Flags"):
   both ways out, the compare and the immediate NZCV, leave the host flags
   for the instructions after it to read. For every immediate NZCV, with
   the condition holding and failing, each of the 14 conditions is read
   back by CSET right after it, and once by a conditional branch. Each
   function runs many times, so it is translated in every tier; the
   expected output is qemu-aarch64's. */
#include <stdint.h>
#include <stdio.h>

/* Conditions c1 and c2 after CMP a, b; OP c, d, #NZCV, EQ, as bits shift
   and shift + 1 of m. */
#define READ2(op, nzcv, c1, c2, shift)                                 \
  "cmp %[a], %[b]\n" #op " %[c], %[d], #" #nzcv ", eq\n"               \
  "cset x9, " #c1 "\n cset x10, " #c2 "\n orr x9, x9, x10, lsl #1\n"  \
  "orr %[m], %[m], x9, lsl #" #shift "\n"

/* Bit c of the result: condition c (EQ..LE) holds after
   CMP a, b; OP c, d, #NZCV, EQ; bit 14: B.HI after it was taken. */
#define CONDS(op, nzcv)                                                               \
  static uint32_t op##_##nzcv(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {       \
    uint64_t m;                                                                       \
    __asm__ volatile("mov %[m], #0\n"                                                 \
                     READ2(op, nzcv, eq, ne, 0) READ2(op, nzcv, cs, cc, 2)            \
                     READ2(op, nzcv, mi, pl, 4) READ2(op, nzcv, vs, vc, 6)            \
                     READ2(op, nzcv, hi, ls, 8) READ2(op, nzcv, ge, lt, 10)           \
                     READ2(op, nzcv, gt, le, 12)                                      \
                     "cmp %[a], %[b]\n" #op " %[c], %[d], #" #nzcv ", eq\n"           \
                     "b.hi 1f\n"                                                      \
                     "b 2f\n"                                                         \
                     "1: orr %[m], %[m], #0x4000\n"                                   \
                     "2:\n"                                                           \
                     : [m] "=&r"(m)                                                   \
                     : [a] "r"(a), [b] "r"(b), [c] "r"(c), [d] "r"(d)                 \
                     : "x9", "x10", "cc");                                            \
    return (uint32_t)m;                                                               \
  }

#define ALL(op)                                                                                \
  CONDS(op, 0) CONDS(op, 1) CONDS(op, 2) CONDS(op, 3) CONDS(op, 4) CONDS(op, 5) CONDS(op, 6) \
  CONDS(op, 7) CONDS(op, 8) CONDS(op, 9) CONDS(op, 10) CONDS(op, 11) CONDS(op, 12)           \
  CONDS(op, 13) CONDS(op, 14) CONDS(op, 15)
ALL(ccmp)
ALL(ccmn)

typedef uint32_t conds_fn(uint64_t, uint64_t, uint64_t, uint64_t);
#define FNS(op)                                                                                \
  {op##_0, op##_1, op##_2, op##_3, op##_4, op##_5, op##_6, op##_7, op##_8, op##_9, op##_10,   \
   op##_11, op##_12, op##_13, op##_14, op##_15}
static conds_fn *const kFns[2][16] = {FNS(ccmp), FNS(ccmn)};

/* Operands that give each of N, Z, C, V set and clear, both ways. */
static const uint64_t kPairs[][2] = {
    {5, 5}, {5, 7}, {7, 5}, {0, UINT64_MAX}, {UINT64_MAX, 1},
    {0x8000000000000000, 1}, {0x7fffffffffffffff, UINT64_MAX}, {1, 0x8000000000000000},
};

int main(void) {
  static const char *const kOps[2] = {"ccmp", "ccmn"};
  for (int op = 0; op < 2; op++)
    for (int nzcv = 0; nzcv < 16; nzcv++) {
      printf("%s #%-2d", kOps[op], nzcv);
      for (int holds = 1; holds >= 0; holds--)
        for (unsigned p = 0; p < sizeof kPairs / sizeof kPairs[0]; p++) {
          uint32_t m = 0;
          for (int k = 0; k < 200; k++) /* hot: translated under --jit=on */
            m = kFns[op][nzcv](3, holds ? 3 : 4, kPairs[p][0], kPairs[p][1]);
          printf(" %04x", m);
        }
      printf("\n");
    }
  return 0;
}
