/* futex_waitv: waiting on several futexes at once. Its checks (flags,
   count, clock, timeout, each waiter's flags and reserved word, the
   pointers), a value that differs (EAGAIN), deadlines on both clocks, and
   wake-ups of a private and a shared futex in the list, which return the
   index of the one woken.

   Oracle: qemu-aarch64 7.2 has no futex_waitv (ENOSYS). The expected
   output is that of this same program built for x86-64 and run natively
   (futex_waitv is architecture-independent, kernel/futex/syscalls.c):
   thr_waitv.oracle asks scripts/oracle.sh for that (the program is built
   with the host's cc -pthread -static and run under the same capture). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef SYS_futex_waitv
#define SYS_futex_waitv 449
#endif
/* linux/futex.h (the musl toolchain has no kernel headers). */
#define FUTEX_WAKE 1
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_32 2

struct futex_waitv {
  uint64_t val;
  uint64_t uaddr;
  uint32_t flags;
  uint32_t reserved;
};

static long waitv(struct futex_waitv *w, unsigned n, unsigned flags, struct timespec *ts,
                  int clock) {
  long r = syscall(SYS_futex_waitv, w, n, flags, ts, clock);
  return r < 0 ? -errno : r;
}

static void show(const char *what, long r) {
  const char *e = r == -EINVAL ? "EINVAL" : r == -EAGAIN ? "EAGAIN" : r == -EFAULT ? "EFAULT"
                : r == -ETIMEDOUT ? "ETIMEDOUT" : NULL;
  if (e) printf("%-40s %s\n", what, e);
  else printf("%-40s %ld\n", what, r);
}

static struct timespec in_ms(clockid_t clock, long ms) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  ts.tv_nsec += ms * 1000000;
  ts.tv_sec += ts.tv_nsec / 1000000000;
  ts.tv_nsec %= 1000000000;
  return ts;
}

static volatile uint32_t x, y, z;

static void set(struct futex_waitv *w) {
  w[0] = (struct futex_waitv){0, (uintptr_t)&x, FUTEX_32 | FUTEX_PRIVATE_FLAG, 0};
  w[1] = (struct futex_waitv){0, (uintptr_t)&y, FUTEX_32 | FUTEX_PRIVATE_FLAG, 0};
  w[2] = (struct futex_waitv){0, (uintptr_t)&z, FUTEX_32, 0}; /* shared */
}

static void checks(void) {
  struct futex_waitv w[129];
  struct timespec soon;
  set(w);
  show("flags 1", waitv(w, 3, 1, NULL, 0));
  show("no waiters", waitv(w, 0, 0, NULL, 0));
  show("129 waiters", waitv(w, 129, 0, NULL, 0));
  show("NULL list", waitv(NULL, 1, 0, NULL, 0));
  soon = in_ms(CLOCK_MONOTONIC, 10);
  show("clock CLOCK_BOOTTIME", waitv(w, 3, 0, &soon, CLOCK_BOOTTIME));
  show("timeout at NULL+8", waitv(w, 3, 0, (struct timespec *)8, CLOCK_MONOTONIC));
  struct timespec bad = {0, 1000000000};
  show("tv_nsec 1e9", waitv(w, 3, 0, &bad, CLOCK_MONOTONIC));
  show("list at NULL+8", waitv((struct futex_waitv *)8, 1, 0, NULL, 0));
  set(w), w[1].flags = FUTEX_PRIVATE_FLAG;
  show("a waiter without FUTEX_32", waitv(w, 3, 0, NULL, 0));
  set(w), w[2].reserved = 1;
  show("a reserved word set", waitv(w, 3, 0, NULL, 0));
  set(w), w[1].uaddr = 0;
  show("a NULL word", waitv(w, 3, 0, NULL, 0));
  set(w), w[1].uaddr = (uintptr_t)&y + 1;
  show("a misaligned word", waitv(w, 3, 0, NULL, 0));
  set(w), w[2].val = 1;
  show("third value differs", waitv(w, 3, 0, NULL, 0));
  set(w);
  soon = in_ms(CLOCK_MONOTONIC, 10);
  show("monotonic deadline in 10 ms", waitv(w, 3, 0, &soon, CLOCK_MONOTONIC));
  soon = in_ms(CLOCK_REALTIME, 10);
  show("realtime deadline in 10 ms", waitv(w, 3, 0, &soon, CLOCK_REALTIME));
  struct timespec past = {0, 0};
  show("deadline 0", waitv(w, 3, 0, &past, CLOCK_MONOTONIC));
}

static long woken_index;

static void *waiter(void *arg) {
  (void)arg;
  struct futex_waitv w[3];
  set(w);
  woken_index = waitv(w, 3, 0, NULL, 0);
  return NULL;
}

/* Wakes the word until someone was asleep on it. */
static void wake(volatile uint32_t *word, int op) {
  while (syscall(SYS_futex, word, op, 1, NULL, NULL, 0) == 0) sched_yield();
}

static void wakeups(void) {
  pthread_t th;
  pthread_create(&th, NULL, waiter, NULL);
  wake(&y, FUTEX_WAKE | FUTEX_PRIVATE_FLAG);
  pthread_join(th, NULL);
  show("woken through the second (private)", woken_index);
  pthread_create(&th, NULL, waiter, NULL);
  wake(&z, FUTEX_WAKE);
  pthread_join(th, NULL);
  show("woken through the third (shared)", woken_index);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  checks();
  wakeups();
  return 0;
}
