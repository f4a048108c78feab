/* Integer matrix multiply, 256x256, repeated. */
#include "common.h"

#define N 256

static uint32_t a[N][N], b[N][N], c[N][N];

int main(int argc, char **argv) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      a[i][j] = (uint32_t)bench_next();
      b[i][j] = (uint32_t)bench_next();
    }
  uint64_t h = 0;
  for (int rep = 0; rep < 2 * bench_scale(argc, argv); rep++) {
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) {
        uint32_t s = 0;
        for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
        c[i][j] = s;
      }
    for (int i = 0; i < N; i++) h = h * 131 + c[i][(i * 7) % N];
    a[rep % N][rep % N] ^= (uint32_t)h;
  }
  bench_result("matmul_int", h);
  return 0;
}
