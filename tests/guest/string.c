/* The string and memory functions on many sizes and alignments. libc's
   versions are hand-written aarch64 assembly (SIMD loads, unaligned and
   overlapping accesses, page-crossing tricks), so they exercise the CPU as
   much as libc. Each result is checked against a byte-by-byte reference
   (through volatile pointers, so the compiler cannot turn it back into a
   libc call) and folded into a checksum; memcmp and strcmp results count
   by sign only, which is all the C standard promises. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define BUF 8192
#define GUARD 32

static const size_t kSizes[] = {0,  1,  2,  3,  4,   5,   6,   7,   8,   9,   15,  16,  17,
                                31, 32, 33, 47, 48,  63,  64,  65,  95,  96,  127, 128, 129,
                                255, 256, 257, 511, 512, 1023, 1024, 1025, 4095, 4096, 4097};
static const size_t kDstAlign[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15};
static const size_t kSrcAlign[] = {0, 1, 3, 7, 8, 15};
#define NSIZES (sizeof kSizes / sizeof kSizes[0])
#define NDST (sizeof kDstAlign / sizeof kDstAlign[0])
#define NSRC (sizeof kSrcAlign / sizeof kSrcAlign[0])

static unsigned char g_a[BUF] __attribute__((aligned(4096)));
static unsigned char g_b[BUF] __attribute__((aligned(64)));
static unsigned char g_ref[BUF] __attribute__((aligned(64)));

struct tally {
  const char *name;
  unsigned calls, wrong;
  uint32_t sum;
};

static uint32_t fnv(uint32_t h, const void *p, size_t n) {
  const volatile unsigned char *s = p;
  for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 16777619u;
  return h;
}

static uint32_t g_rng = 2463534242u;
static unsigned char rnd_byte(void) {
  g_rng ^= g_rng << 13;
  g_rng ^= g_rng >> 17;
  g_rng ^= g_rng << 5;
  return (unsigned char)g_rng;
}

/* Random bytes, none zero (so they also form strings), some above 0x7f. */
static void fill_random(unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = rnd_byte();
    p[i] = c ? c : 'z';
  }
}

static void record(struct tally *t, int ok, uint32_t value) {
  t->calls++;
  t->wrong += !ok;
  t->sum = fnv(t->sum, &value, sizeof value);
}

static int same(const volatile unsigned char *a, const volatile unsigned char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return 0;
  return 1;
}

static int sign(int v) { return (v > 0) - (v < 0); }

static void report(const struct tally *t) {
  printf("%-8s %6u calls, %u wrong, checksum %08x\n", t->name, t->calls, t->wrong, t->sum);
}

static void test_memcpy(void) {
  struct tally t = {"memcpy", 0, 0, 2166136261u};
  for (size_t s = 0; s < NSIZES; s++)
    for (size_t d = 0; d < NDST; d++)
      for (size_t a = 0; a < NSRC; a++) {
        size_t n = kSizes[s], da = GUARD + kDstAlign[d], sa = kSrcAlign[a];
        size_t span = da + n + GUARD;
        fill_random(g_a, n + sa);
        memset(g_b, 0xee, span);
        memcpy(g_ref, g_b, span);
        for (size_t i = 0; i < n; i++) ((volatile unsigned char *)g_ref)[da + i] = g_a[sa + i];
        void *r = memcpy(g_b + da, g_a + sa, n);
        record(&t, r == g_b + da && same(g_b, g_ref, span), fnv(0, g_b + da, n));
      }
  report(&t);
}

static void test_memmove(void) {
  static const long kShift[] = {-65, -17, -8, -1, 1, 3, 8, 16, 64};
  struct tally t = {"memmove", 0, 0, 2166136261u};
  for (size_t s = 0; s < NSIZES; s++)
    for (size_t d = 0; d < NDST; d++)
      for (size_t k = 0; k < sizeof kShift / sizeof kShift[0]; k++) {
        size_t n = kSizes[s], from = 128 + kDstAlign[d], to = from + kShift[k];
        size_t span = from + n + 128;
        fill_random(g_b, span);
        memcpy(g_ref, g_b, span);
        volatile unsigned char *ref = g_ref;
        if (to < from)
          for (size_t i = 0; i < n; i++) ref[to + i] = ref[from + i];
        else
          for (size_t i = n; i-- > 0;) ref[to + i] = ref[from + i];
        void *r = memmove(g_b + to, g_b + from, n);
        record(&t, r == g_b + to && same(g_b, g_ref, span), fnv(0, g_b + to, n));
      }
  report(&t);
}

static void test_memset(void) {
  static const int kValues[] = {0, 0xff, 0x5a, 0x180 /* only the low byte counts */};
  struct tally t = {"memset", 0, 0, 2166136261u};
  for (size_t s = 0; s < NSIZES; s++)
    for (size_t d = 0; d < NDST; d++)
      for (size_t v = 0; v < sizeof kValues / sizeof kValues[0]; v++) {
        size_t n = kSizes[s], da = GUARD + kDstAlign[d], span = da + n + GUARD;
        memset(g_ref, 0xee, span);
        memcpy(g_b, g_ref, span);
        for (size_t i = 0; i < n; i++) ((volatile unsigned char *)g_ref)[da + i] = (unsigned char)kValues[v];
        void *r = memset(g_b + da, kValues[v], n);
        record(&t, r == g_b + da && same(g_b, g_ref, span), (uint32_t)n);
      }
  report(&t);
}

/* memcmp, strcmp and strncmp on equal data, then with one byte changed at
   the start, middle or end, up or down (including bytes above 0x7f, which
   compare as unsigned char). */
static void test_compare(void) {
  struct tally mc = {"memcmp", 0, 0, 2166136261u}, sc = {"strcmp", 0, 0, 2166136261u},
               nc = {"strncmp", 0, 0, 2166136261u};
  static const int kDelta[] = {1, -1, 0x80};
  for (size_t s = 0; s < NSIZES; s++)
    for (size_t d = 0; d < NDST; d++) {
      size_t n = kSizes[s], aa = kDstAlign[d], ba = kSrcAlign[d % NSRC];
      fill_random(g_a + aa, n);
      memcpy(g_b + ba, g_a + aa, n);
      g_a[aa + n] = g_b[ba + n] = 0;
      record(&mc, memcmp(g_a + aa, g_b + ba, n) == 0, 0);
      record(&sc, strcmp((char *)g_a + aa, (char *)g_b + ba) == 0, 0);
      record(&nc, strncmp((char *)g_a + aa, (char *)g_b + ba, n + 5) == 0, 0);
      size_t where[] = {0, n / 2, n - 1};
      for (size_t w = 0; n && w < 3; w++)
        for (size_t k = 0; k < 3; k++) {
          size_t p = where[w];
          unsigned char old = g_b[ba + p], neu = (unsigned char)(old + kDelta[k]);
          if (!neu) neu = 1;
          if (neu == old) continue;
          g_b[ba + p] = neu;
          int want = old < neu ? -1 : 1; /* a has old, b has new */
          int m = sign(memcmp(g_a + aa, g_b + ba, n));
          int c = sign(strcmp((char *)g_a + aa, (char *)g_b + ba));
          int before = sign(strncmp((char *)g_a + aa, (char *)g_b + ba, p));
          int at = sign(strncmp((char *)g_a + aa, (char *)g_b + ba, p + 1));
          record(&mc, m == want, (uint32_t)m);
          record(&sc, c == want, (uint32_t)c);
          record(&nc, before == 0 && at == want, (uint32_t)at);
          g_b[ba + p] = old;
        }
      /* A proper prefix is smaller. */
      if (n) {
        g_b[ba + n - 1] = 0;
        record(&sc, sign(strcmp((char *)g_a + aa, (char *)g_b + ba)) == 1, 1);
        g_b[ba + n - 1] = g_a[aa + n - 1];
      }
    }
  report(&mc);
  report(&sc);
  report(&nc);
}

static void test_strlen(void) {
  struct tally t = {"strlen", 0, 0, 2166136261u};
  for (size_t s = 0; s < NSIZES; s++)
    for (size_t d = 0; d < 16; d++) {
      size_t n = kSizes[s];
      fill_random(g_a + d, n + 64);
      g_a[d + n] = 0;
      size_t got = strlen((char *)g_a + d);
      record(&t, got == n, (uint32_t)got);
    }
  /* A string ending just before a page boundary, at every alignment. */
  for (size_t d = 0; d < 32; d++) {
    size_t end = 4096 - 1;
    fill_random(g_a + end - 64, 64);
    g_a[end] = 0;
    record(&t, strlen((char *)g_a + end - d) == d, (uint32_t)d);
  }
  report(&t);
}

static const char *ref_strchr(const char *s, int c) {
  for (const volatile char *p = s;; p++) {
    if (*p == (char)c) return (const char *)p;
    if (!*p) return NULL;
  }
}

static const char *ref_strrchr(const char *s, int c) {
  const char *last = NULL;
  for (const volatile char *p = s;; p++) {
    if (*p == (char)c) last = (const char *)p;
    if (!*p) return last;
  }
}

static uint32_t offset_of(const void *hit, const void *base) {
  return hit ? (uint32_t)((const char *)hit - (const char *)base) : 0xffffffffu;
}

static void test_strchr(void) {
  struct tally f = {"strchr", 0, 0, 2166136261u}, r = {"strrchr", 0, 0, 2166136261u},
               m = {"memchr", 0, 0, 2166136261u};
  static const int kChars[] = {'a', 0xe9, 0, 0x1ff /* converts to 0xff */};
  for (size_t s = 0; s < NSIZES; s++)
    for (size_t d = 0; d < 16; d += 3)
      for (size_t k = 0; k < sizeof kChars / sizeof kChars[0]; k++) {
        size_t n = kSizes[s];
        char *str = (char *)g_a + d;
        fill_random(g_a + d, n);
        for (size_t i = 0; i < n; i++)
          if (str[i] == (char)kChars[k]) str[i] = 'q';
        str[n] = 0;
        if (n > 2) str[n / 3] = str[n - 1] = (char)kChars[k]; /* first and last */
        const char *want = ref_strchr(str, kChars[k]), *got = strchr(str, kChars[k]);
        record(&f, got == want, offset_of(got, str));
        want = ref_strrchr(str, kChars[k]);
        got = strrchr(str, kChars[k]);
        record(&r, got == want, offset_of(got, str));
        /* memchr sees through NULs and stops at its length. */
        str[n] = (char)kChars[k];
        for (size_t len = n; len <= n + 1; len++) {
          const char *mw = NULL;
          for (size_t i = 0; i < len && !mw; i++)
            if (((volatile char *)str)[i] == (char)kChars[k]) mw = str + i;
          const char *mg = memchr(str, kChars[k], len);
          record(&m, mg == mw, offset_of(mg, str));
        }
      }
  report(&f);
  report(&r);
  report(&m);
}

static const char *ref_strstr(const char *h, const char *n) {
  size_t nl = strlen(n);
  for (const char *p = h;; p++) {
    size_t i = 0;
    while (i < nl && ((const volatile char *)p)[i] == n[i]) i++;
    if (i == nl) return p;
    if (!*p) return NULL;
  }
}

static void test_strstr(void) {
  struct tally t = {"strstr", 0, 0, 2166136261u};
  char needle[40];
  for (size_t s = 0; s < NSIZES; s++)
    for (size_t nl = 0; nl < 34; nl += 3) {
      size_t n = kSizes[s];
      char *h = (char *)g_a + 5;
      /* A two-letter alphabet makes near-misses common. */
      for (size_t i = 0; i < n; i++) h[i] = (rnd_byte() & 1) ? 'a' : 'b';
      h[n] = 0;
      for (size_t i = 0; i < nl; i++) needle[i] = (rnd_byte() & 3) ? 'a' : 'b';
      needle[nl] = 0;
      if (n >= nl && (s & 1)) memcpy(h + (n - nl) / 2, needle, nl); /* plant one */
      const char *want = ref_strstr(h, needle), *got = strstr(h, needle);
      record(&t, got == want, offset_of(got, h));
    }
  memset(g_a, 'a', 3000);
  g_a[3000] = 0;
  memset(needle, 'a', 30);
  needle[29] = 'b';
  needle[30] = 0;
  record(&t, strstr((char *)g_a, needle) == NULL, 1); /* periodic worst case */
  report(&t);
}

int main(void) {
  test_memcpy();
  test_memmove();
  test_memset();
  test_compare();
  test_strlen();
  test_strchr();
  test_strstr();
  return 0;
}
