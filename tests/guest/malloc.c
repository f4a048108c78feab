/* malloc, calloc, realloc and free under a deterministic random workload:
   small and large blocks (large ones come from mmap), growing and shrinking
   reallocs, aligned allocations. Every block carries a pattern derived from
   its slot and generation, checked before it is resized or freed, so a heap
   that hands out overlapping or corrupted memory is caught. Addresses are
   never printed: they differ between libcs and emulators. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 256
#define ROUNDS 20000

struct block {
  unsigned char *p;
  size_t size;
  unsigned char tag;
};

static struct block g_slots[SLOTS];
static unsigned g_errors;
static uint64_t g_rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void) {
  g_rng ^= g_rng << 13;
  g_rng ^= g_rng >> 7;
  g_rng ^= g_rng << 17;
  return g_rng;
}

/* Mostly small, sometimes page-sized, rarely past the mmap threshold
   (128 KiB in both libcs). */
static size_t random_size(void) {
  uint64_t r = next();
  switch (r % 64) {
    case 0: case 1: case 2: case 3: return 0;
    case 4: return 128 * 1024 + r % (256 * 1024);
    case 5: case 6: case 7: case 8: case 9: case 10: case 11: return 1 + r % 8192;
    default: return 1 + r % 256;
  }
}

static unsigned char pattern(size_t i, unsigned char tag) {
  return (unsigned char)(i * 31 + tag);
}

/* Patterns cover every byte of the first 8 KiB, then every 61st byte:
   cheap, but a misplaced page still shows. */
static size_t step(size_t i) { return i < 8192 ? 1 : 61; }

static size_t first_sampled(size_t from) {
  if (from <= 8192) return from;
  return 8192 + (from - 8192 + 60) / 61 * 61;
}

static void fill(struct block *b, size_t from) {
  for (size_t i = first_sampled(from); i < b->size; i += step(i)) b->p[i] = pattern(i, b->tag);
}

static void check(const struct block *b, size_t upto) {
  for (size_t i = 0; i < upto && i < b->size; i += step(i))
    if (b->p[i] != pattern(i, b->tag)) {
      g_errors++;
      return;
    }
}

static void op_malloc(struct block *b) {
  b->size = random_size();
  b->p = malloc(b->size);
  b->tag = (unsigned char)next();
  if (!b->p && b->size) g_errors++;
  fill(b, 0);
}

static void op_realloc(struct block *b) {
  check(b, b->size);
  size_t old = b->size, size = random_size();
  if (size == 0) size = 1; /* realloc(p, 0) differs between libcs */
  unsigned char *p = realloc(b->p, size);
  if (!p) {
    g_errors++;
    return;
  }
  b->p = p;
  b->size = size;
  check(b, old < size ? old : size); /* the common prefix survives */
  fill(b, old < size ? old : size);
}

static void op_free(struct block *b) {
  check(b, b->size);
  free(b->p);
  b->p = NULL;
  b->size = 0;
}

static void random_workload(void) {
  unsigned counts[3] = {0};
  for (int round = 0; round < ROUNDS; round++) {
    struct block *b = &g_slots[next() % SLOTS];
    if (!b->p) {
      op_malloc(b);
      counts[0]++;
    } else if (next() % 3 == 0) {
      op_realloc(b);
      counts[1]++;
    } else {
      op_free(b);
      counts[2]++;
    }
  }
  size_t live = 0, bytes = 0;
  for (int i = 0; i < SLOTS; i++) {
    if (g_slots[i].p) live++, bytes += g_slots[i].size;
    op_free(&g_slots[i]);
  }
  printf("random workload: %u malloc, %u realloc, %u free; %zu blocks (%zu bytes) live at the end\n",
         counts[0], counts[1], counts[2], live, bytes);
}

static void calloc_is_zeroed(void) {
  int dirty = 0;
  for (int round = 0; round < 20; round++) {
    size_t n = 1 + next() % 70000;
    unsigned char *p = malloc(n);
    memset(p, 0xa5, n);
    free(p); /* likely reused by the calloc below */
    unsigned char *q = calloc(n, 1);
    for (size_t i = 0; i < n; i++) dirty |= q[i];
    free(q);
  }
  printf("calloc returns zeroed memory: %s\n", dirty ? "no" : "yes");
  errno = 0;
  volatile size_t huge = SIZE_MAX / 2;
  void *overflow = calloc(huge, 4);
  printf("calloc(SIZE_MAX/2, 4) fails with ENOMEM: %s\n",
         !overflow && errno == ENOMEM ? "yes" : "no");
}

static void alignment(void) {
  int ok = 1;
  for (size_t align = 16; align <= 65536; align *= 4) {
    void *p = NULL;
    ok &= posix_memalign(&p, align, 100) == 0 && (uintptr_t)p % align == 0;
    free(p);
    p = aligned_alloc(align, align * 2);
    ok &= p && (uintptr_t)p % align == 0;
    free(p);
  }
  void *p = malloc(1);
  ok &= (uintptr_t)p % 16 == 0; /* max_align_t on aarch64 */
  free(p);
  printf("posix_memalign/aligned_alloc/malloc alignment: %s\n", ok ? "ok" : "wrong");
}

static void large_blocks(void) {
  size_t n = 64u << 20;
  unsigned char *p = malloc(n);
  if (!p) {
    puts("64 MiB malloc failed");
    return;
  }
  for (size_t i = 0; i < n; i += 4096) p[i] = (unsigned char)(i >> 12);
  unsigned sum = 0;
  for (size_t i = 0; i < n; i += 4096) sum += p[i];
  p = realloc(p, 2 * n); /* mremap when the libc supports it */
  unsigned sum2 = 0;
  for (size_t i = 0; p && i < n; i += 4096) sum2 += p[i];
  printf("64 MiB block: page sum %u, same after realloc to 128 MiB: %s\n", sum,
         p && sum == sum2 ? "yes" : "no");
  free(p);
}

int main(void) {
  random_workload();
  calloc_is_zeroed();
  alignment();
  large_blocks();
  printf("heap errors: %u\n", g_errors);
  return g_errors != 0;
}
