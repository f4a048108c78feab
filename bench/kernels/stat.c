/* stat("/etc/passwd") in a loop: path lookup plus a struct conversion. */
#include <sys/stat.h>

#include "common.h"

int main(int argc, char **argv) {
  long n = 200000L * bench_scale(argc, argv), ok = 0;
  struct stat st;
  for (long i = 0; i < n; i++) ok += stat("/etc/passwd", &st) == 0 && st.st_size > 0;
  bench_result("stat", (uint64_t)ok);
  return 0;
}
