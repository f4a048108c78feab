/* The futex operations called directly: argument checks, WAIT/WAKE,
   REQUEUE and CMP_REQUEUE, WAKE_OP (each operation, the comparison, the
   shifted operand), the bitset pair, the PI operations with real owner
   tids (LOCK_PI, TRYLOCK_PI, UNLOCK_PI, timeouts, a dead owner, ownership
   handed over), and requeue-PI.

   Deterministic by construction: waiters are known to be asleep because
   main moves them with CMP_REQUEUE (which counts the waiters it moves)
   until all have been counted; a wake-up that could race with going to
   sleep is repeated until it wakes someone. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* linux/futex.h (the musl toolchain has no kernel headers). */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_LOCK_PI 6
#define FUTEX_UNLOCK_PI 7
#define FUTEX_TRYLOCK_PI 8
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_WAIT_REQUEUE_PI 11
#define FUTEX_CMP_REQUEUE_PI 12
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_WAITERS 0x80000000u
#define FUTEX_TID_MASK 0x3fffffffu
#define FUTEX_OP_SET 0
#define FUTEX_OP_ADD 1
#define FUTEX_OP_OR 2
#define FUTEX_OP_ANDN 3
#define FUTEX_OP_XOR 4
#define FUTEX_OP_OPARG_SHIFT 8
#define FUTEX_OP_CMP_EQ 0
#define FUTEX_OP_CMP_NE 1
#define FUTEX_OP_CMP_LT 2
#define FUTEX_OP_CMP_LE 3
#define FUTEX_OP_CMP_GT 4
#define FUTEX_OP_CMP_GE 5
#define FUTEX_OP(op, oparg, cmp, cmparg) \
  ((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))
#define PRIV FUTEX_PRIVATE_FLAG

/* Returns the result, or -errno. */
static long futex(volatile void *uaddr, int op, unsigned val, long val2, volatile void *uaddr2,
                  unsigned val3) {
  long r = syscall(SYS_futex, uaddr, op, val, val2, uaddr2, val3);
  return r < 0 ? -errno : r;
}

static long futex_timed(volatile void *uaddr, int op, unsigned val, const struct timespec *ts,
                        unsigned val3) {
  return futex(uaddr, op, val, (long)ts, NULL, val3);
}

/* An error by name, else NULL. */
static const char *error_name(long r) {
  switch (r) {
    case -EAGAIN: return "EAGAIN";
    case -EINVAL: return "EINVAL";
    case -ETIMEDOUT: return "ETIMEDOUT";
    case -EFAULT: return "EFAULT";
    case -ENOSYS: return "ENOSYS";
    case -EDEADLK: return "EDEADLK";
    case -EPERM: return "EPERM";
    case -ESRCH: return "ESRCH";
    case -EINTR: return "EINTR";
  }
  return NULL;
}

static void show(const char *what, long r) {
  const char *e = error_name(r);
  if (e) printf("%-44s %s\n", what, e);
  else printf("%-44s %ld\n", what, r);
}

#define SHOW(what, call) show(what, call)

static int gettid_raw(void) { return (int)syscall(SYS_gettid); }

static struct timespec in_ms(clockid_t clock, long ms) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  ts.tv_nsec += ms * 1000000;
  ts.tv_sec += ts.tv_nsec / 1000000000;
  ts.tv_nsec %= 1000000000;
  return ts;
}

/* ---- argument checks, one thread ---- */

static void checks(void) {
  static volatile int w = 5;
  static char bytes[8] __attribute__((aligned(4)));
  struct timespec ten_ms = {0, 10 * 1000000}, bad_ns = {0, 1000000000}, zero = {0, 0};
  SHOW("WAIT, value differs", futex(&w, FUTEX_WAIT | PRIV, 4, 0, NULL, 0));
  SHOW("WAIT, 10 ms timeout", futex_timed(&w, FUTEX_WAIT | PRIV, 5, &ten_ms, 0));
  SHOW("WAIT (shared), 10 ms timeout", futex_timed(&w, FUTEX_WAIT, 5, &ten_ms, 0));
  SHOW("WAIT, tv_nsec = 1e9", futex_timed(&w, FUTEX_WAIT | PRIV, 5, &bad_ns, 0));
  SHOW("WAIT, timeout pointer NULL+8", futex(&w, FUTEX_WAIT | PRIV, 4, 8, NULL, 0));
  SHOW("WAIT, misaligned word", futex(bytes + 1, FUTEX_WAIT | PRIV, 0, 0, NULL, 0));
  SHOW("WAIT, NULL word", futex(NULL, FUTEX_WAIT | PRIV, 0, 0, NULL, 0));
  SHOW("WAIT|CLOCK_REALTIME", futex(&w, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 4, 0, NULL, 0));
  SHOW("WAIT_BITSET, bitset 0", futex(&w, FUTEX_WAIT_BITSET | PRIV, 5, 0, NULL, 0));
  SHOW("WAIT_BITSET, deadline 0 (monotonic)",
       futex_timed(&w, FUTEX_WAIT_BITSET | PRIV, 5, &zero, ~0u));
  SHOW("WAIT_BITSET|CLOCK_REALTIME, deadline 0",
       futex_timed(&w, FUTEX_WAIT_BITSET | PRIV | FUTEX_CLOCK_REALTIME, 5, &zero, ~0u));
  struct timespec soon = in_ms(CLOCK_REALTIME, 10);
  SHOW("WAIT_BITSET|CLOCK_REALTIME, in 10 ms",
       futex_timed(&w, FUTEX_WAIT_BITSET | PRIV | FUTEX_CLOCK_REALTIME, 5, &soon, 1));
  SHOW("WAKE, nobody waiting", futex(&w, FUTEX_WAKE | PRIV, 1, 0, NULL, 0));
  SHOW("WAKE_BITSET, bitset 0", futex(&w, FUTEX_WAKE_BITSET | PRIV, 1, 0, NULL, 0));
  SHOW("CMP_REQUEUE, value differs", futex(&w, FUTEX_CMP_REQUEUE | PRIV, 1, 1, bytes, 4));
  SHOW("CMP_REQUEUE, NULL second word", futex(&w, FUTEX_CMP_REQUEUE | PRIV, 1, 1, NULL, 5));
  SHOW("WAKE_OP, unknown operation 7",
       futex(&w, FUTEX_WAKE_OP | PRIV, 1, 1, bytes, FUTEX_OP(7, 1, FUTEX_OP_CMP_EQ, 0)));
  SHOW("operation 2 (FUTEX_FD, gone)", futex(&w, 2 | PRIV, 0, 0, NULL, 0));
  SHOW("operation 99", futex(&w, 99, 0, 0, NULL, 0));
  SHOW("WAIT_REQUEUE_PI, same two words", futex(&w, FUTEX_WAIT_REQUEUE_PI | PRIV, 5, 0, &w, 0));
  SHOW("CMP_REQUEUE_PI, nr_wake 2", futex(&w, FUTEX_CMP_REQUEUE_PI | PRIV, 2, 1, bytes, 5));
}

/* ---- requeue and WAKE_OP: four sleepers ---- */

#define SLEEPERS 4
static volatile int word_a, word_b;
static long sleeper_result[SLEEPERS];

static void *sleeper(void *arg) {
  long i = (long)arg;
  sleeper_result[i] = futex(&word_a, FUTEX_WAIT | PRIV, 0, 0, NULL, 0);
  return NULL;
}

/* Moves every waiter of from to to; returns once n have been moved. */
static void gather(volatile int *from, volatile int *to, int n, unsigned val) {
  long moved = 0;
  while (moved < n) {
    long r = futex(from, FUTEX_CMP_REQUEUE | PRIV, 0, INT_MAX, to, val);
    if (r < 0) {
      show("gather", r);
      return;
    }
    moved += r;
    if (moved < n) sched_yield();
  }
}

static void requeue_and_wake_op(void) {
  pthread_t th[SLEEPERS];
  for (long i = 0; i < SLEEPERS; i++) pthread_create(&th[i], NULL, sleeper, (void *)i);
  gather(&word_a, &word_b, SLEEPERS, 0);
  printf("four sleepers moved from A to B\n");
  SHOW("WAKE A (nobody left)", futex(&word_a, FUTEX_WAKE | PRIV, INT_MAX, 0, NULL, 0));
  SHOW("WAKE B, one", futex(&word_b, FUTEX_WAKE | PRIV, 1, 0, NULL, 0));
  SHOW("REQUEUE B->A, wake 1, move the rest", futex(&word_b, FUTEX_REQUEUE | PRIV, 1, INT_MAX,
                                                    &word_a, 0));
  SHOW("WAKE_OP ADD 3, A was 0 == 0",
       futex(&word_b, FUTEX_WAKE_OP | PRIV, 1, 1, &word_a, FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_EQ, 0)));
  printf("A = %d\n", word_a);
  SHOW("WAKE_OP OR 4, A was 3 > 100",
       futex(&word_b, FUTEX_WAKE_OP | PRIV, 1, 1, &word_a, FUTEX_OP(FUTEX_OP_OR, 4, FUTEX_OP_CMP_GT, 100)));
  printf("A = %d\n", word_a);
  SHOW("WAKE_OP XOR 0xf, A was 7 <= 7",
       futex(&word_b, FUTEX_WAKE_OP | PRIV, 1, 0, &word_a, FUTEX_OP(FUTEX_OP_XOR, 0xf, FUTEX_OP_CMP_LE, 7)));
  printf("A = %d\n", word_a);
  SHOW("WAKE_OP ANDN 2, A was 8 >= 9",
       futex(&word_b, FUTEX_WAKE_OP | PRIV, 1, 1, &word_a, FUTEX_OP(FUTEX_OP_ANDN, 2, FUTEX_OP_CMP_GE, 9)));
  SHOW("WAKE_OP SET 1<<5, A was 8 != 8",
       futex(&word_b, FUTEX_WAKE_OP | PRIV, 1, 1, &word_a,
             FUTEX_OP(FUTEX_OP_SET | FUTEX_OP_OPARG_SHIFT, 5, FUTEX_OP_CMP_NE, 8)));
  printf("A = %d\n", word_a);
  SHOW("WAKE_OP SET 0, A was 32 < 33",
       futex(&word_b, FUTEX_WAKE_OP | PRIV, 0, 1, &word_a, FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_LT, 33)));
  printf("A = %d\n", word_a);
  int woken = 0;
  for (int i = 0; i < SLEEPERS; i++) {
    pthread_join(th[i], NULL);
    woken += sleeper_result[i] == 0;
  }
  printf("sleepers woken with 0: %d\n", woken);
}

/* ---- bitsets ---- */

static volatile int word_d, word_e;
static volatile unsigned woken_bits;

static void *bit_sleeper(void *arg) {
  unsigned bits = (unsigned)(long)arg;
  long r = futex(&word_d, FUTEX_WAIT_BITSET | PRIV, 0, 0, NULL, bits);
  if (r == 0) __atomic_fetch_or(&woken_bits, bits, __ATOMIC_SEQ_CST);
  return NULL;
}

static void wait_bits(unsigned bits) {
  while ((__atomic_load_n(&woken_bits, __ATOMIC_SEQ_CST) & bits) != bits) sched_yield();
}

static void bitsets(void) {
  pthread_t one, two;
  pthread_create(&one, NULL, bit_sleeper, (void *)1L);
  pthread_create(&two, NULL, bit_sleeper, (void *)2L);
  gather(&word_d, &word_e, 2, 0); /* a requeued waiter keeps its bitset */
  SHOW("WAKE_BITSET 0x4", futex(&word_e, FUTEX_WAKE_BITSET | PRIV, INT_MAX, 0, NULL, 4));
  SHOW("WAKE_BITSET 0x6", futex(&word_e, FUTEX_WAKE_BITSET | PRIV, INT_MAX, 0, NULL, 6));
  wait_bits(2);
  printf("woken: %#x\n", woken_bits);
  SHOW("WAKE (any bitset)", futex(&word_e, FUTEX_WAKE | PRIV, INT_MAX, 0, NULL, 0));
  wait_bits(3);
  printf("woken: %#x\n", woken_bits);
  pthread_join(one, NULL);
  pthread_join(two, NULL);
}

/* ---- priority inheritance ---- */

static volatile unsigned pi_word;
static volatile int contender_blocking;

static void *contender(void *arg) {
  (void)arg;
  int me = gettid_raw();
  SHOW("  TRYLOCK_PI, owned by main", futex(&pi_word, FUTEX_TRYLOCK_PI | PRIV, 0, 0, NULL, 0));
  SHOW("  UNLOCK_PI, not the owner", futex(&pi_word, FUTEX_UNLOCK_PI | PRIV, 0, 0, NULL, 0));
  struct timespec soon = in_ms(CLOCK_REALTIME, 20);
  SHOW("  LOCK_PI, 20 ms deadline", futex_timed(&pi_word, FUTEX_LOCK_PI | PRIV, 0, &soon, 0));
  contender_blocking = 1;
  long r = futex(&pi_word, FUTEX_LOCK_PI | PRIV, 0, 0, NULL, 0);
  show("  LOCK_PI once main unlocks", r);
  printf("  owner is this thread: %s\n", (pi_word & FUTEX_TID_MASK) == (unsigned)me ? "yes" : "no");
  SHOW("  UNLOCK_PI by the new owner", futex(&pi_word, FUTEX_UNLOCK_PI | PRIV, 0, 0, NULL, 0));
  return NULL;
}

static volatile unsigned rq_cond, rq_mutex;
static volatile int rq_waiter_tid;
static long rq_result;
static int rq_owned;

static void *requeue_pi_waiter(void *arg) {
  (void)arg;
  rq_waiter_tid = gettid_raw();
  rq_result = futex(&rq_cond, FUTEX_WAIT_REQUEUE_PI | PRIV, 0, 0, &rq_mutex, 0);
  rq_owned = (rq_mutex & FUTEX_TID_MASK) == (unsigned)rq_waiter_tid;
  futex(&rq_mutex, FUTEX_UNLOCK_PI | PRIV, 0, 0, NULL, 0);
  return NULL;
}

static void priority_inheritance(void) {
  int me = gettid_raw();
  SHOW("UNLOCK_PI, unowned", futex(&pi_word, FUTEX_UNLOCK_PI | PRIV, 0, 0, NULL, 0));
  SHOW("LOCK_PI, free", futex(&pi_word, FUTEX_LOCK_PI | PRIV, 0, 0, NULL, 0));
  printf("owner tid is main's: %s, waiters bit: %s\n",
         (pi_word & FUTEX_TID_MASK) == (unsigned)me ? "yes" : "no",
         pi_word & FUTEX_WAITERS ? "set" : "clear");
  SHOW("TRYLOCK_PI, own lock", futex(&pi_word, FUTEX_TRYLOCK_PI | PRIV, 0, 0, NULL, 0));
  SHOW("LOCK_PI, own lock", futex(&pi_word, FUTEX_LOCK_PI | PRIV, 0, 0, NULL, 0));
  pthread_t th;
  pthread_create(&th, NULL, contender, NULL);
  while (!contender_blocking) sched_yield();
  struct timespec pause = {0, 20 * 1000000};
  nanosleep(&pause, NULL); /* most likely asleep in LOCK_PI by now */
  long unlocked = futex(&pi_word, FUTEX_UNLOCK_PI | PRIV, 0, 0, NULL, 0);
  pthread_join(th, NULL);
  SHOW("UNLOCK_PI by main (while it waited)", unlocked);
  printf("word after all unlocks: %#x\n", pi_word);

  static volatile unsigned orphan = FUTEX_TID_MASK; /* no task has this tid */
  struct timespec soon = in_ms(CLOCK_REALTIME, 20);
  SHOW("LOCK_PI, owner tid does not exist", futex_timed(&orphan, FUTEX_LOCK_PI | PRIV, 0, &soon, 0));

  pthread_create(&th, NULL, requeue_pi_waiter, NULL);
  long r;
  while ((r = futex(&rq_cond, FUTEX_CMP_REQUEUE_PI | PRIV, 1, INT_MAX, &rq_mutex, 0)) == 0)
    sched_yield();
  SHOW("CMP_REQUEUE_PI, one waiter", r);
  pthread_join(th, NULL);
  SHOW("WAIT_REQUEUE_PI", rq_result);
  printf("woke owning the mutex: %s, mutex now %#x\n", rq_owned ? "yes" : "no", rq_mutex);
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  checks();
  requeue_and_wake_op();
  bitsets();
  priority_inheritance();
  return 0;
}
