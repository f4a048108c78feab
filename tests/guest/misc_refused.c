/* Calls elfrun refuses in src/linux/refused.c for their own reasons, with
   the errno a kernel built without the feature gives: asynchronous I/O
   (CONFIG_AIO), keyrings (CONFIG_KEYS), NUMA policies (CONFIG_NUMA) and
   remap_file_pages give ENOSYS; ptrace and process_madvise give EPERM.
   Oracle: qemu-aarch64, which implements none of these (ENOSYS); for
   ptrace and process_madvise, where elfrun answers EPERM as an
   unprivileged process under Yama ptrace_scope=3 or without CAP_SYS_NICE
   gets, the line accepts either. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case EINVAL: return "EINVAL";
    case ENOSYS: return "ENOSYS";     case EFAULT: return "EFAULT";
    case EBADF: return "EBADF";       default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-60s %s\n", what, errname(errno));
  else printf("%-60s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))

static void show_eperm(const char *what, long r) {
  printf("%-60s %s\n", what,
         r == -1 && (errno == EPERM || errno == ENOSYS) ? "EPERM or ENOSYS" : errname(errno));
}
#define SHOW_EPERM(call) show_eperm(#call, (long)(call))

/* asm-generic/unistd.h */
#define NR_io_setup 0
#define NR_io_destroy 1
#define NR_io_submit 2
#define NR_io_cancel 3
#define NR_io_getevents 4
#define NR_ptrace 117
#define NR_add_key 217
#define NR_request_key 218
#define NR_keyctl 219
#define NR_remap_file_pages 234
#define NR_mbind 235
#define NR_get_mempolicy 236
#define NR_set_mempolicy 237
#define NR_migrate_pages 238
#define NR_move_pages 239
#define NR_io_pgetevents 292
#define NR_pidfd_open 434
#define NR_process_madvise 440
#define NR_set_mempolicy_home_node 450

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  unsigned long ctx = 0;
  char page[64] = {0};
  SHOW(syscall(NR_io_setup, 8, &ctx));
  SHOW(syscall(NR_io_destroy, 0));
  SHOW(syscall(NR_io_submit, 0, 1, page));
  SHOW(syscall(NR_io_cancel, 0, page, page));
  SHOW(syscall(NR_io_getevents, 0, 1, 1, page, NULL));
  SHOW(syscall(NR_io_pgetevents, 0, 1, 1, page, NULL, NULL));
  SHOW(syscall(NR_add_key, "user", "elfrun", "x", 1, -3));
  SHOW(syscall(NR_request_key, "user", "elfrun", NULL, 0));
  SHOW(syscall(NR_keyctl, 0, -3, 0, 0, 0));
  SHOW(syscall(NR_remap_file_pages, page, 4096, 0, 0, 0));
  SHOW(syscall(NR_mbind, page, 4096, 0, NULL, 0, 0));
  int mode = -1;
  SHOW(syscall(NR_get_mempolicy, &mode, NULL, 0, NULL, 0));
  SHOW(syscall(NR_set_mempolicy, 0, NULL, 0));
  SHOW(syscall(NR_migrate_pages, 0, 64, page, page));
  SHOW(syscall(NR_move_pages, 0, 0, NULL, NULL, NULL, 0));
  SHOW(syscall(NR_set_mempolicy_home_node, page, 4096, 0, 0));
  SHOW_EPERM(syscall(NR_ptrace, 0 /* PTRACE_TRACEME */, 0, 0, 0));
  long pidfd = syscall(NR_pidfd_open, getpid(), 0);
  SHOW_EPERM(syscall(NR_process_madvise, pidfd, page, 0, 20 /* MADV_COLD */, 0));
  return 0;
}
