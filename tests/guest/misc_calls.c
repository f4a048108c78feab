/* Calls elfrun passes through with checks: preadv2 and pwritev2 (RWF_
   flags, offset -1), restart_syscall, ioprio_get/ioprio_set, kcmp, and
   the POSIX message queue calls (mq_open ... mq_unlink, mq_notify with a
   signal).
   Oracle: this program built for x86-64 and run natively (misc_calls.oracle):
   qemu-aarch64 7.2 lacks preadv2, pwritev2 and restart_syscall (ENOSYS).
   All of these are architecture-independent in the kernel (fs/read_write.c,
   kernel/signal.c, block/ioprio.c, kernel/kcmp.c, ipc/mqueue.c). The
   refused calls of the same batch are in misc_refused.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

/* linux/fs.h, linux/ioprio.h, linux/kcmp.h */
#define K_RWF_DSYNC 0x2
#define K_RWF_APPEND 0x10
#define K_IOPRIO_WHO_PROCESS 1
#define K_IOPRIO_CLASS_BE 2
#define K_KCMP_FILE 0
#define K_KCMP_VM 1

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";           case EINVAL: return "EINVAL";
    case ENOSYS: return "ENOSYS";         case EFAULT: return "EFAULT";
    case EBADF: return "EBADF";           case EINTR: return "EINTR";
    case EAGAIN: return "EAGAIN";         case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";         case ETIMEDOUT: return "ETIMEDOUT";
    case EOPNOTSUPP: return "EOPNOTSUPP"; case EMSGSIZE: return "EMSGSIZE";
    case EACCES: return "EACCES";         case EBUSY: return "EBUSY";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-40s %s\n", what, errname(errno));
  else printf("%-40s %ld\n", what, r);
}

static long preadv2_(int fd, struct iovec *v, int n, long off, int flags) {
  return syscall(SYS_preadv2, fd, v, n, off, 0L, flags);
}

static long pwritev2_(int fd, struct iovec *v, int n, long off, int flags) {
  return syscall(SYS_pwritev2, fd, v, n, off, 0L, flags);
}

static void test_rw2(void) {
  char path[] = "/tmp/misc_calls_XXXXXX";
  int fd = mkstemp(path);
  unlink(path);
  char a[] = "hello ", b[] = "world";
  struct iovec w[2] = {{a, 6}, {b, 5}};
  show("pwritev2 at 0, RWF_DSYNC", pwritev2_(fd, w, 2, 0, K_RWF_DSYNC));
  show("position after it", (long)lseek(fd, 0, SEEK_CUR));
  struct iovec w1[1] = {{"XY", 2}};
  show("pwritev2 at -1 (position)", pwritev2_(fd, w1, 1, -1, 0));
  show("position after it", (long)lseek(fd, 0, SEEK_CUR));
  struct iovec w2[1] = {{"!", 1}};
  show("pwritev2 at 3, RWF_APPEND", pwritev2_(fd, w2, 1, 3, K_RWF_APPEND));
  show("pwritev2 unknown flag", pwritev2_(fd, w2, 1, 0, 0x40000000));
  show("pwritev2 bad segment", pwritev2_(fd, (struct iovec[]){{(void *)8, 4}}, 1, 0, 0));
  show("pwritev2 bad fd", pwritev2_(-1, w2, 1, 0, 0));
  char r1[4] = {0}, r2[16] = {0};
  struct iovec rv[2] = {{r1, 3}, {r2, sizeof r2 - 1}};
  show("preadv2 at 2", preadv2_(fd, rv, 2, 2, 0));
  printf("read [%s][%s]\n", r1, r2);
  lseek(fd, 6, SEEK_SET);
  memset(r2, 0, sizeof r2);
  struct iovec rv1[1] = {{r2, 4}};
  show("preadv2 at -1 (position)", preadv2_(fd, rv1, 1, -1, 0));
  printf("read [%s]\n", r2);
  show("position after it", (long)lseek(fd, 0, SEEK_CUR));
  show("preadv2 unknown flag", preadv2_(fd, rv1, 1, 0, 0x40000000));
  close(fd);
}

static void test_restart(void) {
  show("restart_syscall", syscall(SYS_restart_syscall));
}

static void test_ioprio(void) {
  int prio = (K_IOPRIO_CLASS_BE << 13) | 7;
  show("ioprio_set BE/7", syscall(SYS_ioprio_set, K_IOPRIO_WHO_PROCESS, 0, prio));
  show("ioprio_get", syscall(SYS_ioprio_get, K_IOPRIO_WHO_PROCESS, 0));
  show("ioprio_set bad class", syscall(SYS_ioprio_set, K_IOPRIO_WHO_PROCESS, 0, 5 << 13));
  show("ioprio_get bad which", syscall(SYS_ioprio_get, 99, 0));
}

static void test_kcmp(void) {
  pid_t me = getpid();
  int d = dup(1);
  show("kcmp VM self", syscall(SYS_kcmp, me, me, K_KCMP_VM, 0, 0));
  show("kcmp FILE dup", syscall(SYS_kcmp, me, me, K_KCMP_FILE, 1, d));
  long diff = syscall(SYS_kcmp, me, me, K_KCMP_FILE, 0, 2);
  show("kcmp FILE 0 2 differs", diff == 1 || diff == 2 ? 1 : diff);
  show("kcmp FILE closed", syscall(SYS_kcmp, me, me, K_KCMP_FILE, 1, 999));
  show("kcmp FILE 1000", syscall(SYS_kcmp, me, me, K_KCMP_FILE, 1, 1000));
  show("kcmp bad type", syscall(SYS_kcmp, me, me, 99, 0, 0));
  close(d);
}

static volatile sig_atomic_t g_note_code, g_note_value;

static void on_usr1(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  g_note_code = si->si_code;
  g_note_value = si->si_value.sival_int;
}

static void test_mq(void) {
  char name[64];
  /* The raw call takes the name without mq_open(3)'s leading slash. */
  snprintf(name, sizeof name, "elfrun_misc_calls_%d", (int)getpid());
  struct mq_attr attr = {.mq_maxmsg = 4, .mq_msgsize = 32};
  long q = syscall(SYS_mq_open, name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
  show("mq_open create", q >= 0 ? 0 : q);
  show("mq_open again O_EXCL", syscall(SYS_mq_open, name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr));
  show("mq_open bad name ptr", syscall(SYS_mq_open, (char *)8, O_RDONLY, 0, NULL));
  show("mq_open bad attr ptr", syscall(SYS_mq_open, name, O_RDWR | O_CREAT, 0600, (void *)8));

  struct sigaction sa = {.sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO};
  sigaction(SIGUSR1, &sa, NULL);
  struct sigevent sev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
  sev.sigev_value.sival_int = 42;
  show("mq_notify SIGUSR1", syscall(SYS_mq_notify, q, &sev));
  show("mq_notify again", syscall(SYS_mq_notify, q, &sev));
  show("mq_timedsend hello/3", syscall(SYS_mq_timedsend, q, "hello", 5, 3, NULL));
  printf("notified code %s value %d\n", g_note_code == SI_MESGQ ? "SI_MESGQ" : "?",
         (int)g_note_value);
  show("mq_timedsend world/7", syscall(SYS_mq_timedsend, q, "world", 5, 7, NULL));
  show("mq_timedsend too long", syscall(SYS_mq_timedsend, q, name, 33, 0, NULL));
  show("mq_timedsend bad buf", syscall(SYS_mq_timedsend, q, (void *)8, 5, 0, NULL));
  struct mq_attr old = {0};
  show("mq_getsetattr get", syscall(SYS_mq_getsetattr, q, NULL, &old));
  printf("attr flags %ld maxmsg %ld msgsize %ld curmsgs %ld\n", old.mq_flags, old.mq_maxmsg,
         old.mq_msgsize, old.mq_curmsgs);
  char buf[32] = {0};
  unsigned prio = 0;
  show("mq_timedreceive small buf", syscall(SYS_mq_timedreceive, q, buf, 8, &prio, NULL));
  show("mq_timedreceive", syscall(SYS_mq_timedreceive, q, buf, sizeof buf, &prio, NULL));
  printf("got [%s] prio %u\n", buf, prio);
  struct mq_attr nb = {.mq_flags = O_NONBLOCK};
  show("mq_getsetattr set O_NONBLOCK", syscall(SYS_mq_getsetattr, q, &nb, &old));
  printf("old flags %ld\n", old.mq_flags);
  memset(buf, 0, sizeof buf);
  show("mq_timedreceive", syscall(SYS_mq_timedreceive, q, buf, sizeof buf, &prio, NULL));
  printf("got [%s] prio %u\n", buf, prio);
  show("mq_timedreceive empty, nonblock", syscall(SYS_mq_timedreceive, q, buf, sizeof buf, NULL, NULL));
  nb.mq_flags = 0;
  syscall(SYS_mq_getsetattr, q, &nb, NULL);
  struct timespec past = {1, 0};
  show("mq_timedreceive timeout past", syscall(SYS_mq_timedreceive, q, buf, sizeof buf, NULL, &past));
  show("mq_timedreceive bad timeout", syscall(SYS_mq_timedreceive, q, buf, sizeof buf, NULL, (void *)8));
  show("mq_notify remove", syscall(SYS_mq_notify, q, NULL));
  show("mq_notify bad ptr", syscall(SYS_mq_notify, q, (void *)8));
  show("mq_getsetattr bad fd", syscall(SYS_mq_getsetattr, 1000, NULL, &old));
  show("mq_timedsend not a queue", syscall(SYS_mq_timedsend, 1, "x", 1, 0, NULL));
  close((int)q);
  show("mq_unlink", syscall(SYS_mq_unlink, name));
  show("mq_unlink again", syscall(SYS_mq_unlink, name));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_rw2();
  test_restart();
  test_ioprio();
  test_kcmp();
  test_mq();
  return 0;
}
