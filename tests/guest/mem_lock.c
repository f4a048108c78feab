/* Memory calls beyond mmap itself: mlock, munlock, mlockall,
   munlockall, mincore (one byte per page, ENOMEM outside mappings),
   memfd_create (two shared views of one memfd, its flag and name checks),
   membarrier (registration before use), and file mappings: MAP_SHARED
   written back with msync, MAP_PRIVATE copies, mremap growing a file
   mapping so that the next page of the file appears. Output is the same on
   every run: no addresses or host-dependent masks are printed.
   Oracle: qemu-aarch64. mlock2, which qemu 7.2 lacks, is in mem_native.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";       case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";     case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";     case EEXIST: return "EEXIST";
    case EINVAL: return "EINVAL";     case ENOSYS: return "ENOSYS";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-60s %s\n", what, errname(errno));
  else printf("%-60s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
#define YN(x) ((x) ? "yes" : "no")
#define PAGE 4096L
#define RW (PROT_READ | PROT_WRITE)
#define BAD ((void *)8)

/* linux/membarrier.h, which the musl cross toolchain lacks. */
#define MEMBARRIER_CMD_QUERY 0
#define MEMBARRIER_CMD_GLOBAL 1
#define MEMBARRIER_CMD_PRIVATE_EXPEDITED 8
#define MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED 16
#define MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE 32
#define MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE 64

static void test_mlock(void) {
  puts("-- mlock");
  char *p = mmap(NULL, 4 * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  SHOW(mlock(p, 2 * PAGE));
  SHOW(munlock(p, 2 * PAGE));
  SHOW(mlock(p + 100, 10)); /* grows to the page */
  SHOW(munlock(p + 100, 10));
  SHOW(mlock(p, 0));
  munmap(p + 2 * PAGE, PAGE);
  SHOW(mlock(p, 4 * PAGE)); /* a hole */
  SHOW(munlock(p, 4 * PAGE));
  SHOW(mlockall(0));
  SHOW(mlockall(MCL_ONFAULT));
  SHOW(mlockall(8));
  SHOW(mlockall(MCL_CURRENT | MCL_ONFAULT));
  SHOW(munlockall());
  munmap(p, 4 * PAGE);
}

static void test_mincore(void) {
  puts("-- mincore");
  char *p = mmap(NULL, 4 * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  p[0] = 1;
  p[2 * PAGE] = 1;
  unsigned char vec[8] = {0};
  SHOW(mincore(p, 4 * PAGE, vec));
  printf("resident: %d %d %d %d\n", vec[0] & 1, vec[1] & 1, vec[2] & 1, vec[3] & 1);
  SHOW(mincore(p, 3 * PAGE + 1, vec));
  SHOW(mincore(p + 1, PAGE, vec));
  SHOW(mincore(p, PAGE, BAD));
  SHOW(mincore(p, 0, vec));
  munmap(p + PAGE, PAGE);
  SHOW(mincore(p, 4 * PAGE, vec));
  SHOW(mincore(p + PAGE, PAGE, vec));
  munmap(p, 4 * PAGE);
}

static void test_memfd(void) {
  puts("-- memfd_create");
  int fd = memfd_create("elfrun-test", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  printf("memfd >= 0: %s, cloexec: %s\n", YN(fd >= 0), YN(fcntl(fd, F_GETFD) == FD_CLOEXEC));
  SHOW(ftruncate(fd, 2 * PAGE));
  char *a = mmap(NULL, 2 * PAGE, RW, MAP_SHARED, fd, 0);
  char *b = mmap(NULL, 2 * PAGE, RW, MAP_SHARED, fd, 0);
  strcpy(a + PAGE, "one memory, two views");
  printf("b sees: %s\n", b + PAGE);
  char buf[32] = {0};
  SHOW(pread(fd, buf, 21, PAGE));
  printf("read sees: %s\n", buf);
  munmap(a, 2 * PAGE);
  munmap(b, 2 * PAGE);
  close(fd);
  SHOW(memfd_create("x", 0x100));
  char name[300];
  memset(name, 'n', sizeof name - 1);
  name[sizeof name - 1] = 0;
  SHOW(memfd_create(name, 0));
  name[249] = 0;
  fd = memfd_create(name, 0);
  printf("249-byte name accepted: %s\n", YN(fd >= 0));
  close(fd);
  SHOW(syscall(SYS_memfd_create, BAD, 0));
}

static void test_membarrier(void) {
  puts("-- membarrier");
  long mask = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
  printf("QUERY offers GLOBAL: %s\n", YN(mask > 0 && (mask & MEMBARRIER_CMD_GLOBAL)));
  printf("QUERY offers PRIVATE_EXPEDITED: %s\n",
         YN(mask > 0 && (mask & MEMBARRIER_CMD_PRIVATE_EXPEDITED)));
  SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
  SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0));
  SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
  SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE, 0, 0));
  SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE, 0, 0));
  SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE, 0, 0));
  SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 1, 0));
  SHOW(syscall(SYS_membarrier, 1 << 20, 0, 0));
}

static void test_file_maps(void) {
  puts("-- file mappings");
  char path[] = "/tmp/elfrun-mem_lock-XXXXXX";
  int fd = mkstemp(path);
  unlink(path);
  char page[PAGE];
  memset(page, 'A', PAGE);
  write(fd, page, PAGE);
  memset(page, 'B', PAGE);
  write(fd, page, PAGE);
  char *s = mmap(NULL, PAGE, RW, MAP_SHARED, fd, 0);
  char *pr = mmap(NULL, PAGE, RW, MAP_PRIVATE, fd, 0);
  s[0] = 's';
  printf("private view sees the shared write before its own: %c\n", pr[0]);
  pr[1] = 'p';
  SHOW(msync(s, PAGE, MS_SYNC));
  char buf[4] = {0};
  pread(fd, buf, 3, 0);
  printf("file after msync: %.3s\n", buf);
  SHOW(msync(s, PAGE, MS_SYNC | MS_ASYNC));
  SHOW(msync(s + 1, PAGE, MS_SYNC));
  char *g = mremap(s, PAGE, 2 * PAGE, MREMAP_MAYMOVE);
  printf("mremap grows the file mapping: %s\n", YN(g != MAP_FAILED));
  printf("page 0 %c%c, page 1 %c\n", g[0], g[1], g[PAGE]);
  g[PAGE] = 'g';
  SHOW(msync(g, 2 * PAGE, MS_SYNC));
  pread(fd, buf, 1, PAGE);
  printf("file page 1 after msync: %c\n", buf[0]);
  munmap(g, 2 * PAGE);
  munmap(pr, PAGE);
  close(fd);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_mlock();
  test_mincore();
  test_memfd();
  test_membarrier();
  test_file_maps();
  return 0;
}
