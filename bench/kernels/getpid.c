/* One million raw getpid system calls: the cost of a syscall round trip. */
#include <sys/syscall.h>
#include <unistd.h>

#include "common.h"

int main(int argc, char **argv) {
  long n = 1000000L * bench_scale(argc, argv), sum = 0;
  for (long i = 0; i < n; i++) sum += syscall(SYS_getpid) > 0;
  bench_result("getpid", (uint64_t)sum);
  return 0;
}
