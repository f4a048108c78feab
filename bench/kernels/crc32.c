/* Table-driven CRC-32 (IEEE) over a 16 MiB buffer, repeated. */
#include "common.h"

#define SIZE (16u << 20)

int main(int argc, char **argv) {
  static uint32_t table[256];
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  unsigned char *buf = malloc(SIZE);
  for (uint32_t i = 0; i < SIZE; i += 8) {
    uint64_t r = bench_next();
    for (int k = 0; k < 8; k++) buf[i + k] = (unsigned char)(r >> (8 * k));
  }
  uint32_t crc = 0xffffffffu;
  for (int rep = 0; rep < 2 * bench_scale(argc, argv); rep++)
    for (uint32_t i = 0; i < SIZE; i++) crc = table[(crc ^ buf[i]) & 0xff] ^ (crc >> 8);
  bench_result("crc32", crc ^ 0xffffffffu);
  free(buf);
  return 0;
}
