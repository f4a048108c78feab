/* qsort of 2 million 64-bit keys through a comparison callback. */
#include <string.h>

#include "common.h"

static int cmp(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  size_t n = 2000000u * bench_scale(argc, argv);
  uint64_t *v = malloc(n * sizeof *v);
  for (size_t i = 0; i < n; i++) v[i] = bench_next();
  qsort(v, n, sizeof *v, cmp);
  uint64_t h = 0;
  for (size_t i = 0; i < n; i += 1000) h = h * 31 + v[i];
  bench_result("sort", h);
  free(v);
  return 0;
}
