/* Calls qemu-aarch64 7.2 lacks or gets wrong, so the oracle is this
   program built for x86-64 and run natively (io_native.oracle): openat2
   and its RESOLVE_* flags (qemu 7.2 has no openat2), epoll_pwait2 (none
   either), fchmodat2 (Linux 6.6), and signalfd4 with a bad mask size
   (qemu accepts it; fs/signalfd.c says EINVAL). Every one of them behaves
   the same on both architectures. struct open_how and the RESOLVE_* bits
   are spelled out here because the musl cross headers have no linux/.
   Run without a sysroot: see docs/sysroot.md for openat2 with one. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NR_openat2 437
#define NR_epoll_pwait2 441
#define NR_fchmodat2 452

struct how {
  uint64_t flags, mode, resolve;
};
#define RESOLVE_NO_XDEV 0x01
#define RESOLVE_NO_MAGICLINKS 0x02
#define RESOLVE_NO_SYMLINKS 0x04
#define RESOLVE_BENEATH 0x08
#define RESOLVE_IN_ROOT 0x10

static const char *errname(int e) {
  switch (e) {
    case EBADF: return "EBADF";     case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";   case ENOENT: return "ENOENT";
    case ELOOP: return "ELOOP";     case EXDEV: return "EXDEV";
    case E2BIG: return "E2BIG";     case ENOTDIR: return "ENOTDIR";
    case EOPNOTSUPP: return "EOPNOTSUPP"; case ENOSYS: return "ENOSYS";
    case EEXIST: return "EEXIST";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-48s %s\n", what, errname(errno));
  else printf("%-48s %ld\n", what, r);
}

static int g_dfd;
static char g_dir[64];

/* Prints "ok" for a descriptor (closed again), else the errno. */
static void try_open(const char *what, int dfd, const char *path, uint64_t flags,
                     uint64_t resolve) {
  struct how h = {flags, 0, resolve};
  long fd = syscall(NR_openat2, dfd, path, &h, sizeof h);
  if (fd >= 0) {
    printf("%-48s ok\n", what);
    close((int)fd);
  } else {
    show(what, -1);
  }
}

static void test_openat2(void) {
  char p[128];
  snprintf(p, sizeof p, "%s/sub", g_dir);
  mkdir(p, 0700);
  snprintf(p, sizeof p, "%s/sub/file", g_dir);
  close(open(p, O_CREAT | O_WRONLY, 0600));
  snprintf(p, sizeof p, "%s/link", g_dir);
  symlink("sub/file", p);
  snprintf(p, sizeof p, "%s/abs", g_dir);
  symlink("/etc", p);
  snprintf(p, sizeof p, "%s/up", g_dir);
  symlink("../..", p);
  g_dfd = open(g_dir, O_PATH | O_DIRECTORY);

  try_open("plain sub/file", g_dfd, "sub/file", O_RDONLY, 0);
  try_open("via symlink", g_dfd, "link", O_RDONLY, 0);
  try_open("NO_SYMLINKS final symlink", g_dfd, "link", O_RDONLY, RESOLVE_NO_SYMLINKS);
  try_open("NO_SYMLINKS O_PATH|O_NOFOLLOW symlink", g_dfd, "link",
           O_PATH | O_NOFOLLOW, RESOLVE_NO_SYMLINKS);
  try_open("NO_SYMLINKS no symlink on the way", g_dfd, "sub/file", O_RDONLY,
           RESOLVE_NO_SYMLINKS);
  try_open("NO_SYMLINKS symlink in the middle", g_dfd, "abs/passwd", O_RDONLY,
           RESOLVE_NO_SYMLINKS);
  try_open("BENEATH ..", g_dfd, "../x", O_RDONLY, RESOLVE_BENEATH);
  try_open("BENEATH sub/..", g_dfd, "sub/../sub/file", O_RDONLY, RESOLVE_BENEATH);
  try_open("BENEATH absolute", g_dfd, "/etc/passwd", O_RDONLY, RESOLVE_BENEATH);
  try_open("BENEATH absolute symlink", g_dfd, "abs/passwd", O_RDONLY, RESOLVE_BENEATH);
  try_open("BENEATH symlink climbing out", g_dfd, "up/x", O_RDONLY, RESOLVE_BENEATH);
  try_open("IN_ROOT absolute is under dirfd", g_dfd, "/sub/file", O_RDONLY, RESOLVE_IN_ROOT);
  try_open("IN_ROOT .. clamped", g_dfd, "../../../sub/file", O_RDONLY, RESOLVE_IN_ROOT);
  try_open("IN_ROOT absolute symlink re-rooted", g_dfd, "abs/passwd", O_RDONLY,
           RESOLVE_IN_ROOT);
  try_open("IN_ROOT symlink climbing out", g_dfd, "up/sub/file", O_RDONLY, RESOLVE_IN_ROOT);
  snprintf(p, sizeof p, "/proc/self/fd/%d/sub/file", g_dfd);
  try_open("magic link, plain", AT_FDCWD, p, O_RDONLY, 0);
  try_open("NO_MAGICLINKS", AT_FDCWD, p, O_RDONLY, RESOLVE_NO_MAGICLINKS);
  try_open("NO_XDEV into /proc", AT_FDCWD, "/proc/self/status", O_RDONLY, RESOLVE_NO_XDEV);
  try_open("NO_XDEV inside the directory", g_dfd, "sub/file", O_RDONLY, RESOLVE_NO_XDEV);
  try_open("BENEATH|IN_ROOT", g_dfd, "sub/file", O_RDONLY, RESOLVE_BENEATH | RESOLVE_IN_ROOT);
  try_open("unknown resolve bit", g_dfd, "sub/file", O_RDONLY, 0x1000);
  try_open("unknown flag bit 40", g_dfd, "sub/file", 1ull << 40, 0);
  try_open("O_DIRECTORY on a file", g_dfd, "sub/file", O_RDONLY | O_DIRECTORY, 0);
  try_open("O_DIRECTORY on a directory", g_dfd, "sub", O_RDONLY | O_DIRECTORY, 0);
  try_open("O_NOFOLLOW on a symlink", g_dfd, "link", O_RDONLY | O_NOFOLLOW, 0);
  try_open("bad dirfd", 999, "sub/file", O_RDONLY, RESOLVE_BENEATH);
  try_open("empty path", g_dfd, "", O_RDONLY, 0);

  struct how h = {O_RDONLY, 0644, 0};
  show("mode without O_CREAT", syscall(NR_openat2, g_dfd, "sub/file", &h, sizeof h));
  h.flags = O_CREAT | O_EXCL | O_WRONLY;
  long fd = syscall(NR_openat2, g_dfd, "sub/new", &h, sizeof h);
  struct stat st;
  fstat((int)fd, &st);
  printf("%-48s mode %o\n", "O_CREAT|O_EXCL 0644 (umask 022)", st.st_mode & 0777);
  close((int)fd);
  show("O_CREAT|O_EXCL again", syscall(NR_openat2, g_dfd, "sub/new", &h, sizeof h));
  h = (struct how){O_RDONLY, 0, 0};
  show("size 23", syscall(NR_openat2, g_dfd, "sub/file", &h, 23));
  struct {
    struct how h;
    uint64_t extra;
  } big = {{O_RDONLY, 0, 0}, 0};
  fd = syscall(NR_openat2, g_dfd, "sub/file", &big, sizeof big);
  printf("%-48s %s\n", "size 32, zero tail", fd >= 0 ? "ok" : errname(errno));
  if (fd >= 0) close((int)fd);
  big.extra = 1;
  show("size 32, nonzero tail", syscall(NR_openat2, g_dfd, "sub/file", &big, sizeof big));
  show("size 4097", syscall(NR_openat2, g_dfd, "sub/file", &big, 4097));
  show("bad how pointer", syscall(NR_openat2, g_dfd, "sub/file", (void *)8, 24));
  show("bad path pointer", syscall(NR_openat2, g_dfd, (void *)8, &h, 24));
  snprintf(p, sizeof p, "%s/sub/new", g_dir);
  unlink(p);
}

static void test_epoll_pwait2(void) {
  int ep = epoll_create1(0), pp[2];
  if (pipe(pp)) return;
  struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x123456789abcdefull}, out[2];
  epoll_ctl(ep, EPOLL_CTL_ADD, pp[0], &ev);
  struct timespec ts = {0, 1000000};
  show("epoll_pwait2 1ms, nothing ready", syscall(NR_epoll_pwait2, ep, out, 2, &ts, NULL, 8));
  (void)!write(pp[1], "x", 1);
  memset(out, 0, sizeof out);
  show("epoll_pwait2 ready", syscall(NR_epoll_pwait2, ep, out, 2, &ts, NULL, 8));
  printf("data %llx events %x\n", (unsigned long long)out[0].data.u64, out[0].events);
  show("epoll_pwait2 NULL timeout, ready", syscall(NR_epoll_pwait2, ep, out, 2, NULL, NULL, 8));
  ts.tv_nsec = 1000000000;
  show("epoll_pwait2 bad nsec", syscall(NR_epoll_pwait2, ep, out, 2, &ts, NULL, 8));
  show("epoll_pwait2 bad timeout pointer",
       syscall(NR_epoll_pwait2, ep, out, 2, (void *)8, NULL, 8));
  ts.tv_nsec = 0;
  sigset_t set;
  sigemptyset(&set);
  show("epoll_pwait2 mask, bad size", syscall(NR_epoll_pwait2, ep, out, 2, &ts, &set, 4));
  show("epoll_pwait2 mask", syscall(NR_epoll_pwait2, ep, out, 2, &ts, &set, 8));
  close(ep);
  close(pp[0]);
  close(pp[1]);
}

static void test_misc(void) {
  sigset_t set;
  sigemptyset(&set);
  show("signalfd4 bad mask size", syscall(SYS_signalfd4, -1, &set, 4, 0));
  char p[128];
  snprintf(p, sizeof p, "%s/sub/file", g_dir);
  show("fchmodat2 0640", syscall(NR_fchmodat2, AT_FDCWD, p, 0640, 0));
  struct stat st;
  stat(p, &st);
  printf("%-48s mode %o\n", "after", st.st_mode & 0777);
  show("fchmodat2 NOFOLLOW, regular file", syscall(NR_fchmodat2, AT_FDCWD, p, 0600,
                                                   AT_SYMLINK_NOFOLLOW));
  show("fchmodat2 NOFOLLOW, symlink", syscall(NR_fchmodat2, g_dfd, "link", 0600,
                                              AT_SYMLINK_NOFOLLOW));
  show("fchmodat2 AT_EMPTY_PATH on dirfd", syscall(NR_fchmodat2, g_dfd, "", 0700, AT_EMPTY_PATH));
  show("fchmodat2 bad flags", syscall(NR_fchmodat2, AT_FDCWD, p, 0600, 0x8000));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  umask(022);
  strcpy(g_dir, "/tmp/io_native.XXXXXX");
  if (!mkdtemp(g_dir)) return 1;
  test_openat2();
  test_epoll_pwait2();
  test_misc();
  char cmd[128];
  snprintf(cmd, sizeof cmd, "%s/sub/file", g_dir);
  unlink(cmd);
  snprintf(cmd, sizeof cmd, "%s/sub", g_dir);
  rmdir(cmd);
  const char *links[] = {"link", "abs", "up"};
  for (int i = 0; i < 3; i++) {
    snprintf(cmd, sizeof cmd, "%s/%s", g_dir, links[i]);
    unlink(cmd);
  }
  show("rmdir", rmdir(g_dir));
  return 0;
}
