/* open("/etc/passwd") + close in a loop: path lookup, a new descriptor and
   its release. */
#include <fcntl.h>
#include <unistd.h>

#include "common.h"

int main(int argc, char **argv) {
  long n = 200000L * bench_scale(argc, argv), ok = 0;
  for (long i = 0; i < n; i++) {
    int fd = open("/etc/passwd", O_RDONLY | O_CLOEXEC);
    ok += fd >= 0 && close(fd) == 0;
  }
  bench_result("openclose", (uint64_t)ok);
  return 0;
}
