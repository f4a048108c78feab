/* Auto-vectorised floating point: the loops below are compiled at -O3
   (the pragma), so gcc turns them into AdvSIMD code (fmla, fmul, fadd,
   fsqrt, fmaxnm, fcvtzs, scvtf, faddp...), with contraction into fused
   multiply-adds as GNU C allows by default. Results printed bit-exactly
   with %a and %.17g. Oracle: qemu-aarch64. */
#pragma GCC optimize("O3")
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#define N 1027 /* not a multiple of the vector length: tails too */

static float fa[N], fb[N], fc[N];
static double da[N], db[N], dc[N];
static int32_t ia[N];

static void fill(void) {
  uint32_t s = 12345;
  for (int i = 0; i < N; i++) {
    s = s * 1103515245u + 12345u;
    fa[i] = (float)(s >> 8) / 65536.0f - 128.0f;
    fb[i] = (float)(i % 97) * 0.37f - 17.0f;
    da[i] = (double)(s >> 4) / 4096.0 - 1e5;
    db[i] = (double)(i % 31) * 1.0e-3 + 0.5;
  }
}

static void kernels(void) {
  for (int i = 0; i < N; i++) fc[i] = fa[i] * fb[i] + fc[i];
  for (int i = 0; i < N; i++) dc[i] = da[i] * db[i] - dc[i] * 0.5;
  for (int i = 0; i < N; i++) fc[i] = fmaxf(fc[i], fb[i]) + sqrtf(fabsf(fa[i]));
  for (int i = 0; i < N; i++) dc[i] = sqrt(fabs(dc[i])) / (db[i] + 1.0);
  for (int i = 0; i < N; i++) ia[i] = (int32_t)(fa[i] * 100.0f);
  for (int i = 0; i < N; i++) fb[i] = (float)ia[i] * 0.25f + (float)da[i];
}

int main(void) {
  fill();
  for (int r = 0; r < 3; r++) kernels();
  float fs = 0;
  double ds = 0;
  int64_t is = 0;
  for (int i = 0; i < N; i++) fs += fc[i] * 0.001f;
  for (int i = 0; i < N; i++) ds += dc[i];
  for (int i = 0; i < N; i++) is += ia[i];
  printf("float sum %a %.9g\n", fs, fs);
  printf("double sum %a %.17g\n", ds, ds);
  printf("int sum %lld\n", (long long)is);
  for (int i = 0; i < N; i += 257)
    printf("[%d] %a %a %a %d\n", i, fc[i], fb[i], dc[i], ia[i]);
  return 0;
}
