/* clock_gettime(CLOCK_MONOTONIC) in a loop. Natively and under elfrun this
   is a vDSO call where one exists; run.sh divides the median wall time by
   the call count to report ns per call. */
#include <time.h>

#include "common.h"

#define CALLS 2000000L

int main(int argc, char **argv) {
  long n = CALLS * bench_scale(argc, argv), forward = 0;
  struct timespec prev = {0, 0}, now;
  for (long i = 0; i < n; i++) {
    clock_gettime(CLOCK_MONOTONIC, &now);
    forward += now.tv_sec > prev.tv_sec || (now.tv_sec == prev.tv_sec && now.tv_nsec >= prev.tv_nsec);
    prev = now;
  }
  bench_result("clock", (uint64_t)forward);
  return 0;
}
