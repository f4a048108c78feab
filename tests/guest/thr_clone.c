/* clone in its thread form, called directly: the tid words
   (CLONE_PARENT_SETTID, CLONE_CHILD_SETTID written before either side runs;
   CLONE_CHILD_CLEARTID zeroed and woken at exit), the new stack, CLONE_SETTLS
   (the child's TPIDR_EL0, its own only), the registers a child starts with,
   and the flag combinations copy_process() refuses.

   The child runs on the parent's TLS unless CLONE_SETTLS, so it makes only
   raw system calls (svc), never libc calls that touch errno. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#define FUTEX_WAIT 0 /* linux/futex.h: the musl toolchain has no kernel headers */
#define STACK_SIZE (64 * 1024)
#define THREAD_FLAGS                                                                  \
  (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | \
   CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)

static long raw_syscall1(long nr, long a0) {
  register long x8 __asm__("x8") = nr;
  register long x0 __asm__("x0") = a0;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8) : "memory");
  return x0;
}

static char stacks[2][STACK_SIZE] __attribute__((aligned(16)));
static volatile int ptid, ctid;

static struct {
  int tid;           /* gettid() in the child */
  int ctid_seen;     /* ctid as the child found it on entry */
  int ptid_seen;     /* ptid likewise */
  uintptr_t sp;      /* an address on the child's stack */
  uint64_t tpidr;    /* the child's TPIDR_EL0 */
  long arg;
} seen;

static int child(void *arg) {
  int local;
  seen.tid = (int)raw_syscall1(SYS_gettid, 0);
  seen.ctid_seen = ctid;
  seen.ptid_seen = ptid;
  seen.sp = (uintptr_t)&local;
  __asm__ volatile("mrs %0, tpidr_el0" : "=r"(seen.tpidr));
  seen.arg = (long)arg;
  return 0; /* the libc wrapper makes the exit system call */
}

/* pthread_join's wait: until the kernel has zeroed the word. */
static void wait_cleared(volatile int *word) {
  int v;
  while ((v = __atomic_load_n(word, __ATOMIC_ACQUIRE)) != 0)
    syscall(SYS_futex, word, FUTEX_WAIT, v, NULL, NULL, 0);
}

static void run(const char *name, int flags, char *stack, void *tls) {
  uint64_t my_tpidr;
  __asm__ volatile("mrs %0, tpidr_el0" : "=r"(my_tpidr));
  ptid = ctid = -1;
  int tid = clone(child, stack + STACK_SIZE, flags, (void *)0x1234, &ptid, tls, &ctid);
  if (tid < 0) {
    printf("%s: clone failed: %d\n", name, errno);
    return;
  }
  int ptid_at_return = ptid;
  wait_cleared(&ctid);
  printf("%s:\n", name);
  printf("  parent_tid == result: %s; child saw parent_tid %s, child_tid %s\n",
         ptid_at_return == tid ? "yes" : "no", seen.ptid_seen == tid ? "set" : "unset",
         seen.ctid_seen == tid ? "set" : "unset");
  printf("  gettid in child == result: %s; differs from parent: %s\n",
         seen.tid == tid ? "yes" : "no", tid != getpid() ? "yes" : "no");
  printf("  child ran on the new stack: %s; argument %#lx\n",
         seen.sp > (uintptr_t)stack && seen.sp < (uintptr_t)stack + STACK_SIZE ? "yes" : "no",
         seen.arg);
  printf("  child's TPIDR_EL0: %s; parent's unchanged: %s\n",
         seen.tpidr == (tls ? (uint64_t)(uintptr_t)tls : my_tpidr) ? "as expected" : "wrong",
         ({
           uint64_t now;
           __asm__ volatile("mrs %0, tpidr_el0" : "=r"(now));
           now == my_tpidr;
         }) ? "yes" : "no");
  printf("  child_tid after exit: %d\n", ctid);
}

static void refused(const char *name, unsigned long flags) {
  errno = 0;
  long r = syscall(SYS_clone, flags, 0, NULL, NULL, NULL);
  printf("clone(%s): %ld %s\n", name, r, r < 0 && errno == EINVAL ? "EINVAL" : "?");
}

int main(void) {
  static char fake_tls[64] __attribute__((aligned(16)));
  run("thread", THREAD_FLAGS, stacks[0], NULL);
  run("thread with CLONE_SETTLS", THREAD_FLAGS | CLONE_SETTLS, stacks[1], fake_tls);
  refused("THREAD without SIGHAND", CLONE_VM | CLONE_THREAD);
  refused("SIGHAND without VM", CLONE_SIGHAND | CLONE_THREAD);
  refused("THREAD|NEWPID", CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_NEWPID);
  refused("THREAD|NEWUSER", CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_NEWUSER);
  refused("NEWNS|FS", CLONE_NEWNS | CLONE_FS);
  return 0;
}
