/* Memory calls qemu-aarch64 7.2 does not implement (ENOSYS there):
   mlock2, and process_vm_readv/writev on this process and on a forked
   child (whose copy of the buffers sits at the same addresses), with the
   kernel's checks: flags, the iovec count, bad local and remote ranges.

   Oracle: this program built for x86-64 and run natively (mem_native.oracle);
   these calls are architecture-independent (mm/mlock.c,
   mm/process_vm_access.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ESRCH: return "ESRCH";
    case ENOMEM: return "ENOMEM";     case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";     case ENOSYS: return "ENOSYS";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-64s %s\n", what, errname(errno));
  else printf("%-64s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
#define PAGE 4096L
#define RW (PROT_READ | PROT_WRITE)
#define BAD ((void *)8)
#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif

static void test_mlock2(void) {
  puts("-- mlock2");
  char *p = mmap(NULL, 4 * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  SHOW(syscall(SYS_mlock2, p, PAGE, MLOCK_ONFAULT));
  SHOW(syscall(SYS_mlock2, p, PAGE, 0));
  SHOW(syscall(SYS_mlock2, p, PAGE, 2));
  SHOW(munlock(p, PAGE));
  munmap(p + PAGE, PAGE);
  SHOW(syscall(SYS_mlock2, p, 2 * PAGE, 0));
  munmap(p, 4 * PAGE);
}

static char g_src[64] = "remote data";
static char g_dst[64];

static void test_pvm(void) {
  puts("-- process_vm_readv/writev");
  pid_t me = getpid();
  struct iovec l = {g_dst, 11}, r = {g_src, 11};
  SHOW(process_vm_readv(me, &l, 1, &r, 1, 0));
  printf("read from myself: %s\n", g_dst);
  SHOW(process_vm_readv(me, &l, 1, &r, 1, 1));
  SHOW(process_vm_readv(me, &l, 1025, &r, 1, 0));
  struct iovec bad_l = {BAD, 11}, bad_r = {BAD, 11};
  SHOW(process_vm_readv(me, &bad_l, 1, &r, 1, 0));
  SHOW(process_vm_readv(me, &l, 1, &bad_r, 1, 0));
  SHOW(process_vm_readv(me, BAD, 1, &r, 1, 0));
  SHOW(process_vm_readv(me, &l, 0, &r, 1, 0));

  int go[2], done[2];
  pipe(go);
  pipe(done);
  pid_t pid = fork();
  if (pid == 0) {
    strcpy(g_src, "child's own");
    write(done[1], "r", 1);
    char c;
    read(go[0], &c, 1);
    printf("child now holds: %s\n", g_src);
    _exit(0);
  }
  char c;
  read(done[0], &c, 1);
  memset(g_dst, 0, sizeof g_dst);
  SHOW(process_vm_readv(pid, &l, 1, &r, 1, 0));
  printf("read from the child: %s\n", g_dst);
  struct iovec w = {"written in", 10};
  SHOW(process_vm_writev(pid, &w, 1, &r, 1, 0));
  write(go[1], "g", 1);
  int st;
  waitpid(pid, &st, 0);
  SHOW(process_vm_readv(pid, &l, 1, &r, 1, 0));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_mlock2();
  test_pvm();
  return 0;
}
