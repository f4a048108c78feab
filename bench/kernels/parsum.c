/* Parallel sum at 2 threads: each thread hashes and sums its half of a
   generated array, several passes; the main thread joins and combines. */
#include <pthread.h>

#include "common.h"

#define SIZE (4u << 20)
#define THREADS 2

static uint64_t *data;
static int passes;

struct part {
  size_t begin, end;
  uint64_t sum;
};

static void *sum_part(void *arg) {
  struct part *p = arg;
  uint64_t s = 0;
  for (int pass = 0; pass < passes; pass++)
    for (size_t i = p->begin; i < p->end; i++) s += (data[i] ^ (uint64_t)pass) * 0x9e3779b97f4a7c15ull >> 7;
  p->sum = s;
  return NULL;
}

int main(int argc, char **argv) {
  passes = 8 * bench_scale(argc, argv);
  data = malloc(SIZE * sizeof *data);
  for (size_t i = 0; i < SIZE; i++) data[i] = bench_next();
  struct part parts[THREADS];
  pthread_t th[THREADS];
  for (int t = 0; t < THREADS; t++) {
    parts[t] = (struct part){SIZE / THREADS * t, SIZE / THREADS * (t + 1), 0};
    if (pthread_create(&th[t], NULL, sum_part, &parts[t]) != 0) return 1;
  }
  uint64_t total = 0;
  for (int t = 0; t < THREADS; t++) {
    pthread_join(th[t], NULL);
    total += parts[t].sum;
  }
  bench_result("parsum", total);
  free(data);
  return 0;
}
