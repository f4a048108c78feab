/* The main thread's stack: deep recursion, a large frame, alloca, and
   variable-length arrays, about 2 MiB in all (well inside the 8 MiB
   default limit), with every frame's contents checked on the way back. */
#include <alloca.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t __attribute__((noinline)) recurse(int depth, uint64_t acc) {
  volatile uint64_t frame[8];
  for (int i = 0; i < 8; i++) frame[i] = acc * 31 + (uint64_t)i + (uint64_t)depth;
  if (depth == 0) return acc;
  uint64_t below = recurse(depth - 1, acc * 6364136223846793005ull + 1442695040888963407ull);
  uint64_t check = 0;
  for (int i = 0; i < 8; i++) check += frame[i] - (acc * 31 + (uint64_t)i + (uint64_t)depth);
  return below ^ check;
}

static uint64_t __attribute__((noinline)) big_frame(size_t n) {
  volatile unsigned char block[512 * 1024];
  for (size_t i = 0; i < sizeof block; i += 4096) block[i] = (unsigned char)(i >> 12);
  uint64_t sum = 0;
  for (size_t i = 0; i < sizeof block; i += 4096) sum += block[i];
  return sum + n;
}

static uint64_t __attribute__((noinline)) with_alloca(size_t n) {
  unsigned char *p = alloca(n);
  memset(p, 0x5a, n);
  uint64_t sum = 0;
  for (size_t i = 0; i < n; i += 512) sum += p[i];
  return sum;
}

static uint64_t __attribute__((noinline)) with_vla(size_t n) {
  uint32_t v[n];
  for (size_t i = 0; i < n; i++) v[i] = (uint32_t)(i * i);
  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) sum += v[i];
  return sum;
}

int main(void) {
  volatile int depth = 10000; /* about 1 MiB of frames */
  printf("recursion to depth %d: %016llx\n", depth, (unsigned long long)recurse(depth, 1));
  printf("512 KiB frame: %llu\n", (unsigned long long)big_frame(1));
  printf("alloca(300000): %llu\n", (unsigned long long)with_alloca(300000));
  printf("VLA of 100000 words: %llu\n", (unsigned long long)with_vla(100000));
  printf("stack is 16-byte aligned: %s\n",
         ((uintptr_t)__builtin_frame_address(0) & 15) == 0 ? "yes" : "no");
  return 0;
}
