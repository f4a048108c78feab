/* write then read 64 bytes through a pipe, in one thread: two system calls
   that move data, never block, never switch context. */
#include <unistd.h>

#include "common.h"

int main(int argc, char **argv) {
  long n = 200000L * bench_scale(argc, argv);
  int fds[2];
  if (pipe(fds) != 0) return 1;
  unsigned char out[64], in[64];
  uint64_t h = 0;
  for (long i = 0; i < n; i++) {
    for (int k = 0; k < 64; k++) out[k] = (unsigned char)(i + k);
    if (write(fds[1], out, sizeof out) != sizeof out || read(fds[0], in, sizeof in) != sizeof in) return 1;
    h = h * 31 + in[i % 64];
  }
  bench_result("pipe", h);
  return 0;
}
