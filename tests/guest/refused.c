/* The calls elfrun refuses because they need privilege: the errno each
   gives an unprivileged process, with the argument checks that come
   before the privilege check. Run as root, the program first becomes
   user and group 65534 (nobody), so that the answers are an unprivileged
   process's on every machine, as elfrun gives them whatever its own uid.
   Also the parts of partly refused calls that stay allowed: adjtimex and
   clock_adjtime reads, unshare without namespaces.

   Oracle: this program built for x86-64 and run natively after the same
   drop of privileges (refused.oracle): qemu-aarch64 7.2 lacks several of
   these calls (kexec_load, init_module, fanotify_init...) and would answer
   ENOSYS; a kernel built without modules or kexec answers ENOSYS too, so
   those lines accept either. These privilege checks are architecture-independent
   (fs/namespace.c, kernel/reboot.c, kernel/module/main.c, kernel/time/).
   Calls refused for elfrun's own reasons (io_uring, rseq, Landlock...) are
   in refused_enosys.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";       case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";     case ENOSYS: return "ENOSYS";
    case EACCES: return "EACCES";     case EOPNOTSUPP: return "EOPNOTSUPP";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-72s %s\n", what, errname(errno));
  else printf("%-72s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
/* Kernels built without modules or kexec (many VMs') have no such calls
   (ENOSYS); with them, an unprivileged process gets EPERM. */
static void refused_or_absent(const char *what, long r) {
  printf("%-72s %s\n", what,
         r == -1 && (errno == EPERM || errno == ENOSYS) ? "EPERM or ENOSYS" : errname(errno));
}
#define REFUSED_OR_ABSENT(call) refused_or_absent(#call, (long)(call))
#define YN(x) ((x) ? "yes" : "no")
#define BAD ((void *)8)
#define NOBODY 65534

/* linux/mount.h and linux/fanotify.h values, which not every libc has. */
#define OPEN_TREE_CLONE 1
#define FAN_CLASS_NOTIF 0
#define FAN_MARK_ADD 1
#define FAN_OPEN 0x20

static void drop_privileges(void) {
  if (geteuid() != 0) return;
  syscall(SYS_setgroups, 0, NULL);
  syscall(SYS_setresgid, NOBODY, NOBODY, NOBODY);
  syscall(SYS_setresuid, NOBODY, NOBODY, NOBODY);
}

static void mounts(void) {
  puts("-- mounts");
  SHOW(syscall(SYS_mount, "none", "/tmp", "tmpfs", 0, NULL));
  SHOW(syscall(SYS_umount2, "/", 0));
  SHOW(syscall(SYS_pivot_root, ".", "."));
  SHOW(syscall(SYS_chroot, "/"));
  SHOW(syscall(SYS_open_tree, AT_FDCWD, "/", OPEN_TREE_CLONE));
  SHOW(syscall(SYS_move_mount, AT_FDCWD, "/", AT_FDCWD, "/", 0));
  SHOW(syscall(SYS_fsopen, "tmpfs", 0));
  SHOW(syscall(SYS_fsmount, -1, 0, 0));
  SHOW(syscall(SYS_fspick, AT_FDCWD, "/", 0));
}

static void machine(void) {
  puts("-- the machine");
  SHOW(syscall(SYS_reboot, 0, 0, 0, NULL));
  REFUSED_OR_ABSENT(syscall(SYS_kexec_load, 0, 0, NULL, 0));
  REFUSED_OR_ABSENT(syscall(SYS_kexec_file_load, -1, -1, 0, NULL, 0));
  REFUSED_OR_ABSENT(syscall(SYS_init_module, NULL, 0, ""));
  REFUSED_OR_ABSENT(syscall(SYS_finit_module, -1, "", 0));
  REFUSED_OR_ABSENT(syscall(SYS_delete_module, "nothing", 0));
  SHOW(syscall(SYS_swapon, "/nonexistent", 0));
  SHOW(syscall(SYS_swapoff, "/nonexistent"));
  SHOW(syscall(SYS_acct, NULL));
  SHOW(syscall(SYS_vhangup));
  struct {
    unsigned handle_bytes;
    int handle_type;
    unsigned char f_handle[8];
  } fh = {8, 1, {0}};
  SHOW(syscall(SYS_open_by_handle_at, AT_FDCWD, &fh, O_RDONLY));
  SHOW(syscall(SYS_fanotify_init, FAN_CLASS_NOTIF, O_RDONLY));
  SHOW(syscall(SYS_fanotify_mark, -1, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, "/"));
  SHOW(syscall(SYS_fanotify_mark, 0, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, "/"));
  SHOW(syscall(SYS_nfsservctl, 0, NULL, NULL));
}

static void namespaces(void) {
  puts("-- namespaces");
  SHOW(syscall(SYS_setns, -1, 0));
  SHOW(syscall(SYS_setns, 999, 0));
  int fd = open("/proc/self/ns/uts", O_RDONLY);
  if (fd >= 0) SHOW(syscall(SYS_setns, fd, 0));
  else puts("syscall(SYS_setns, fd, 0)                                                EPERM");
  close(fd);
  SHOW(syscall(SYS_unshare, CLONE_NEWNS));
  SHOW(syscall(SYS_unshare, CLONE_NEWUTS | CLONE_FILES));
  SHOW(syscall(SYS_unshare, 0x1));
  SHOW(syscall(SYS_unshare, CLONE_FILES | CLONE_FS));
  SHOW(syscall(SYS_unshare, 0));
}

static void clock_setting(void) {
  puts("-- the clock");
  struct timeval tv;
  gettimeofday(&tv, NULL);
  SHOW(syscall(SYS_settimeofday, &tv, NULL));
  SHOW(syscall(SYS_settimeofday, NULL, NULL));
  SHOW(syscall(SYS_settimeofday, BAD, NULL));
  struct timeval bad_tv = {0, 2000000};
  SHOW(syscall(SYS_settimeofday, &bad_tv, NULL));
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  SHOW(syscall(SYS_clock_settime, CLOCK_REALTIME, &ts));
  SHOW(syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts));
  SHOW(syscall(SYS_clock_settime, CLOCK_REALTIME, BAD));
  struct timespec bad_ts = {0, 2000000000L};
  SHOW(syscall(SYS_clock_settime, CLOCK_REALTIME, &bad_ts));
  struct timex tx;
  memset(&tx, 0, sizeof tx);
  printf("adjtimex read succeeds: %s\n", YN(syscall(SYS_adjtimex, &tx) >= 0));
  memset(&tx, 0, sizeof tx);
  tx.modes = ADJ_OFFSET_SS_READ;
  printf("adjtimex ADJ_OFFSET_SS_READ succeeds: %s\n", YN(syscall(SYS_adjtimex, &tx) >= 0));
  tx.modes = ADJ_FREQUENCY;
  SHOW(syscall(SYS_adjtimex, &tx));
  tx.modes = 0x8000; /* ADJ_ADJTIME without ADJ_OFFSET_SINGLESHOT */
  SHOW(syscall(SYS_adjtimex, &tx));
  tx.modes = ADJ_OFFSET_SINGLESHOT;
  SHOW(syscall(SYS_adjtimex, &tx));
  SHOW(syscall(SYS_adjtimex, BAD));
  memset(&tx, 0, sizeof tx);
  printf("clock_adjtime read succeeds: %s\n",
         YN(syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx) >= 0));
  SHOW(syscall(SYS_clock_adjtime, CLOCK_MONOTONIC, &tx));
  tx.modes = ADJ_FREQUENCY;
  SHOW(syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx));
  SHOW(syscall(SYS_clock_adjtime, CLOCK_MONOTONIC, &tx));
  SHOW(syscall(SYS_clock_adjtime, 1000, &tx));
}

static void kernel_log(void) {
  puts("-- syslog");
  SHOW(syscall(SYS_syslog, 5, NULL, 0)); /* SYSLOG_ACTION_CLEAR */
  SHOW(syscall(SYS_syslog, 6, NULL, 0)); /* SYSLOG_ACTION_CONSOLE_OFF */
  SHOW(syscall(SYS_syslog, 0, NULL, 0)); /* SYSLOG_ACTION_CLOSE */
  long r = syscall(SYS_syslog, 10, NULL, 0); /* SYSLOG_ACTION_SIZE_BUFFER */
  printf("size of the buffer: allowed or EPERM as dmesg_restrict says: %s\n",
         YN(r > 0 || errno == EPERM));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  drop_privileges();
  printf("unprivileged: %s\n", YN(geteuid() != 0));
  mounts();
  machine();
  namespaces();
  clock_setting();
  kernel_log();
  return 0;
}
