/* Descriptor system calls: read/write and their vector and positioned
   forms, lseek, dup/dup3, pipe2, fcntl (flags, descriptor flags, record
   and OFD locks), getdents64, ftruncate, flock, fsync, close_range, and
   their error paths (EBADF, EFAULT, EINVAL, ESPIPE, EMFILE).
   Output is the same on every run: no descriptor numbers the runtime
   chooses, no inode numbers, no paths of temporary files.

   Not checked here because qemu-aarch64 (the oracle) differs from the
   kernel: a call with both a bad descriptor (or one of the wrong mode) and
   a bad buffer is EBADF on Linux, which looks up the descriptor first, but
   EFAULT under qemu, which locks the buffer first; getdents64 with a buffer
   too small for one entry is EINVAL on Linux, 0 under qemu; F_GETFL has
   O_LARGEFILE on Linux (see test_fcntl).
   See also sys_fs.c (path calls) and sys_ioctl.c. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/* The same text from glibc and musl, unlike strerror(). */
static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ENOENT: return "ENOENT";
    case ESRCH: return "ESRCH";       case EINTR: return "EINTR";
    case EBADF: return "EBADF";       case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";     case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";     case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";   case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";     case EMFILE: return "EMFILE";
    case ENOTTY: return "ENOTTY";     case ESPIPE: return "ESPIPE";
    case ERANGE: return "ERANGE";     case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENOSYS: return "ENOSYS";     case ENOTEMPTY: return "ENOTEMPTY";
    case ELOOP: return "ELOOP";       case EOPNOTSUPP: return "EOPNOTSUPP";
    default: return "E?";
  }
}

/* Prints "what: result" or "what: ENAME" for a call returning -1/errno. */
static void show(const char *what, long r) {
  if (r == -1) printf("%-44s %s\n", what, errname(errno));
  else printf("%-44s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))

#define BAD ((void *)1) /* never mapped: the first page is reserved */

static char g_dir[64];

static char *in_dir(const char *name) {
  static char buf[2][128];
  static int which;
  char *p = buf[which ^= 1];
  snprintf(p, sizeof buf[0], "%s/%s", g_dir, name);
  return p;
}

static void test_read_write(void) {
  puts("-- read, write, lseek, pread, pwrite");
  int fd = open(in_dir("data"), O_RDWR | O_CREAT | O_TRUNC, 0644);
  SHOW(write(fd, "0123456789", 10));
  SHOW(lseek(fd, 0, SEEK_CUR));
  SHOW(lseek(fd, 2, SEEK_SET));
  char buf[16] = {0};
  SHOW(read(fd, buf, 3));
  printf("read gave \"%s\"\n", buf);
  SHOW(lseek(fd, -1, SEEK_END));
  SHOW(lseek(fd, 0, 99));
  SHOW(lseek(fd, -100, SEEK_SET));
  SHOW(pwrite(fd, "AB", 2, 4));
  memset(buf, 0, sizeof buf);
  SHOW(pread(fd, buf, 6, 2));
  printf("pread gave \"%s\"\n", buf);
  SHOW(lseek(fd, 0, SEEK_CUR)); /* pread/pwrite leave the offset alone */
  SHOW(pread(fd, buf, 1, -1));
  SHOW(pread(fd, buf, 4, 100)); /* past the end: 0 */
  SHOW(syscall(SYS_read, fd, BAD, 4));
  SHOW(syscall(SYS_write, fd, BAD, 4));
  SHOW(syscall(SYS_write, fd, NULL, 0));
  SHOW(read(12345, buf, 1));
  SHOW(syscall(SYS_read, 0x100000000ll | (unsigned)fd, buf, 0)); /* fd is 32-bit */
  int wo = open(in_dir("data"), O_WRONLY);
  SHOW(read(wo, buf, 1));
  close(wo);
  close(fd);
}

static void test_vectors(void) {
  puts("-- readv, writev, preadv, pwritev");
  int fd = open(in_dir("vec"), O_RDWR | O_CREAT | O_TRUNC, 0644);
  struct iovec out[3] = {{"abc", 3}, {NULL, 0}, {"defgh", 5}};
  SHOW(writev(fd, out, 3));
  char a[4] = {0}, b[9] = {0};
  struct iovec in[2] = {{a, 3}, {b, 7}};
  SHOW(lseek(fd, 0, SEEK_SET));
  SHOW(readv(fd, in, 2));
  printf("readv gave \"%s\" \"%s\"\n", a, b);
  memset(b, 0, sizeof b);
  SHOW(preadv(fd, in, 2, 5));
  printf("preadv gave \"%s\" \"%s\"\n", a, b);
  struct iovec pw = {"XY", 2};
  SHOW(pwritev(fd, &pw, 1, 1));
  memset(b, 0, sizeof b);
  SHOW(pread(fd, b, sizeof b - 1, 0));
  printf("file is \"%s\"\n", b);
  SHOW(syscall(SYS_readv, fd, in, 0));
  SHOW(syscall(SYS_readv, fd, in, 1025));
  SHOW(syscall(SYS_readv, fd, in, -1L));
  SHOW(syscall(SYS_readv, fd, BAD, 1));
  /* A bad buffer after a good one: a short transfer, not an error. */
  struct iovec bad[2] = {{"Q", 1}, {BAD, 4}};
  SHOW(syscall(SYS_pwritev, fd, bad, 2, 0, 0));
  struct iovec bad_first[2] = {{BAD, 4}, {"Q", 1}};
  SHOW(syscall(SYS_pwritev, fd, bad_first, 2, 0, 0));
  struct iovec huge = {a, (size_t)-1};
  SHOW(syscall(SYS_readv, fd, &huge, 1));
  struct iovec beyond = {(void *)(1ull << 60), 1}; /* past any user address */
  SHOW(syscall(SYS_writev, fd, &beyond, 1));
  SHOW(syscall(SYS_preadv, fd, in, 1, -1L, 0L));
  close(fd);
}

static void test_dup_pipe(void) {
  puts("-- dup, dup3, pipe2, close");
  int p[2];
  SHOW(pipe2(p, O_CLOEXEC | O_NONBLOCK));
  SHOW(fcntl(p[0], F_GETFD));
  printf("pipe status flags: %#o\n", fcntl(p[1], F_GETFL));
  SHOW(write(p[1], "hi", 2));
  char buf[4] = {0};
  SHOW(read(p[0], buf, sizeof buf));
  SHOW(read(p[0], buf, sizeof buf)); /* empty, non-blocking */
  SHOW(lseek(p[0], 0, SEEK_SET));
  SHOW(pread(p[0], buf, 1, 0));
  SHOW(syscall(SYS_pipe2, BAD, 0));
  SHOW(syscall(SYS_pipe2, p, 0x1));
  int d = dup(p[1]);
  printf("dup gives a new fd: %s\n", d >= 0 && d != p[1] ? "yes" : "no");
  SHOW(fcntl(d, F_GETFD));
  SHOW(dup3(p[1], 200, O_CLOEXEC));
  SHOW(fcntl(200, F_GETFD));
  SHOW(dup3(p[1], 200, 0)); /* replaces 200, now without FD_CLOEXEC */
  SHOW(fcntl(200, F_GETFD));
  SHOW(dup3(p[1], p[1], 0));
  SHOW(dup3(p[1], 201, O_NONBLOCK));
  SHOW(dup3(p[1], 100000, 0));
  SHOW(dup3(-1, 201, 0));
  SHOW(dup3(1000, 201, 0));
  SHOW(dup(-1));
  SHOW(close(200));
  SHOW(close(200));
  SHOW(close(-1));
  SHOW(close(1000)); /* elfrun's own descriptors start here: invisible */
  SHOW(fcntl(1000, F_GETFD));
  close(d);
  close(p[0]);
  close(p[1]);
}

static void test_fcntl(void) {
  puts("-- fcntl");
  int fd = open(in_dir("data"), O_RDWR | O_APPEND);
  /* qemu 7.2 drops O_LARGEFILE from F_GETFL; arm64 kernels set it on every
     open(2)ed file (force_o_largefile()). Masked so both agree. */
  printf("F_GETFL: %#o\n", fcntl(fd, F_GETFL) & ~0400000);
  SHOW(fcntl(fd, F_SETFL, O_NONBLOCK));
  printf("F_GETFL: %#o\n", fcntl(fd, F_GETFL) & ~0400000);
  int dir = open(g_dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  printf("F_GETFL dir: %#o\n", fcntl(dir, F_GETFL) & ~0400000);
  close(dir);
  SHOW(fcntl(fd, F_GETFD));
  SHOW(fcntl(fd, F_SETFD, FD_CLOEXEC));
  SHOW(fcntl(fd, F_GETFD));
  SHOW(fcntl(fd, F_DUPFD, 150));
  SHOW(fcntl(fd, F_DUPFD, 150));
  SHOW(fcntl(151, F_GETFD));
  SHOW(fcntl(fd, F_DUPFD_CLOEXEC, 160));
  SHOW(fcntl(160, F_GETFD));
  SHOW(fcntl(fd, F_DUPFD, 100000));
  SHOW(fcntl(fd, 9999, 0));
  SHOW(fcntl(-1, F_GETFD));
  close(150);
  close(151);
  close(160);

  struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 3};
  SHOW(fcntl(fd, F_SETLK, &lk));
  lk.l_type = F_WRLCK;
  SHOW(fcntl(fd, F_GETLK, &lk)); /* our own lock never conflicts */
  printf("F_GETLK type: %s\n", lk.l_type == F_UNLCK ? "F_UNLCK" : "locked");
  SHOW(fcntl(fd, F_GETLK, BAD));
  lk.l_type = F_UNLCK;
  SHOW(fcntl(fd, F_SETLK, &lk));

  /* Open file description locks conflict between two opens, even in one
     process, and report l_pid -1. */
  int other = open(in_dir("data"), O_RDWR);
  struct flock ofd = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
  SHOW(fcntl(fd, F_OFD_SETLK, &ofd));
  struct flock q = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 5, .l_len = 1};
  SHOW(fcntl(other, F_OFD_GETLK, &q));
  printf("conflict: type %s start %lld len %lld pid %d\n",
         q.l_type == F_WRLCK ? "F_WRLCK" : "other", (long long)q.l_start,
         (long long)q.l_len, q.l_pid);
  q = (struct flock){.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 5, .l_len = 1};
  SHOW(fcntl(other, F_OFD_SETLK, &q));
  q.l_pid = 1; /* OFD locks insist on l_pid 0 */
  SHOW(fcntl(other, F_OFD_SETLK, &q));
  close(other);

  SHOW(flock(fd, LOCK_EX | LOCK_NB));
  SHOW(flock(fd, LOCK_UN));
  SHOW(flock(fd, 0));
  SHOW(ftruncate(fd, 3));
  struct stat st;
  fstat(fd, &st);
  printf("size after ftruncate: %lld\n", (long long)st.st_size);
  SHOW(ftruncate(fd, -1));
  SHOW(fsync(fd));
  SHOW(fdatasync(fd));
  SHOW(fsync(-1));
  close(fd);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The kernel's struct linux_dirent64. */
struct dirent64_k {
  uint64_t d_ino;
  int64_t d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[];
};

static void test_getdents(void) {
  puts("-- getdents64");
  mkdir(in_dir("sub"), 0755);
  int fd = open(g_dir, O_RDONLY | O_DIRECTORY);
  char buf[4096] __attribute__((aligned(8)));
  char *names[32];
  int n = 0;
  long len;
  while ((len = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
    for (long off = 0; off < len;) {
      struct dirent64_k *d = (struct dirent64_k *)(buf + off);
      if (n < 32) {
        names[n] = malloc(strlen(d->d_name) + 4);
        sprintf(names[n++], "%s/%c", d->d_name,
                d->d_type == DT_DIR ? 'd' : d->d_type == DT_REG ? 'f' : '?');
      }
      off += d->d_reclen;
    }
  }
  show("getdents64 at end", len);
  qsort(names, n, sizeof *names, cmp_str);
  for (int i = 0; i < n; i++) printf("entry %s\n", names[i]);
  SHOW(lseek(fd, 0, SEEK_SET));
  SHOW(syscall(SYS_getdents64, fd, BAD, sizeof buf));
  SHOW(syscall(SYS_getdents64, -1, buf, 10));
  int file = open(in_dir("data"), O_RDONLY);
  SHOW(syscall(SYS_getdents64, file, buf, sizeof buf));
  close(file);
  close(fd);
}

static void test_close_range(void) {
  puts("-- close_range");
  int a = dup(1), b = dup(1);
  printf("two dups: %s\n", a >= 0 && b >= 0 ? "yes" : "no");
  SHOW(syscall(SYS_close_range, 10, 5, 0));
  SHOW(syscall(SYS_close_range, 3, ~0u, 0));
  printf("closed: %s\n", fcntl(a, F_GETFD) == -1 && fcntl(b, F_GETFD) == -1 ? "yes" : "no");
  SHOW(syscall(SYS_close_range, 3, ~0u, 0x80));
  /* The guest's descriptors are all closed, elfrun's are not: the runtime
     can still write this line. */
  puts("still running");
}

int main(void) {
  strcpy(g_dir, "/tmp/sys_fd.XXXXXX");
  if (!mkdtemp(g_dir)) return 1;
  setvbuf(stdout, NULL, _IONBF, 0);
  test_read_write();
  test_vectors();
  test_dup_pipe();
  test_fcntl();
  test_getdents();
  unlink(in_dir("data"));
  unlink(in_dir("vec"));
  rmdir(in_dir("sub"));
  rmdir(g_dir);
  test_close_range();
  return 0;
}
