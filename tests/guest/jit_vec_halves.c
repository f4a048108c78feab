/* 64-bit SIMD operations as elfrun's JIT translates them with their
   registers cached (docs/jit.md, "Register mapping"): the result's upper
   half is cleared, and where both sources are known to have it clear
   already (written at 64 bits or narrower: FMOV from a general register,
   a D-form operation) the clearing is left out. The upper halves start
   out as garbage from 128-bit loads; each step's full 128 bits are read
   back, and CMEQ, which makes ones of zeroes, must still clear them. Each
   function runs many times, so it is translated in every tier; the
   expected output is qemu-aarch64's. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static const uint64_t kJunk[4] = {0x0123456789abcdefull, 0xfedcba9876543210ull,
                                  0xdeadbeefcafef00dull, 0x1122334455667788ull};

/* Both halves of v16-v19 after D-form steps from w and x, into out[8]. */
static void steps(uint32_t w, uint64_t x, uint64_t *out) {
  __asm__ volatile("ldp q16, q17, [%[junk]]\n"
                   "ldp q18, q19, [%[junk]]\n"
                   "fmov s16, %w[w]\n"            /* upper halves clear from here */
                   "fmov d17, %[x]\n"
                   "eor v19.8b, v19.8b, v16.8b\n" /* v19's junk half: cleared */
                   "add v18.2s, v16.2s, v17.2s\n" /* both known clear */
                   "eor v19.8b, v18.8b, v19.8b\n"
                   "sub v18.4h, v19.4h, v17.4h\n"
                   "ushr v19.2s, v18.2s, #3\n"
                   "orr v16.8b, v19.8b, v18.8b\n"
                   "and v17.8b, v16.8b, v19.8b\n"
                   "shl v19.4h, v17.4h, #5\n"
                   "cmeq v18.2s, v19.2s, v17.2s\n" /* ones of the zero halves: cleared */
                   "add v16.2s, v16.2s, v18.2s\n"
                   "stp q16, q17, [%[out]]\n"
                   "stp q18, q19, [%[out], #32]\n"
                   :
                   : [junk] "r"(kJunk), [w] "r"(w), [x] "r"(x), [out] "r"(out)
                   : "v16", "v17", "v18", "v19", "memory");
}

int main(void) {
  for (uint32_t k = 0; k < 6; k++) {
    uint64_t out[8] = {0};
    for (int run = 0; run < 200; run++) /* hot enough to translate */
      steps(0x9e3779b9u * (k + 1), 0x0101010101010101ull * k + 0xf00f, out);
    printf("%u:", k);
    for (int j = 0; j < 8; j++) printf(" %016" PRIx64, out[j]);
    printf("\n");
  }
  return 0;
}
