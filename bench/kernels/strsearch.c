/* String search over a 4 MiB generated text: a naive byte-by-byte scan and
   Boyer-Moore-Horspool, for a set of patterns, some present, some not. */
#include <string.h>

#include "common.h"

#define SIZE (4u << 20)
#define ALPHABET 12 /* a small alphabet makes partial matches common */

static size_t count_naive(const unsigned char *s, size_t n, const unsigned char *p, size_t m) {
  size_t hits = 0;
  for (size_t i = 0; i + m <= n; i++) {
    size_t k = 0;
    while (k < m && s[i + k] == p[k]) k++;
    hits += k == m;
  }
  return hits;
}

static size_t count_horspool(const unsigned char *s, size_t n, const unsigned char *p, size_t m) {
  size_t shift[256], hits = 0;
  for (int c = 0; c < 256; c++) shift[c] = m;
  for (size_t k = 0; k + 1 < m; k++) shift[p[k]] = m - 1 - k;
  for (size_t i = 0; i + m <= n; i += shift[s[i + m - 1]]) {
    size_t k = m;
    while (k > 0 && s[i + k - 1] == p[k - 1]) k--;
    hits += k == 0;
  }
  return hits;
}

int main(int argc, char **argv) {
  unsigned char *text = malloc(SIZE);
  for (size_t i = 0; i < SIZE; i++) text[i] = (unsigned char)('a' + bench_next() % ALPHABET);
  uint64_t h = 0;
  for (int rep = 0; rep < bench_scale(argc, argv); rep++)
    for (size_t m = 3; m <= 24; m += 7) {
      /* A pattern cut from the text (present at least once) and one
         with a letter outside the alphabet at its end (never present). */
      unsigned char pat[32];
      memcpy(pat, text + (bench_next() % (SIZE - m)), m);
      h = h * 31 + count_naive(text, SIZE, pat, m);
      h = h * 31 + count_horspool(text, SIZE, pat, m);
      pat[m - 1] = 'z';
      h = h * 31 + count_horspool(text, SIZE, pat, m);
    }
  bench_result("strsearch", h);
  free(text);
  return 0;
}
