/* Identity calls qemu-aarch64 7.2 lacks: prctl PR_SET/GET_CHILD_SUBREAPER
   and PR_GET_TID_ADDRESS (EINVAL under qemu), sched_setattr and
   sched_getattr (ENOSYS under qemu).

   Oracle: this program built for x86-64 and run natively (id_native.oracle):
   kernel/sys.c and kernel/sched/syscalls.c are architecture-independent,
   and struct sched_attr is the same on both ABIs. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ESRCH: return "ESRCH";
    case EFAULT: return "EFAULT";     case EINVAL: return "EINVAL";
    case E2BIG: return "E2BIG";       case ENOSYS: return "ENOSYS";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-64s %s\n", what, errname(errno));
  else printf("%-64s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
#define YN(x) ((x) ? "yes" : "no")
#define BAD ((void *)8)

/* include/uapi/linux/sched/types.h */
struct sched_attr {
  uint32_t size, sched_policy;
  uint64_t sched_flags;
  int32_t sched_nice;
  uint32_t sched_priority;
  uint64_t sched_runtime, sched_deadline, sched_period;
  uint32_t sched_util_min, sched_util_max;
};

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  puts("-- prctl");
  int v = 9;
  SHOW(prctl(PR_SET_CHILD_SUBREAPER, 1));
  SHOW(prctl(PR_GET_CHILD_SUBREAPER, &v));
  printf("subreaper %d\n", v);
  SHOW(prctl(PR_GET_CHILD_SUBREAPER, BAD));
  SHOW(prctl(PR_SET_CHILD_SUBREAPER, 0));
  uint64_t orig = 0, now = 0;
  SHOW(prctl(PR_GET_TID_ADDRESS, &orig));
  printf("the libc registered one: %s\n", YN(orig != 0));
  static int mine;
  syscall(SYS_set_tid_address, &mine);
  prctl(PR_GET_TID_ADDRESS, &now);
  printf("it gives what set_tid_address set: %s\n", YN(now == (uintptr_t)&mine));
  syscall(SYS_set_tid_address, (void *)(uintptr_t)orig);
  SHOW(prctl(PR_GET_TID_ADDRESS, BAD));

  puts("-- sched_getattr/sched_setattr");
  struct sched_attr a;
  memset(&a, 0xff, sizeof a);
  SHOW(syscall(SYS_sched_getattr, 0, &a, sizeof a, 0));
  printf("size %u policy %u nice %d priority %u\n", a.size, a.sched_policy, a.sched_nice,
         a.sched_priority);
  SHOW(syscall(SYS_sched_getattr, 0, &a, 8, 0));
  SHOW(syscall(SYS_sched_getattr, 0, BAD, sizeof a, 0));
  SHOW(syscall(SYS_sched_getattr, 0, &a, sizeof a, 1));
  memset(&a, 0, sizeof a);
  a.size = 48;
  a.sched_policy = 3; /* SCHED_BATCH */
  a.sched_nice = 2;
  SHOW(syscall(SYS_sched_setattr, 0, &a, 0));
  memset(&a, 0, sizeof a);
  syscall(SYS_sched_getattr, 0, &a, sizeof a, 0);
  printf("policy %u nice %d\n", a.sched_policy, a.sched_nice);
  a.size = 4;
  SHOW(syscall(SYS_sched_setattr, 0, &a, 0));
  SHOW(syscall(SYS_sched_setattr, 0, BAD, 0));
  a.size = 0;
  a.sched_policy = 0;
  a.sched_nice = 2;
  SHOW(syscall(SYS_sched_setattr, 0, &a, 0));
  return 0;
}
