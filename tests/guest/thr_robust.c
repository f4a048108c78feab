/* Robust futexes: a thread that dies holding a lock leaves it marked
   FUTEX_OWNER_DIED and wakes a waiter, so pthread_mutex_lock reports
   EOWNERDEAD. Covered: plain and priority-inheritance robust mutexes, with
   the next locker arriving after the owner's death or already asleep in
   the kernel when it dies; pthread_mutex_consistent and the
   ENOTRECOVERABLE state; and the kernel ABI itself (set_robust_list,
   get_robust_list of this and of another thread, an entry whose word
   another thread owns, the list_op_pending entry).

   Oracle: qemu-aarch64 7.2 does not implement set_robust_list (ENOSYS), so
   under it a glibc program's robust mutexes never see their owner die.
   The expected output is that of this same program built for x86-64 and
   run natively (robust futexes are architecture-independent kernel code,
   kernel/futex/core.c; glibc's robust mutexes are generic code):
   thr_robust.oracle asks scripts/oracle.sh for that (the program is built
   with the host's cc -pthread -static and run under the same capture). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* linux/futex.h (the musl toolchain has no kernel headers). */
#define FUTEX_WAIT 0
#define FUTEX_WAITERS 0x80000000u
#define FUTEX_OWNER_DIED 0x40000000u

static const char *result(int r) {
  switch (r) {
    case 0: return "0";
    case EOWNERDEAD: return "EOWNERDEAD";
    case ENOTRECOVERABLE: return "ENOTRECOVERABLE";
    case EBUSY: return "EBUSY";
    case EPERM: return "EPERM";
  }
  return strerror(r);
}

static void sleep_ms(long ms) {
  struct timespec ts = {0, ms * 1000000};
  nanosleep(&ts, NULL);
}

/* ---- pthread robust mutexes ---- */

static pthread_mutex_t m;
static volatile int owner_holds;

static void *die_holding(void *arg) {
  pthread_mutex_lock(&m);
  owner_holds = 1;
  if (arg) sleep_ms(30); /* give the next locker time to block */
  return NULL;           /* ends the thread with the lock held */
}

static void init_mutex(int protocol) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  pthread_mutexattr_setprotocol(&a, protocol);
  pthread_mutex_init(&m, &a);
  pthread_mutexattr_destroy(&a);
}

static void owner_dies(const char *name, int protocol, int waiter_blocks) {
  printf("%s, next locker %s:\n", name, waiter_blocks ? "already waiting" : "after the death");
  init_mutex(protocol);
  owner_holds = 0;
  pthread_t th;
  pthread_create(&th, NULL, die_holding, waiter_blocks ? "wait" : NULL);
  if (waiter_blocks) {
    while (!owner_holds) sched_yield();
  } else {
    pthread_join(th, NULL);
  }
  int r = pthread_mutex_lock(&m);
  printf("  lock: %s\n", result(r));
  if (waiter_blocks) pthread_join(th, NULL);
  if (r == EOWNERDEAD) printf("  consistent: %s\n", result(pthread_mutex_consistent(&m)));
  printf("  unlock: %s\n", result(pthread_mutex_unlock(&m)));
  printf("  lock again: %s\n", result(pthread_mutex_lock(&m)));
  printf("  unlock: %s\n", result(pthread_mutex_unlock(&m)));
  pthread_mutex_destroy(&m);
}

/* Without pthread_mutex_consistent the mutex is unusable for good. */
static void not_made_consistent(void) {
  printf("robust mutex left inconsistent:\n");
  init_mutex(PTHREAD_PRIO_NONE);
  pthread_t th;
  pthread_create(&th, NULL, die_holding, NULL);
  pthread_join(th, NULL);
  printf("  trylock: %s\n", result(pthread_mutex_trylock(&m)));
  printf("  unlock: %s\n", result(pthread_mutex_unlock(&m)));
  printf("  lock: %s\n", result(pthread_mutex_lock(&m)));
}

/* ---- the kernel ABI ---- */

struct robust_list {
  struct robust_list *next;
};

struct robust_list_head {
  struct robust_list list;
  long futex_offset;
  struct robust_list *list_op_pending;
};

/* A lock as the list sees it: the futex word at futex_offset from the
   entry. */
struct lock {
  struct robust_list link;
  uint32_t word;
};

static struct lock held, foreign, pending;
static struct robust_list_head head;
static volatile int listed, may_die, owner_tid, ptid, ctid;
static long set_result, get_result;
static void *got_head;
static size_t got_len;
static char owner_stack[64 * 1024] __attribute__((aligned(16)));

/* A system call that leaves errno alone. (x86-64 only for the oracle.) */
static long raw_syscall3(long nr, long a0, long a1, long a2) {
#if defined(__aarch64__)
  register long x8 __asm__("x8") = nr;
  register long x0 __asm__("x0") = a0;
  register long x1 __asm__("x1") = a1;
  register long x2 __asm__("x2") = a2;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
  return x0;
#else
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(nr), "D"(a0), "S"(a1), "d"(a2)
                   : "rcx", "r11", "memory");
  return ret;
#endif
}

/* A thread made with clone() itself, so that nothing of libc runs in it
   (it shares the parent's TLS): it holds one lock, is locking another,
   lists a third that another thread owns, and dies. */
static int raw_owner(void *arg) {
  (void)arg;
  int tid = (int)raw_syscall3(SYS_gettid, 0, 0, 0);
  head.futex_offset = offsetof(struct lock, word);
  head.list.next = &held.link;
  held.link.next = &foreign.link;
  foreign.link.next = &head.list;
  head.list_op_pending = &pending.link;
  held.word = (uint32_t)tid | FUTEX_WAITERS; /* held, with a waiter */
  foreign.word = 1;                          /* held by tid 1, not us */
  pending.word = (uint32_t)tid;              /* being locked as we die */
  set_result = raw_syscall3(SYS_set_robust_list, (long)&head, sizeof head, 0);
  get_result = raw_syscall3(SYS_get_robust_list, 0, (long)&got_head, (long)&got_len);
  owner_tid = tid;
  listed = 1;
  while (!may_die) raw_syscall3(SYS_sched_yield, 0, 0, 0);
  return 0; /* the libc wrapper makes the exit system call */
}

static long waiter_result = 1;

static void *waiter(void *arg) {
  (void)arg;
  waiter_result = syscall(SYS_futex, &held.word, FUTEX_WAIT,
                          (uint32_t)owner_tid | FUTEX_WAITERS, NULL, NULL, 0);
  return NULL;
}

static void kernel_abi(void) {
  printf("set_robust_list, size 23: %s\n",
         syscall(SYS_set_robust_list, &head, sizeof head - 1) < 0 && errno == EINVAL
             ? "EINVAL" : "accepted");
  int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
              CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID;
  if (clone(raw_owner, owner_stack + sizeof owner_stack, flags, NULL, &ptid, NULL, &ctid) < 0)
    return;
  while (!listed) sched_yield();
  printf("thread: set_robust_list %ld, get_robust_list %ld: %s, len %zu\n", set_result,
         get_result, got_head == &head ? "its head" : "another head", got_len);
  void *other;
  size_t len;
  long g = syscall(SYS_get_robust_list, owner_tid, &other, &len);
  printf("main: get_robust_list of that thread %ld: %s\n", g,
         other == &head ? "its head" : "another head");
  pthread_t w;
  pthread_create(&w, NULL, waiter, NULL);
  sleep_ms(20); /* most likely asleep on the held word by now */
  may_die = 1;
  int v;
  while ((v = ctid) != 0) syscall(SYS_futex, &ctid, FUTEX_WAIT, v, NULL, NULL, 0);
  pthread_join(w, NULL); /* returns only if the death woke it (or it never slept) */
  printf("waiter on the held word woke up\n");
  printf("held word %#x (owner died, waiters kept), foreign %#x, pending %#x\n", held.word,
         foreign.word, pending.word);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  owner_dies("robust mutex", PTHREAD_PRIO_NONE, 0);
  owner_dies("robust mutex", PTHREAD_PRIO_NONE, 1);
  owner_dies("robust PI mutex", PTHREAD_PRIO_INHERIT, 0);
  owner_dies("robust PI mutex", PTHREAD_PRIO_INHERIT, 1);
  not_made_consistent();
  kernel_abi();
  return 0;
}
