/* Thread lifetimes: many threads created and joined in waves, values
   handed back by return and by pthread_exit (from a nested call), thread-
   local storage (initialised per thread, private, and the main thread's
   untouched), pthread_key destructors, distinct tids, detached threads.
   pthread_join itself relies on the kernel clearing the thread's tid word
   (CLONE_CHILD_CLEARTID) and waking it. */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define WAVES 4
#define PER_WAVE 50
#define NTHREADS (WAVES * PER_WAVE)
#define NDETACHED 20

static __thread int tls_int = 42;
static __thread char tls_text[32] = "initial";
static __thread long tls_zero;
static pthread_key_t key;
static int destructor_calls;
static long destructor_sum;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int tids[NTHREADS];
static int tls_errors;

static void destructor(void *value) {
  pthread_mutex_lock(&lock);
  destructor_calls++;
  destructor_sum += (long)value;
  pthread_mutex_unlock(&lock);
}

static void tls_error(void) {
  pthread_mutex_lock(&lock);
  tls_errors++;
  pthread_mutex_unlock(&lock);
}

static void leave(long value) { pthread_exit((void *)value); }

static void *worker(void *arg) {
  long i = (long)arg;
  if (tls_int != 42 || strcmp(tls_text, "initial") || tls_zero) tls_error();
  tls_int = (int)i * 3;
  snprintf(tls_text, sizeof tls_text, "thread %ld", i);
  tls_zero = i;
  tids[i] = (int)syscall(SYS_gettid);
  pthread_setspecific(key, (void *)(i + 1));
  sched_yield();
  char want[32];
  snprintf(want, sizeof want, "thread %ld", i);
  if (tls_int != (int)i * 3 || strcmp(tls_text, want) || tls_zero != i) tls_error();
  if (i % 3 == 0) leave(i * 7); /* pthread_exit from below the start routine */
  return (void *)(i * 7);
}

static sem_t detached_done;

static void *detached(void *arg) {
  (void)arg;
  tls_int = -1;
  sem_post(&detached_done);
  return NULL;
}

static int cmp_int(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}

int main(void) {
  pthread_key_create(&key, destructor);
  long sum = 0, expected = 0;
  for (int w = 0; w < WAVES; w++) {
    pthread_t th[PER_WAVE];
    for (int j = 0; j < PER_WAVE; j++) {
      long i = (long)w * PER_WAVE + j;
      if (pthread_create(&th[j], NULL, worker, (void *)i)) {
        printf("pthread_create failed\n");
        return 1;
      }
      expected += i * 7;
    }
    for (int j = 0; j < PER_WAVE; j++) {
      void *ret;
      pthread_join(th[j], &ret);
      sum += (long)ret;
    }
  }
  printf("joined %d threads, sum of results %ld (expected %ld)\n", NTHREADS, sum, expected);
  printf("tls errors %d; main's tls: %d \"%s\" %ld\n", tls_errors, tls_int, tls_text, tls_zero);
  printf("destructors %d, sum %ld\n", destructor_calls, destructor_sum);

  int mine = (int)syscall(SYS_gettid), distinct = 1, is_main = 0;
  qsort(tids, NTHREADS, sizeof tids[0], cmp_int);
  for (int i = 0; i < NTHREADS; i++) {
    if (i && tids[i] == tids[i - 1]) distinct = 0;
    if (tids[i] == mine) is_main = 1;
  }
  printf("tids distinct: %s, any equal to main's: %s, main's tid is the pid: %s\n",
         distinct ? "yes" : "no", is_main ? "yes" : "no", mine == getpid() ? "yes" : "no");

  sem_init(&detached_done, 0, 0);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  for (int i = 0; i < NDETACHED; i++) {
    pthread_t th;
    if (pthread_create(&th, &attr, detached, NULL)) return 1;
  }
  for (int i = 0; i < NDETACHED; i++) sem_wait(&detached_done);
  printf("detached threads done: %d, main's tls still %d\n", NDETACHED, tls_int);
  return 0;
}
