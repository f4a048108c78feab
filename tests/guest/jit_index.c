/* Loads and stores with a W index register extended (UXTW, SXTW, with and
   without a shift), as elfrun's JIT translates them when the base is in a
   host register (docs/jit.md, "Memory access"): the index register's
   upper half holds garbage the access must ignore, and SXTW indexes go
   below the base. Each loop runs many times, so it is translated in every
   tier; the expected output is qemu-aarch64's. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static uint8_t bytes[4096];
static uint32_t words[1024];

/* The index in w, whatever the x register's upper half holds. */
static uint64_t garbage(uint64_t i) { return i | (i * 0x9e3779b9ull) << 32; }

static uint64_t walk(const uint8_t *mid, uint32_t *wmid, int n) {
  uint64_t sum = 0;
  for (int i = 0; i < n; i++) {
    uint64_t up = garbage((uint64_t)i), down = garbage((uint32_t)-i);
    uint32_t a, b, c, d;
    __asm__ volatile("ldrb %w[a], [%[m], %w[up], uxtw]\n"
                     "ldrb %w[b], [%[m], %w[down], sxtw]\n"
                     "ldr %w[c], [%[w], %w[up], uxtw #2]\n"
                     "ldr %w[d], [%[w], %w[down], sxtw #2]\n"
                     "str %w[a], [%[w], %w[down], sxtw #2]\n"
                     "strb %w[c], [%[m], %w[up], uxtw]\n"
                     : [a] "=&r"(a), [b] "=&r"(b), [c] "=&r"(c), [d] "=&r"(d)
                     : [m] "r"(mid), [w] "r"(wmid), [up] "r"(up), [down] "r"(down)
                     : "memory");
    sum = sum * 31 + a + 3 * b + 5 * (uint64_t)c + 7 * (uint64_t)d;
  }
  return sum;
}

int main(void) {
  for (int k = 0; k < 4096; k++) bytes[k] = (uint8_t)(k * 7 + 3);
  for (int k = 0; k < 1024; k++) words[k] = (uint32_t)k * 0x01010101u;
  for (int run = 0; run < 8; run++)
    printf("%d: %016" PRIx64 "\n", run, walk(bytes + 2048, words + 512, 400 + 10 * run));
  uint64_t check = 0;
  for (int k = 0; k < 4096; k++) check = check * 131 + bytes[k];
  for (int k = 0; k < 1024; k++) check = check * 131 + words[k];
  printf("memory: %016" PRIx64 "\n", check);
  return 0;
}
