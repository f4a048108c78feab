/* System calls elfrun refuses, in whole or in part.

   A refused call returns the errno an unprivileged process gets from an
   arm64 Linux kernel (or, where noted, a kernel built without the
   feature), whatever the host uid elfrun runs as: passing mount, reboot or
   module loading to the host would let a guest act on the host machine
   with elfrun's privileges, and the answer must not depend on who started
   elfrun. Arguments the kernel checks before privilege (EFAULT, EINVAL,
   EBADF) are checked first where that is cheap.

   Each refusal has a row in syscalls.def with a comment
   "refused: ERRNO, reason" that scripts/syscall-coverage.sh prints;
   REFUSE() below names the same errno, and the script checks that the two
   agree. tests/guest/refused.c pins every answer. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#include "linux/fd.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

/* A handler that only says no. */
#define REFUSE(name, err) \
  SYSCALL_HANDLER(name) { \
    (void)t;               \
    (void)arg;             \
    return -(err);         \
  }

/* io_uring: its submission and completion rings are shared memory the
   kernel reads and writes without any system call, carrying aarch64
   structures and guest addresses elfrun never gets to see or translate. */
REFUSE(io_uring_setup, ENOSYS)
REFUSE(io_uring_enter, ENOSYS)
REFUSE(io_uring_register, ENOSYS)

/* Mounts and the root directory: CAP_SYS_ADMIN (CAP_SYS_CHROOT). */
REFUSE(mount, EPERM)
REFUSE(umount2, EPERM)
REFUSE(pivot_root, EPERM)
REFUSE(chroot, EPERM)
REFUSE(open_tree, EPERM)
REFUSE(move_mount, EPERM)
REFUSE(fsopen, EPERM)
REFUSE(fsconfig, EPERM)
REFUSE(fsmount, EPERM)
REFUSE(fspick, EPERM)
REFUSE(mount_setattr, EPERM)

/* The machine: CAP_SYS_BOOT, CAP_SYS_MODULE, CAP_SYS_ADMIN,
   CAP_SYS_PACCT, CAP_SYS_TTY_CONFIG, CAP_DAC_READ_SEARCH. */
REFUSE(reboot, EPERM)
REFUSE(kexec_load, EPERM)
REFUSE(kexec_file_load, EPERM)
REFUSE(init_module, EPERM)
REFUSE(finit_module, EPERM)
REFUSE(delete_module, EPERM)
REFUSE(swapon, EPERM)
REFUSE(swapoff, EPERM)
REFUSE(acct, EPERM)
REFUSE(vhangup, EPERM)
REFUSE(quotactl, EPERM)
REFUSE(quotactl_fd, EPERM)
REFUSE(lookup_dcookie, EPERM)
REFUSE(open_by_handle_at, EPERM)
REFUSE(fanotify_init, EPERM)

/* Removed from Linux in 3.1: sys_ni_syscall. */
REFUSE(nfsservctl, ENOSYS)

/* Debian's defaults: kernel.unprivileged_bpf_disabled=2 (EPERM),
   kernel.perf_event_paranoid=3 (EACCES). Counting an emulated CPU with
   host counters would be meaningless anyway. */
REFUSE(bpf, EPERM)
REFUSE(perf_event_open, EACCES)

/* vm.unprivileged_userfaultfd=0. Also, elfrun's own accesses to guest
   memory (copy_from_guest) would block on the guest's fault handler. */
REFUSE(userfaultfd, EPERM)

/* No memory protection keys: arm64 kernels before POE (6.12) are built
   without ARCH_HAS_PKEYS, so these are sys_ni_syscall. */
REFUSE(pkey_mprotect, ENOSYS)
REFUSE(pkey_alloc, ENOSYS)
REFUSE(pkey_free, ENOSYS)

/* Secret memory is memory elfrun itself (the CPU) must not read: as with
   secretmem disabled. */
REFUSE(memfd_secret, ENOSYS)

/* Landlock rules would bind elfrun too (re-executing itself, its sysroot
   lookups): as from a kernel built without Landlock. */
REFUSE(landlock_create_ruleset, ENOSYS)
REFUSE(landlock_add_rule, ENOSYS)
REFUSE(landlock_restrict_self, ENOSYS)

/* Restartable sequences: the host kernel would compare elfrun's
   instruction pointer, never the guest's, with the critical section, and
   so never abort one. glibc and others go on without rseq on ENOSYS. */
REFUSE(rseq, ENOSYS)

/* seccomp filters carry aarch64 syscall numbers and would be applied to
   elfrun's host calls (DESIGN.md): as from a kernel without seccomp
   filtering. prctl(PR_SET_SECCOMP) is refused in misc.c. */
REFUSE(seccomp, EINVAL)

/* Asynchronous I/O: io_setup() maps its completion ring into the calling
   process (fs/aio.c), which for elfrun is outside the guest's window, and
   each iocb carries buffer addresses the kernel follows later, unchecked:
   as from a kernel built without CONFIG_AIO. glibc's POSIX aio uses
   threads and never these calls. */
REFUSE(io_setup, ENOSYS)
REFUSE(io_destroy, ENOSYS)
REFUSE(io_submit, ENOSYS)
REFUSE(io_cancel, ENOSYS)
REFUSE(io_getevents, ENOSYS)
REFUSE(io_pgetevents, ENOSYS)

/* Tracing: the tracee's registers the host kernel knows are elfrun's,
   not the guest's. EPERM, as a Yama ptrace_scope=3 kernel answers;
   debugging a guest is what elfrun's GDB stub is for. */
REFUSE(ptrace, EPERM)

/* Kernel keyrings: keyctl's many operations each carry their own
   pointers and payload layouts, to be checked one by one: as from a
   kernel built without CONFIG_KEYS (keyutils reports it as such). */
REFUSE(add_key, ENOSYS)
REFUSE(request_key, ENOSYS)
REFUSE(keyctl, ENOSYS)

/* NUMA memory policies: what glibc and libnuma see on a kernel built
   without CONFIG_NUMA, which they take as a single node. Host policies
   would also bind elfrun's own memory and name host nodes. */
REFUSE(mbind, ENOSYS)
REFUSE(get_mempolicy, ENOSYS)
REFUSE(set_mempolicy, ENOSYS)
REFUSE(migrate_pages, ENOSYS)
REFUSE(move_pages, ENOSYS)
REFUSE(set_mempolicy_home_node, ENOSYS)

/* remap_file_pages: deprecated since Linux 3.16 and emulated there by a
   new mapping over the old (mm/mmap.c); done on the host it would change
   the guest's memory map behind elfrun's bookkeeping. ENOSYS rather than
   EINVAL, which would blame the caller's arguments. */
REFUSE(remap_file_pages, ENOSYS)

/* process_madvise() (mm/madvise.c): up to Linux 6.12 it needs
   CAP_SYS_NICE for any target, itself included; flags, the pidfd and
   the advice (process_madvise_behavior_valid()) are checked before that.
   MADV_WILLNEED 3, MADV_COLD 20, MADV_PAGEOUT 21, MADV_COLLAPSE 25. */
static bool process_madvise_behavior_valid(int advice) {
  return advice == 3 || advice == 20 || advice == 21 || advice == 25;
}

/* pidfd_get_task(): anything but a pidfd is EBADF. */
static bool is_pidfd(int fd) {
  char link[32], target[32];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, target, sizeof target - 1);
  if (n < 0) return false;
  target[n] = 0;
  return strcmp(target, "anon_inode:[pidfd]") == 0;
}

SYSCALL_HANDLER(process_madvise) {
  (void)t;
  int fd = (int)arg[0];
  if (arg[4]) return -EINVAL;
  if (!fd_is_guest(fd) || !is_pidfd(fd)) return -EBADF;
  if (!process_madvise_behavior_valid((int)arg[3])) return -EINVAL;
  return -EPERM;
}

/* fanotify_mark needs a descriptor from fanotify_init, which no guest can
   have: a closed descriptor is EBADF, any other one EINVAL. */
static i64 not_that_kind_of_fd(int fd) {
  if (!fd_is_guest(fd) || fcntl(fd, F_GETFD) < 0) return -EBADF;
  return -EINVAL;
}

SYSCALL_HANDLER(fanotify_mark) {
  (void)t;
  return not_that_kind_of_fd((int)arg[0]);
}

/* ---- namespaces ----
   Joining or creating a namespace needs CAP_SYS_ADMIN (an unprivileged
   process may create a user namespace on many kernels; elfrun reports
   EPERM for that too, as a kernel with user namespaces restricted does). */
#define CLONE_NEW_ANY                                                        \
  (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | \
   CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWTIME)
#define UNSHARE_KNOWN                                                          \
  (CLONE_THREAD | CLONE_FS | CLONE_SIGHAND | CLONE_VM | CLONE_FILES | CLONE_SYSVSEM | \
   CLONE_NEW_ANY)

SYSCALL_HANDLER(setns) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd) || fcntl(fd, F_GETFD) < 0) return -EBADF;
  return -EPERM;
}

/* ksys_unshare(): unknown flags are EINVAL; the rest (CLONE_FILES,
   CLONE_FS, CLONE_SYSVSEM, and the thread flags of a single-threaded
   process) act on the calling host thread, which is the guest's. */
SYSCALL_HANDLER(unshare) {
  (void)t;
  u64 flags = arg[0];
  if (flags & ~(u64)UNSHARE_KNOWN) return -EINVAL;
  if (flags & CLONE_NEW_ANY) return -EPERM;
  return host_result(syscall(SYS_unshare, (int)flags));
}

/* ---- the clock ----
   Setting the time needs CAP_SYS_TIME; reading it through adjtimex does
   not. struct timex is the same on both 64-bit ABIs. */

/* settimeofday(): both arguments are read, and the time checked, before
   the privilege (kernel/time/time.c, do_sys_settimeofday64()). */
SYSCALL_HANDLER(settimeofday) {
  (void)t;
  struct timeval tv;
  struct timezone tz;
  if (arg[0] && copy_from_guest(&tv, arg[0], sizeof tv)) return -EFAULT;
  if (arg[0] && (tv.tv_usec < 0 || tv.tv_usec > 1000000)) return -EINVAL;
  if (arg[1] && copy_from_guest(&tz, arg[1], sizeof tz)) return -EFAULT;
  if (arg[0] && (tv.tv_sec < 0 || tv.tv_usec == 1000000)) return -EINVAL;
  return -EPERM;
}

/* clock_settime(): only CLOCK_REALTIME can be set at all; the clock is
   checked before the time is read (kernel/time/posix-timers.c). */
SYSCALL_HANDLER(clock_settime) {
  (void)t;
  struct timespec ts;
  if ((clockid_t)arg[0] != CLOCK_REALTIME) return -EINVAL;
  if (copy_from_guest(&ts, arg[1], sizeof ts)) return -EFAULT;
  if (ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L || ts.tv_sec < 0) return -EINVAL;
  return -EPERM;
}

/* timekeeping_validate_timex(): ADJ_ADJTIME (adjtime(3)) may only read,
   with ADJ_OFFSET_READONLY; otherwise any mode bit needs CAP_SYS_TIME.
   Kernel-side names: ADJ_ADJTIME 0x8000, ADJ_OFFSET_SINGLESHOT 0x0001. */
#define KADJ_ADJTIME 0x8000u
#define KADJ_OFFSET_SINGLESHOT 0x0001u
#define KADJ_OFFSET_READONLY 0x2000u

static i64 timex_check(u32 modes) {
  if (modes & KADJ_ADJTIME) {
    if (!(modes & KADJ_OFFSET_SINGLESHOT)) return -EINVAL;
    return (modes & KADJ_OFFSET_READONLY) ? 0 : -EPERM;
  }
  return modes ? -EPERM : 0;
}

/* The clock is judged first (EINVAL, EOPNOTSUPP): a read of it tells,
   and is the whole call when the modes only read. */
static i64 adjtime_common(long nr, clockid_t clk, gaddr buf) {
  struct timex tx;
  if (copy_from_guest(&tx, buf, sizeof tx)) return -EFAULT;
  i64 check = timex_check(tx.modes);
  if (check == -EINVAL) return check;
  if (check) tx.modes = 0;
  long r = nr == SYS_adjtimex ? syscall(nr, &tx) : syscall(nr, clk, &tx);
  if (r < 0) return -errno;
  if (check) return check;
  return copy_to_guest(buf, &tx, sizeof tx) ? -EFAULT : r;
}

SYSCALL_HANDLER(adjtimex) {
  (void)t;
  return adjtime_common(SYS_adjtimex, CLOCK_REALTIME, arg[0]);
}

SYSCALL_HANDLER(clock_adjtime) {
  (void)t;
  return adjtime_common(SYS_clock_adjtime, (clockid_t)arg[0], arg[1]);
}

/* ---- the kernel log ----
   check_syslog_permissions() (kernel/printk/printk.c): without
   CAP_SYSLOG only SYSLOG_ACTION_READ_ALL and SYSLOG_ACTION_SIZE_BUFFER
   are allowed, and only when kernel.dmesg_restrict is 0 (Debian sets 1). */
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10

static bool dmesg_restricted(void) {
  FILE *f = fopen("/proc/sys/kernel/dmesg_restrict", "re");
  int v = 1;
  if (f) {
    if (fscanf(f, "%d", &v) != 1) v = 1;
    fclose(f);
  }
  return v != 0;
}

SYSCALL_HANDLER(syslog) {
  (void)t;
  int type = (int)arg[0], len = (int)arg[2];
  if (type != SYSLOG_ACTION_READ_ALL && type != SYSLOG_ACTION_SIZE_BUFFER) return -EPERM;
  if (dmesg_restricted()) return -EPERM;
  void *buf = guest_buf(arg[1], len > 0 ? (u64)len : 0);
  return host_result(syscall(SYS_syslog, type, buf, len));
}
