/* libm-heavy code: sin, cos, exp, log, pow and atan2 over a sweep of
   arguments, summed. Each target uses its own libm, so the result is
   printed with few digits (the last ulp may differ between libms). */
#include <math.h>

#include "common.h"

int main(int argc, char **argv) {
  double sum = 0;
  long n = 300000L * bench_scale(argc, argv);
  for (long i = 0; i < n; i++) {
    double x = (double)(i % 100000) / 1000.0 + 0.001; /* 0.001 .. 100 */
    sum += sin(x) * cos(x * 0.5) + exp(-x * 0.05) + log(x) + pow(x, 0.3) + atan2(x, 3.0);
  }
  printf("libm %.6e\n", sum);
  return 0;
}
