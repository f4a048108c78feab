/* Futex ping-pong: two threads hand a token back and forth through one
   word, each waiting with FUTEX_WAIT and waking the other with FUTEX_WAKE
   (raw system calls, so glibc and musl do the same work). */
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "common.h"

static _Atomic int turn; /* 0: main's turn, 1: the partner's */
static long rounds;

static void wait_for(int mine) {
  int seen;
  while ((seen = atomic_load(&turn)) != mine) syscall(SYS_futex, &turn, FUTEX_WAIT_PRIVATE, seen, NULL);
}

static void hand_over(int other) {
  atomic_store(&turn, other);
  syscall(SYS_futex, &turn, FUTEX_WAKE_PRIVATE, 1);
}

static void *partner(void *unused) {
  (void)unused;
  for (long i = 0; i < rounds; i++) {
    wait_for(1);
    hand_over(0);
  }
  return NULL;
}

int main(int argc, char **argv) {
  rounds = 20000L * bench_scale(argc, argv);
  pthread_t th;
  if (pthread_create(&th, NULL, partner, NULL) != 0) return 1;
  for (long i = 0; i < rounds; i++) {
    hand_over(1);
    wait_for(0);
  }
  pthread_join(th, NULL);
  bench_result("futex", (uint64_t)rounds);
  return 0;
}
