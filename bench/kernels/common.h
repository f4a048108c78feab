/* Shared by the benchmark kernels: a deterministic generator and a result
   line, so elfrun, qemu-aarch64 and native runs can be checked to agree. */
#ifndef BENCH_COMMON_H_
#define BENCH_COMMON_H_

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t bench_rng = 0x9e3779b97f4a7c15ull;

static inline uint64_t bench_next(void) { /* xorshift64* */
  bench_rng ^= bench_rng >> 12;
  bench_rng ^= bench_rng << 25;
  bench_rng ^= bench_rng >> 27;
  return bench_rng * 0x2545f4914f6cdd1dull;
}

/* bench/guard.sh builds three kernels with -DBENCH_DIVISOR=N: work cut
   N-fold, small enough for callgrind. */
#ifndef BENCH_DIVISOR
#define BENCH_DIVISOR 1
#endif

/* Work scale from argv[1] (default 1), so bench-quick can run less. */
static inline int bench_scale(int argc, char **argv) {
  return argc > 1 ? atoi(argv[1]) : 1;
}

static inline void bench_result(const char *name, uint64_t value) {
  printf("%s %016llx\n", name, (unsigned long long)value);
}

#endif
