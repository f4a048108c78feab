/* A register-only integer loop: 10 guest instructions per iteration, no
   memory access. Reports guest instructions per second when timed. */
#include "common.h"

#define INSNS_PER_ITER 10

static uint64_t run(uint64_t iters) {
  uint64_t a = 1, b = 2, c = 3, d = 4;
#if defined(__aarch64__)
  __asm__ volatile(
      "1:\n"
      "add %[a], %[a], %[b]\n"
      "eor %[b], %[b], %[a], lsr #3\n"
      "add %[c], %[c], #7\n"
      "sub %[d], %[d], %[c]\n"
      "orr %[a], %[a], %[d]\n"
      "and %[c], %[c], %[a]\n"
      "add %[b], %[b], %[c], lsl #1\n"
      "eor %[d], %[d], %[b]\n"
      "subs %[n], %[n], #1\n"
      "b.ne 1b\n"
      : [a] "+r"(a), [b] "+r"(b), [c] "+r"(c), [d] "+r"(d), [n] "+r"(iters)
      :
      : "cc");
#else
  for (; iters; iters--) {
    a += b;
    b ^= a >> 3;
    c += 7;
    d -= c;
    a |= d;
    c &= a;
    b += c << 1;
    d ^= b;
    __asm__ volatile("" : "+r"(a), "+r"(b), "+r"(c), "+r"(d));
  }
#endif
  return a ^ b ^ c ^ d;
}

int main(int argc, char **argv) {
  uint64_t iters = 100000000ull * bench_scale(argc, argv) / BENCH_DIVISOR;
  bench_result("intloop", run(iters));
  fprintf(stderr, "guest instructions: %llu\n", (unsigned long long)(iters * INSNS_PER_ITER));
  return 0;
}
