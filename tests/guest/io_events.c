/* Event descriptors: eventfd (counter and semaphore mode), timerfd
   (expirations counted as ">= 1", never exactly, so that a slow run still
   prints the same), signalfd reading signals the program blocks, inotify
   of a create and a delete in a fresh directory under /tmp, and pidfds.
   Oracle: qemu-aarch64. No pids, times or temporary names are printed.
   signalfd4 with a bad mask size is in io_native.c: qemu 7.2 accepts it,
   the kernel says EINVAL.
   See also io_epoll.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EBADF: return "EBADF";   case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL"; case EAGAIN: return "EAGAIN";
    case ENOENT: return "ENOENT"; case EPERM: return "EPERM";
    case ESRCH: return "ESRCH";   case ENOSYS: return "ENOSYS";
    case ENOTDIR: return "ENOTDIR";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-44s %s\n", what, errname(errno));
  else printf("%-44s %ld\n", what, r);
}

static void test_eventfd(void) {
  uint64_t v;
  int fd = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
  show("eventfd", fd >= 0);
  v = 4;
  show("write 4", write(fd, &v, 8));
  show("read", read(fd, &v, 8));
  printf("counter read: %llu\n", (unsigned long long)v);
  show("read when zero", read(fd, &v, 8));
  v = UINT64_MAX;
  show("write UINT64_MAX", write(fd, &v, 8));
  show("write short", write(fd, &v, 4));
  show("flags have O_NONBLOCK", (fcntl(fd, F_GETFL) & O_NONBLOCK) != 0);
  show("fd has FD_CLOEXEC", fcntl(fd, F_GETFD));
  close(fd);

  fd = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
  v = 1;
  show("semaphore write 1", write(fd, &v, 8));
  for (int i = 0; i < 4; i++) {
    v = 0;
    long r = read(fd, &v, 8);
    printf("semaphore read %d: r=%ld v=%llu%s\n", i, r, (unsigned long long)v,
           r < 0 ? (errno == EAGAIN ? " EAGAIN" : " E?") : "");
  }
  close(fd);
  show("eventfd bad flags", syscall(SYS_eventfd2, 0, 0x7));
}

static void test_timerfd(void) {
  int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
  show("timerfd_create", fd >= 0);
  struct itimerspec its = {{0, 2000000}, {0, 1000000}}, cur;
  show("settime 1ms then every 2ms", timerfd_settime(fd, 0, &its, NULL));
  uint64_t n = 0;
  show("read", read(fd, &n, 8));
  printf("expirations >= 1: %d\n", n >= 1);
  show("gettime", timerfd_gettime(fd, &cur));
  printf("interval kept: %ld.%09ld\n", (long)cur.it_interval.tv_sec, cur.it_interval.tv_nsec);
  memset(&its, 0, sizeof its);
  struct itimerspec old;
  show("disarm, old value", timerfd_settime(fd, 0, &its, &old));
  printf("old interval: %ld.%09ld\n", (long)old.it_interval.tv_sec, old.it_interval.tv_nsec);
  show("gettime after disarm", timerfd_gettime(fd, &cur));
  printf("disarmed: %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  (void)!read(fd, &n, 8); /* drain whatever expired before the disarm */
  show("read disarmed (nonblock)", read(fd, &n, 8));
  /* Absolute time in the past: expires at once. */
  its.it_value.tv_sec = 1;
  show("settime absolute, past", timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL));
  show("read", read(fd, &n, 8));
  printf("expired once: %llu\n", (unsigned long long)n);
  its.it_value.tv_nsec = 1000000000;
  show("settime bad nsec", timerfd_settime(fd, 0, &its, NULL));
  show("settime bad pointer", timerfd_settime(fd, 0, (void *)8, NULL));
  show("settime bad flags", timerfd_settime(fd, 0x80, &its, NULL));
  show("gettime bad fd", timerfd_gettime(999, &cur));
  show("create bad clock", timerfd_create(12345, 0));
  close(fd);
}

static void test_signalfd(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGRTMIN + 2);
  sigprocmask(SIG_BLOCK, &set, NULL);
  int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
  show("signalfd", fd >= 0);
  struct signalfd_siginfo si;
  show("read, nothing pending", read(fd, &si, sizeof si));
  raise(SIGUSR1);
  union sigval val = {.sival_int = 4242};
  sigqueue(getpid(), SIGRTMIN + 2, val);
  memset(&si, 0, sizeof si);
  show("read SIGUSR1", read(fd, &si, sizeof si));
  printf("ssi_signo=%u is SIGUSR1: %d, code SI_TKILL: %d\n", si.ssi_signo,
         si.ssi_signo == SIGUSR1, si.ssi_code == SI_TKILL);
  memset(&si, 0, sizeof si);
  show("read queued RT signal", read(fd, &si, sizeof si));
  printf("rt offset %d, ssi_int=%d, SI_QUEUE: %d\n", (int)si.ssi_signo - SIGRTMIN, si.ssi_int,
         si.ssi_code == SI_QUEUE);
  printf("sizeof(struct signalfd_siginfo)=%zu\n", sizeof si);
  show("read too small", read(fd, &si, 64));
  sigset_t other;
  sigemptyset(&other);
  sigaddset(&other, SIGUSR2);
  show("signalfd4 replace mask", signalfd(fd, &other, 0) == fd);
  show("signalfd4 bad mask ptr", syscall(SYS_signalfd4, -1, (void *)8, 8, 0));
  show("signalfd4 not a signalfd", syscall(SYS_signalfd4, 0, &set, 8, 0));
  show("signalfd4 bad flags", syscall(SYS_signalfd4, -1, &set, 8, 1));
  close(fd);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static void print_inotify(const char *buf, long n) {
  for (long off = 0; off < n;) {
    const struct inotify_event *ev = (const void *)(buf + off);
    printf("event mask=%#x%s name=%s\n", ev->mask & ~IN_ISDIR,
           ev->mask & IN_ISDIR ? "|IN_ISDIR" : "", ev->len ? ev->name : "");
    off += sizeof *ev + ev->len;
  }
}

static void test_inotify(void) {
  char dir[] = "/tmp/io_events.XXXXXX", path[64];
  if (!mkdtemp(dir)) return;
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  show("inotify_init1", fd >= 0);
  int wd = inotify_add_watch(fd, dir, IN_CREATE | IN_DELETE | IN_CLOSE_WRITE);
  show("add_watch", wd >= 1);
  char buf[4096] __attribute__((aligned(8)));
  show("read, no events", read(fd, buf, sizeof buf));
  snprintf(path, sizeof path, "%s/file", dir);
  close(open(path, O_CREAT | O_WRONLY, 0600));
  snprintf(path, sizeof path, "%s/sub", dir);
  mkdir(path, 0700);
  rmdir(path);
  snprintf(path, sizeof path, "%s/file", dir);
  unlink(path);
  long n = read(fd, buf, sizeof buf);
  show("read events, bytes > 0", n > 0);
  print_inotify(buf, n);
  show("add_watch again: same wd", inotify_add_watch(fd, dir, IN_DELETE) == wd);
  show("add_watch missing path", inotify_add_watch(fd, "/nonexistent/x", IN_CREATE));
  show("add_watch empty mask", inotify_add_watch(fd, dir, 0));
  show("add_watch bad fd", inotify_add_watch(999, dir, IN_CREATE));
  show("add_watch ONLYDIR on a file", inotify_add_watch(fd, "/proc/self/exe", IN_CREATE | IN_ONLYDIR));
  show("rm_watch", inotify_rm_watch(fd, wd));
  n = read(fd, buf, sizeof buf);
  print_inotify(buf, n);
  show("rm_watch again", inotify_rm_watch(fd, wd));
  show("inotify_init1 bad flags", inotify_init1(1));
  close(fd);
  rmdir(dir);
}

static void test_pidfd(void) {
  int self = syscall(SYS_pidfd_open, getpid(), 0);
  show("pidfd_open self", self >= 0);
  show("pidfd_send_signal 0 to self", syscall(SYS_pidfd_send_signal, self, 0, NULL, 0));
  show("pidfd_send_signal bad flags", syscall(SYS_pidfd_send_signal, self, 0, NULL, 99));
  show("pidfd_send_signal not a pidfd", syscall(SYS_pidfd_send_signal, 0, 0, NULL, 0));
  int p[2];
  if (pipe(p)) return;
  int dup = syscall(SYS_pidfd_getfd, self, p[1], 0);
  show("pidfd_getfd own pipe", dup >= 0);
  show("write through it", write(dup, "ok", 2));
  char b[4] = {0};
  show("read other end", read(p[0], b, sizeof b));
  printf("got %s\n", b);
  show("pidfd_getfd closed fd", syscall(SYS_pidfd_getfd, self, 987, 0));
  show("pidfd_getfd bad flags", syscall(SYS_pidfd_getfd, self, p[1], 1));
  show("pidfd_open bad pid", syscall(SYS_pidfd_open, -1, 0));
  show("pidfd_open bad flags", syscall(SYS_pidfd_open, getpid(), 1));

  pid_t child = fork();
  if (child == 0) {
    pause();
    _exit(0);
  }
  int pfd = syscall(SYS_pidfd_open, child, 0);
  show("pidfd_open child", pfd >= 0);
  struct pollfd pf = {.fd = pfd, .events = POLLIN};
  show("poll before it exits", poll(&pf, 1, 0));
  show("pidfd_send_signal SIGTERM", syscall(SYS_pidfd_send_signal, pfd, SIGTERM, NULL, 0));
  show("poll after", poll(&pf, 1, 10000));
  int st;
  waitpid(child, &st, 0);
  printf("child killed by SIGTERM: %d\n", WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
  show("pidfd_send_signal to reaped child", syscall(SYS_pidfd_send_signal, pfd, SIGTERM, NULL, 0));
  close(pfd);
  close(self);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_eventfd();
  test_timerfd();
  test_signalfd();
  test_inotify();
  test_pidfd();
  return 0;
}
