/* qsort and bsearch on integers, strings and records. Comparators define a
   total order, so the sorted result is unique even though qsort is not
   stable, and glibc and musl must agree byte for byte. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 5000

static uint32_t g_rng = 12345;
static uint32_t next(void) {
  g_rng = g_rng * 1103515245u + 12345u;
  return g_rng >> 8;
}

static uint32_t hash(uint32_t h, uint32_t v) { return (h ^ v) * 16777619u; }

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }

static void sort_ints(void) {
  static int v[N];
  static const int kLimits[] = {1000000000, 100, 2}; /* few and many duplicates */
  for (size_t l = 0; l < sizeof kLimits / sizeof kLimits[0]; l++) {
    for (int i = 0; i < N; i++) v[i] = (int)(next() % (2u * kLimits[l])) - kLimits[l];
    qsort(v, N, sizeof v[0], cmp_int);
    int sorted = 1;
    uint32_t h = 2166136261u;
    for (int i = 0; i < N; i++) {
      sorted &= i == 0 || v[i - 1] <= v[i];
      h = hash(h, (uint32_t)v[i]);
    }
    printf("ints in [-%d, %d): sorted %s, min %d, max %d, hash %08x\n", kLimits[l],
           kLimits[l], sorted ? "yes" : "no", v[0], v[N - 1], h);
    int key = v[N / 3], *hit = bsearch(&key, v, N, sizeof v[0], cmp_int);
    int missing = kLimits[l] + 5;
    printf("  bsearch finds %d: %s; finds %d: %s\n", key, hit && *hit == key ? "yes" : "no",
           missing, bsearch(&missing, v, N, sizeof v[0], cmp_int) ? "yes" : "no");
  }
  /* Already sorted, reversed, and tiny inputs. */
  qsort(v, N, sizeof v[0], cmp_int);
  qsort(v, N, sizeof v[0], cmp_int_desc);
  printf("reversed: first %d last %d\n", v[0], v[N - 1]);
  qsort(v, 1, sizeof v[0], cmp_int);
  qsort(v, 0, sizeof v[0], cmp_int);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_strings(void) {
  static char storage[N][12];
  static char *s[N];
  for (int i = 0; i < N; i++) {
    int len = 1 + next() % 10;
    for (int j = 0; j < len; j++) storage[i][j] = "abcdefgh"[next() % 8];
    storage[i][len] = 0;
    s[i] = storage[i];
  }
  qsort(s, N, sizeof s[0], cmp_str);
  int sorted = 1;
  uint32_t h = 2166136261u;
  for (int i = 0; i < N; i++) {
    sorted &= i == 0 || strcmp(s[i - 1], s[i]) <= 0;
    for (const char *p = s[i]; *p; p++) h = hash(h, (unsigned char)*p);
  }
  printf("strings: sorted %s, first \"%s\", last \"%s\", hash %08x\n", sorted ? "yes" : "no",
         s[0], s[N - 1], h);
}

struct record {
  double score;
  char name[8];
  int id; /* unique: makes the order total */
};

static int cmp_record(const void *a, const void *b) {
  const struct record *x = a, *y = b;
  if (x->score != y->score) return x->score < y->score ? 1 : -1; /* high first */
  int c = strcmp(x->name, y->name);
  if (c) return c;
  return (x->id > y->id) - (x->id < y->id);
}

static void sort_records(void) {
  static struct record r[N];
  for (int i = 0; i < N; i++) {
    r[i].score = (double)(next() % 50) / 4;
    snprintf(r[i].name, sizeof r[i].name, "n%u", next() % 20);
    r[i].id = i;
  }
  qsort(r, N, sizeof r[0], cmp_record);
  uint32_t h = 2166136261u;
  for (int i = 0; i < N; i++) h = hash(h, (uint32_t)r[i].id);
  printf("records: first %.2f %s #%d, last %.2f %s #%d, order hash %08x\n", r[0].score,
         r[0].name, r[0].id, r[N - 1].score, r[N - 1].name, r[N - 1].id, h);
}

int main(void) {
  sort_ints();
  sort_strings();
  sort_records();
  return 0;
}
