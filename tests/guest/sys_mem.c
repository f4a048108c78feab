/* Memory system calls: brk, mmap (anonymous, file-backed shared and
   private, hints, MAP_FIXED, MAP_FIXED_NOREPLACE), mprotect, munmap,
   mremap, madvise, msync, and their Linux error checks. Protection is
   observed without faulting: the kernel answers EFAULT when read(2) would
   store into a page the process may not write or that is not mapped.
   Output is the same on every run: no addresses are printed.
   Not checked here because qemu-aarch64 7.2 (the oracle) differs from
   Linux: MAP_FIXED_NOREPLACE over a mapping (EEXIST on Linux, a hint under
   qemu); mprotect of length 0 (0 on Linux, ENOMEM under qemu); mremap to
   length 0 (EINVAL on Linux); madvise with an unknown advice or over
   unmapped pages (EINVAL and ENOMEM on Linux, 0 under qemu); the pages
   brk gives back (unmapped on Linux, left mapped by qemu). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
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
    case EINVAL: return "EINVAL";     case ENODEV: return "ENODEV";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-56s %s\n", what, errname(errno));
  else printf("%-56s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
#define PAGE 4096L
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static int g_pipe[2];

/* Can the kernel store into p? (read(2) from a pipe holding one byte) */
static const char *writable(void *p) {
  write(g_pipe[1], "w", 1);
  long r = read(g_pipe[0], p, 1);
  if (r == 1) return "writable";
  char drain;
  read(g_pipe[0], &drain, 1);
  return errno == EFAULT ? "not writable" : "?";
}

/* Can the kernel load from p? (write(2) of one byte to the pipe) */
static const char *readable(void *p) {
  if (write(g_pipe[1], p, 1) != 1) return errno == EFAULT ? "not readable" : "?";
  char drain;
  read(g_pipe[0], &drain, 1);
  return "readable";
}

static long kmmap(void *addr, long len, int prot, int flags, int fd, long off) {
  return syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

static void test_brk(void) {
  puts("-- brk");
  uintptr_t start = syscall(SYS_brk, 0);
  printf("break page-aligned or not, nonzero: %s\n", start ? "yes" : "no");
  uintptr_t want = start + 3 * PAGE + 123;
  uintptr_t got = syscall(SYS_brk, want);
  printf("brk grew to the exact request: %s\n", got == want ? "yes" : "no");
  memset((void *)start, 0x5a, 3 * PAGE + 123);
  printf("new memory usable: %s\n", ((char *)start)[3 * PAGE] == 0x5a ? "yes" : "no");
  got = syscall(SYS_brk, start + PAGE);
  printf("brk shrank: %s\n", got == start + PAGE ? "yes" : "no");
  got = syscall(SYS_brk, start + 2 * PAGE);
  printf("regrown page is zero: %s\n", ((char *)start)[PAGE + 10] == 0 ? "yes" : "no");
  got = syscall(SYS_brk, 4096);
  printf("brk below its start is refused, break unchanged: %s\n",
         got == start + 2 * PAGE ? "yes" : "no");
  got = syscall(SYS_brk, start);
  printf("back to the start: %s\n", got == start ? "yes" : "no");
}

static void test_anon(void) {
  puts("-- anonymous mmap, mprotect, munmap");
  char *p = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);
  printf("mapped: %s, page-aligned: %s\n", p != MAP_FAILED ? "yes" : "no",
         ((uintptr_t)p & (PAGE - 1)) == 0 ? "yes" : "no");
  int zero = 1;
  for (long i = 0; i < 3 * PAGE; i++) zero &= p[i] == 0;
  printf("zero-filled: %s\n", zero ? "yes" : "no");
  memset(p, 'a', 3 * PAGE);
  SHOW(mprotect(p + PAGE, PAGE, PROT_READ));
  printf("page 1: %s, %s\n", writable(p + PAGE), readable(p + PAGE));
  SHOW(mprotect(p + PAGE, PAGE, PROT_NONE));
  printf("page 1: %s, %s\n", writable(p + PAGE), readable(p + PAGE));
  SHOW(mprotect(p + PAGE, PAGE, RW));
  printf("page 1: %s, kept its data: %s\n", writable(p + PAGE), p[PAGE + 5] == 'a' ? "yes" : "no");
  SHOW(syscall(SYS_mprotect, p + 1, PAGE, PROT_READ));
  SHOW(syscall(SYS_mprotect, p, PAGE, 0x1000));
  SHOW(munmap(p + PAGE, PAGE));
  printf("page 1 after munmap: %s\n", writable(p + PAGE));
  SHOW(syscall(SYS_mprotect, p, 3 * PAGE, PROT_READ)); /* spans the hole */
  SHOW(syscall(SYS_munmap, p + PAGE, PAGE)); /* nothing there: still fine */
  SHOW(syscall(SYS_munmap, p + 1, PAGE));
  SHOW(syscall(SYS_munmap, p, 0));
  printf("pages 0 and 2 untouched: %s\n", p[0] == 'a' && p[2 * PAGE] == 'a' ? "yes" : "no");

  /* A hint that is free is used. */
  char *q = mmap(p + PAGE, PAGE, RW, ANON, -1, 0);
  printf("free hint honoured: %s\n", q == p + PAGE ? "yes" : "no");
  /* MAP_FIXED replaces; MAP_FIXED_NOREPLACE refuses. */
  q[0] = 'q';
  char *r = mmap(p + PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0);
  printf("MAP_FIXED replaced the page: %s\n", r == p + PAGE && r[0] == 0 ? "yes" : "no");
  SHOW(kmmap(p + 1, PAGE, RW, ANON | MAP_FIXED, -1, 0));
  SHOW(munmap(p, 3 * PAGE));

  SHOW(kmmap(NULL, 0, RW, ANON, -1, 0));
  SHOW(kmmap(NULL, PAGE, RW, MAP_ANONYMOUS, -1, 0)); /* neither shared nor private */
  SHOW(kmmap(NULL, PAGE, RW, ANON, -1, 1));
  SHOW(kmmap(NULL, PAGE, RW, MAP_PRIVATE, -1, 0));
  SHOW(kmmap(NULL, PAGE, RW, MAP_PRIVATE, 1000, 0));
  SHOW(kmmap(NULL, PAGE, RW, MAP_PRIVATE, 12345, 0));
  char *big = mmap(NULL, 64L << 20, RW, ANON | MAP_NORESERVE, -1, 0);
  printf("64 MiB reserve: %s\n", big != MAP_FAILED ? "yes" : "no");
  big[(64L << 20) - 1] = 1;
  SHOW(munmap(big, 64L << 20));
}

static void test_mremap_madvise(void) {
  puts("-- mremap, madvise");
  char *p = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);
  memset(p, 'm', 3 * PAGE);
  munmap(p + PAGE, PAGE);
  SHOW(syscall(SYS_mremap, p, PAGE, 3 * PAGE, 0)); /* page 2 is in the way */
  char *q = mremap(p, PAGE, 4 * PAGE, MREMAP_MAYMOVE);
  printf("moved: %s, kept data: %s\n", q != MAP_FAILED ? "yes" : "no",
         q != MAP_FAILED && q[PAGE - 1] == 'm' ? "yes" : "no");
  printf("old place now: %s\n", writable(p));
  printf("grown tail: %s, zero: %s\n", writable(q + 3 * PAGE), q[3 * PAGE + 1] == 0 ? "yes" : "no");
  char *s = mremap(q, 4 * PAGE, PAGE, 0);
  printf("shrunk in place: %s\n", s == q ? "yes" : "no");
  printf("cut tail: %s\n", writable(q + PAGE));
  SHOW(syscall(SYS_mremap, q + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE));
  SHOW(syscall(SYS_mremap, q, PAGE, 2 * PAGE, MREMAP_FIXED, p));
  SHOW(syscall(SYS_mremap, q, PAGE, 2 * PAGE, 0x80));
  SHOW(syscall(SYS_mremap, q + PAGE, PAGE, 2 * PAGE, MREMAP_MAYMOVE)); /* nothing there */
  char *f = mremap(q, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, p);
  printf("MREMAP_FIXED went where asked: %s, data: %s\n", f == p ? "yes" : "no",
         f == p && p[0] == 'm' ? "yes" : "no");

  memset(p, 'z', PAGE);
  SHOW(madvise(p, PAGE, MADV_DONTNEED));
  printf("anonymous page after MADV_DONTNEED is zero: %s\n", p[100] == 0 ? "yes" : "no");
  SHOW(madvise(p, PAGE, MADV_WILLNEED));
  SHOW(madvise(p, PAGE, MADV_NORMAL));
  SHOW(syscall(SYS_madvise, p + 1, PAGE, MADV_NORMAL));
  SHOW(syscall(SYS_madvise, p, 0, MADV_NORMAL));
  munmap(p, PAGE);
  munmap(p + 2 * PAGE, PAGE);
}

static void test_file(void) {
  puts("-- file mappings, msync");
  char path[] = "/tmp/sys_mem.XXXXXX";
  int fd = mkstemp(path);
  unlink(path);
  char page[PAGE];
  memset(page, '1', PAGE);
  write(fd, page, PAGE);
  memset(page, '2', PAGE);
  write(fd, page, PAGE);
  char *s = mmap(NULL, 2 * PAGE, RW, MAP_SHARED, fd, 0);
  printf("shared map: %s, data %c%c\n", s != MAP_FAILED ? "yes" : "no", s[0], s[PAGE]);
  s[1] = 'X';
  SHOW(msync(s, 2 * PAGE, MS_SYNC));
  char c = 0;
  pread(fd, &c, 1, 1);
  printf("file sees the store: %c\n", c);
  SHOW(syscall(SYS_msync, s + 1, PAGE, MS_SYNC));
  SHOW(syscall(SYS_msync, s, PAGE, MS_SYNC | MS_ASYNC));
  SHOW(syscall(SYS_msync, s, PAGE, 0x100));
  SHOW(syscall(SYS_msync, s, 0, MS_SYNC));
  char *p = mmap(NULL, PAGE, RW, MAP_PRIVATE, fd, PAGE);
  printf("private map at offset one page: %c\n", p[0]);
  p[0] = 'P';
  pread(fd, &c, 1, PAGE);
  printf("file keeps its data: %c\n", c);
  SHOW(munmap(p, PAGE));
  SHOW(syscall(SYS_msync, p, PAGE, MS_SYNC)); /* nothing mapped */
  SHOW(munmap(s, 2 * PAGE));
  int ro = open("/proc/self/exe", O_RDONLY);
  SHOW(kmmap(NULL, PAGE, RW, MAP_SHARED, ro, 0));
  char *x = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, ro, 0);
  printf("program maps read-only, ELF magic: %s\n",
         x != MAP_FAILED && !memcmp(x, "\177ELF", 4) ? "yes" : "no");
  munmap(x, PAGE);
  close(ro);
  close(fd);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  pipe(g_pipe);
  test_brk();
  test_anon();
  test_mremap_madvise();
  test_file();
  return 0;
}
