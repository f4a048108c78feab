/* Calls elfrun refuses for its own reasons (src/linux/refused.c says
   why): io_uring, restartable sequences, Landlock, memory protection keys
   and secret memory give ENOSYS, as from a kernel built without them;
   nfsservctl is gone from Linux. The guest's C library must go on without
   them.
   Oracle: qemu-aarch64, which implements none of these either. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case EINVAL: return "EINVAL";
    case ENOSYS: return "ENOSYS";     case EFAULT: return "EFAULT";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-60s %s\n", what, errname(errno));
  else printf("%-60s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))

/* asm-generic/unistd.h: numbers the cross libc headers may lack. */
#define NR_rseq 293
#define NR_io_uring_setup 425
#define NR_io_uring_enter 426
#define NR_io_uring_register 427
#define NR_landlock_create_ruleset 444
#define NR_landlock_add_rule 445
#define NR_landlock_restrict_self 446
#define NR_memfd_secret 447
#define NR_pkey_mprotect 288
#define NR_pkey_alloc 289
#define NR_pkey_free 290
#define NR_nfsservctl 42

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  char params[120] = {0};
  SHOW(syscall(NR_io_uring_setup, 8, params));
  SHOW(syscall(NR_io_uring_enter, 3, 1, 0, 0, NULL, 0));
  SHOW(syscall(NR_io_uring_register, 3, 0, NULL, 0));
  char area[32] = {0};
  SHOW(syscall(NR_rseq, area, 32, 0, 0x53053053));
  SHOW(syscall(NR_landlock_create_ruleset, NULL, 0, 1));
  SHOW(syscall(NR_landlock_add_rule, 3, 1, NULL, 0));
  SHOW(syscall(NR_landlock_restrict_self, 3, 0));
  SHOW(syscall(NR_memfd_secret, 0));
  SHOW(syscall(NR_pkey_alloc, 0, 0));
  SHOW(syscall(NR_pkey_free, 1));
  SHOW(syscall(NR_pkey_mprotect, area, 4096, 3, -1));
  SHOW(syscall(NR_nfsservctl, 0, NULL, NULL));
  return 0;
}
