/* clone3: how struct clone_args is read and checked (its size, a newer
   and larger block that must be zero past the known fields, the flags it
   forbids or gave new uses, exit_signal, stack and stack_size, set_tid),
   then a thread started with it.

   Oracle: qemu-aarch64 7.2 has no clone3 (ENOSYS, which sends glibc back
   to clone). The expected output is that of this same program built for
   x86-64 and run natively (clone3 is architecture-independent,
   kernel/fork.c; the trampoline below has an x86-64 twin only for that):
   thr_clone3.oracle asks scripts/oracle.sh for that (the program is built
   with the host's cc -pthread -static and run under the same capture). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_clone3
#define SYS_clone3 435
#endif
#define FUTEX_WAIT 0 /* linux/futex.h, linux/sched.h: the musl toolchain has no */
#define CLONE_CLEAR_SIGHAND 0x100000000ull /* kernel headers */
#define CLONE_INTO_CGROUP 0x200000000ull
#define STACK_SIZE (64 * 1024)

struct clone_args {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
      set_tid_size, cgroup;
};

/* clone3, and in the child: fn(arg), then the exit system call with its
   result. The child runs on the new stack with the parent's registers. */
long clone3_run(struct clone_args *args, size_t size, int (*fn)(void *), void *arg);
#if defined(__aarch64__)
__asm__(".text\n"
        ".global clone3_run\n"
        "clone3_run:\n"
        "  mov x9, x2\n"
        "  mov x10, x3\n"
        "  mov x8, #435\n"
        "  svc #0\n"
        "  cbnz x0, 1f\n"
        "  mov x0, x10\n"
        "  blr x9\n"
        "  mov x8, #93\n"
        "  svc #0\n"
        "1:\n"
        "  ret\n");
#else
__asm__(".text\n"
        ".global clone3_run\n"
        "clone3_run:\n"
        "  mov %rdx, %r8\n"
        "  mov %rcx, %r9\n"
        "  mov $435, %eax\n"
        "  syscall\n"
        "  test %rax, %rax\n"
        "  jnz 1f\n"
        "  mov %r9, %rdi\n"
        "  call *%r8\n"
        "  mov %eax, %edi\n"
        "  mov $60, %eax\n"
        "  syscall\n"
        "1:\n"
        "  ret\n");
#endif

static const char *outcome(long r) {
  if (r >= 0) return "accepted";
  switch (errno) {
    case EINVAL: return "EINVAL";
    case E2BIG: return "E2BIG";
    case EFAULT: return "EFAULT";
    case EPERM: return "EPERM";
  }
  return strerror(errno);
}

#define THREAD (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM)

static char stack[STACK_SIZE] __attribute__((aligned(16)));
static unsigned char big[4096 + 64] __attribute__((aligned(8)));

/* Every case fails before a child exists, so a plain syscall() is safe. */
static void refused(const char *what, struct clone_args a, size_t size) {
  errno = 0;
  long r = syscall(SYS_clone3, &a, size);
  printf("%-46s %s\n", what, outcome(r));
}

static void checks(void) {
  struct clone_args zero = {0}, a;
  refused("size 63", zero, 63);
  refused("size 4097", zero, 4097);
  memset(big, 0, sizeof big);
  ((struct clone_args *)big)->flags = CLONE_THREAD; /* invalid, but read */
  big[90] = 1;
  errno = 0;
  printf("%-46s %s\n", "size 96, non-zero byte past the fields",
         outcome(syscall(SYS_clone3, big, 96)));
  big[90] = 0;
  errno = 0;
  printf("%-46s %s\n", "size 96, zero past the fields (THREAD alone)",
         outcome(syscall(SYS_clone3, big, 96)));
  errno = 0;
  printf("%-46s %s\n", "args at NULL+8", outcome(syscall(SYS_clone3, (void *)8, 64)));
  a = zero, a.exit_signal = 65;
  refused("exit_signal 65", a, sizeof a);
  a = zero, a.exit_signal = 1ull << 32;
  refused("exit_signal 1<<32", a, sizeof a);
  a = zero, a.flags = SIGCHLD;
  refused("exit signal in the flags", a, sizeof a);
  a = zero, a.flags = CLONE_DETACHED;
  refused("CLONE_DETACHED", a, sizeof a);
  a = zero, a.flags = 1ull << 40;
  refused("unknown flag 1<<40", a, sizeof a);
  a = zero, a.flags = CLONE_SIGHAND | CLONE_VM | CLONE_CLEAR_SIGHAND;
  refused("SIGHAND with CLEAR_SIGHAND", a, sizeof a);
  a = zero, a.flags = THREAD, a.exit_signal = SIGCHLD;
  refused("thread with an exit signal", a, sizeof a);
  a = zero, a.flags = CLONE_PARENT, a.exit_signal = SIGCHLD;
  refused("CLONE_PARENT with an exit signal", a, sizeof a);
  a = zero, a.flags = THREAD, a.stack = (uintptr_t)stack;
  refused("stack without stack_size", a, sizeof a);
  a = zero, a.flags = THREAD, a.stack_size = STACK_SIZE;
  refused("stack_size without stack", a, sizeof a);
  a = zero, a.flags = THREAD, a.stack = 1ull << 62, a.stack_size = 1ull << 62;
  refused("stack beyond the address space", a, sizeof a);
  a = zero, a.set_tid_size = 1;
  refused("set_tid_size 1, set_tid NULL", a, sizeof a);
  a = zero, a.set_tid = (uintptr_t)stack;
  refused("set_tid, set_tid_size 0", a, sizeof a);
  a = zero, a.set_tid = (uintptr_t)stack, a.set_tid_size = 33;
  refused("set_tid_size 33", a, sizeof a);
  a = zero, a.flags = CLONE_INTO_CGROUP;
  refused("CLONE_INTO_CGROUP, size 64", a, 64);
  a = zero, a.flags = CLONE_THREAD;
  refused("THREAD without SIGHAND", a, sizeof a);
  a = zero, a.flags = CLONE_SIGHAND;
  refused("SIGHAND without VM", a, sizeof a);
  a = zero, a.flags = THREAD | CLONE_NEWPID;
  refused("THREAD with NEWPID", a, sizeof a);
  a = zero, a.flags = CLONE_NEWNS | CLONE_FS;
  refused("NEWNS with FS", a, sizeof a);
  a = zero, a.flags = CLONE_PIDFD | CLONE_PARENT_SETTID, a.pidfd = a.parent_tid = (uintptr_t)big;
  refused("PIDFD and PARENT_SETTID at one address", a, sizeof a);
}

static volatile int ptid, ctid;
static struct {
  int tid, ptid_seen, ctid_seen;
  uintptr_t sp;
} seen;

static long raw_gettid(void) {
#if defined(__aarch64__)
  register long x8 __asm__("x8") = SYS_gettid;
  register long x0 __asm__("x0");
  __asm__ volatile("svc #0" : "=r"(x0) : "r"(x8) : "memory");
  return x0;
#else
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(SYS_gettid) : "rcx", "r11", "memory");
  return r;
#endif
}

static int child(void *arg) {
  int local;
  seen.tid = (int)raw_gettid();
  seen.ptid_seen = ptid;
  seen.ctid_seen = ctid;
  seen.sp = (uintptr_t)&local;
  return (int)(intptr_t)arg;
}

static void thread(void) {
  struct clone_args a = {
      .flags = THREAD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID,
      .child_tid = (uintptr_t)&ctid,
      .parent_tid = (uintptr_t)&ptid,
      .stack = (uintptr_t)stack,
      .stack_size = sizeof stack,
  };
  ptid = ctid = -1;
  long tid = clone3_run(&a, sizeof a, child, (void *)7);
  if (tid < 0) {
    printf("clone3 thread: %s\n", strerror((int)-tid));
    return;
  }
  int at_return = ptid, v;
  while ((v = ctid) != 0) syscall(SYS_futex, &ctid, FUTEX_WAIT, v, NULL, NULL, 0);
  printf("clone3 thread: parent_tid == result: %s; child saw parent_tid %s, child_tid %s\n",
         at_return == tid ? "yes" : "no", seen.ptid_seen == tid ? "set" : "unset",
         seen.ctid_seen == tid ? "set" : "unset");
  printf("  gettid in child == result: %s; ran on the new stack: %s; child_tid after exit: %d\n",
         seen.tid == tid ? "yes" : "no",
         seen.sp > (uintptr_t)stack && seen.sp < (uintptr_t)stack + sizeof stack ? "yes" : "no",
         ctid);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  checks();
  thread();
  return 0;
}
