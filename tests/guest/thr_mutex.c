/* 64 threads hammering one mutex and two condition variables.

   Each thread adds to a shared counter under the mutex; then the threads
   pass a baton in a fixed order (each waits on a condition variable until
   the turn is its own), so the order of the trace is deterministic; then a
   bounded queue with producers and consumers (pthread_cond_signal on
   "not full" and "not empty") carries numbered items whose sum is checked.
   Everything printed is a count or a checksum. */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 64
#define ADDS 2000
#define LAPS 3
#define NPRODUCERS 8
#define NCONSUMERS 8
#define ITEMS_EACH 500
#define QUEUE_LEN 16

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t baton = PTHREAD_COND_INITIALIZER;
static long counter;
static int turn;
static unsigned long trace;

static void *racer(void *arg) {
  int id = (int)(long)arg;
  for (int i = 0; i < ADDS; i++) {
    pthread_mutex_lock(&lock);
    counter++;
    pthread_mutex_unlock(&lock);
  }
  for (int lap = 0; lap < LAPS; lap++) {
    pthread_mutex_lock(&lock);
    while (turn != lap * NTHREADS + id) pthread_cond_wait(&baton, &lock);
    trace = trace * 31 + (unsigned long)id;
    turn++;
    pthread_cond_broadcast(&baton);
    pthread_mutex_unlock(&lock);
  }
  return NULL;
}

static struct {
  pthread_mutex_t lock;
  pthread_cond_t not_full, not_empty;
  long items[QUEUE_LEN];
  int head, count, producers_left;
} q = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER,
       {0}, 0, 0, NPRODUCERS};

static void put(long item) {
  pthread_mutex_lock(&q.lock);
  while (q.count == QUEUE_LEN) pthread_cond_wait(&q.not_full, &q.lock);
  q.items[(q.head + q.count++) % QUEUE_LEN] = item;
  pthread_cond_signal(&q.not_empty);
  pthread_mutex_unlock(&q.lock);
}

/* Returns -1 once every producer is done and the queue is empty. */
static long take(void) {
  pthread_mutex_lock(&q.lock);
  while (q.count == 0 && q.producers_left) pthread_cond_wait(&q.not_empty, &q.lock);
  long item = -1;
  if (q.count) {
    item = q.items[q.head];
    q.head = (q.head + 1) % QUEUE_LEN;
    q.count--;
    pthread_cond_signal(&q.not_full);
  }
  pthread_mutex_unlock(&q.lock);
  return item;
}

static void *producer(void *arg) {
  long base = (long)arg * ITEMS_EACH;
  for (long i = 1; i <= ITEMS_EACH; i++) put(base + i);
  pthread_mutex_lock(&q.lock);
  if (--q.producers_left == 0) pthread_cond_broadcast(&q.not_empty);
  pthread_mutex_unlock(&q.lock);
  return NULL;
}

static void *consumer(void *arg) {
  long *got = arg, item;
  while ((item = take()) >= 0) {
    got[0] += item;
    got[1]++;
  }
  return NULL;
}

int main(void) {
  pthread_t th[NTHREADS];
  for (long i = 0; i < NTHREADS; i++)
    if (pthread_create(&th[i], NULL, racer, (void *)i)) return 1;
  for (int i = 0; i < NTHREADS; i++) pthread_join(th[i], NULL);
  printf("counter %ld (expected %d)\n", counter, NTHREADS * ADDS);
  printf("baton passes %d, trace %016lx\n", turn, trace);

  pthread_t prod[NPRODUCERS], cons[NCONSUMERS];
  long got[NCONSUMERS][2] = {{0}};
  for (long i = 0; i < NCONSUMERS; i++) pthread_create(&cons[i], NULL, consumer, got[i]);
  for (long i = 0; i < NPRODUCERS; i++) pthread_create(&prod[i], NULL, producer, (void *)i);
  long sum = 0, n = 0;
  for (int i = 0; i < NPRODUCERS; i++) pthread_join(prod[i], NULL);
  for (int i = 0; i < NCONSUMERS; i++) {
    pthread_join(cons[i], NULL);
    sum += got[i][0];
    n += got[i][1];
  }
  long total = (long)NPRODUCERS * ITEMS_EACH;
  printf("queue: %ld items, sum %ld (expected %ld)\n", n, sum, total * (total + 1) / 2);
  return 0;
}
