/* Double-precision matrix multiply, 200x200, repeated. */
#include "common.h"

#define N 200

static double a[N][N], b[N][N], c[N][N];

int main(int argc, char **argv) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      a[i][j] = (double)(bench_next() % 1000) / 7.0;
      b[i][j] = (double)(bench_next() % 1000) / 13.0;
    }
  double h = 0;
  for (int rep = 0; rep < 3 * bench_scale(argc, argv); rep++) {
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) {
        double s = 0;
        for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
        c[i][j] = s;
      }
    for (int i = 0; i < N; i++) h += c[i][i];
  }
  printf("matmul_fp %.6e\n", h);
  return 0;
}
