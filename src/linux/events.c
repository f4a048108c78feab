/* Descriptors that deliver events: eventfd2, timerfd_*, signalfd4,
   inotify_*, and the pidfd calls.

   Each is the host kernel's own object; what crosses the boundary has the
   same layout on arm64 and x86-64 (the u64 counter of an eventfd, struct
   itimerspec, the 128-byte struct signalfd_siginfo, struct inotify_event)
   and the same flag values (EFD_*, TFD_*, SFD_*, IN_* are O_CLOEXEC and
   O_NONBLOCK, equal on both), so reads and writes go through read(2) and
   write(2) unchanged.

   signalfd: elfrun's host signal mask mirrors the guest's (signal.c), so a
   signal the guest blocks stays pending in the host kernel, where the host
   signalfd reads it. One the guest does not block is delivered to the
   guest's handler as on Linux. A signal elfrun has already taken from the
   host and staged for delivery is not visible to a signalfd. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/inotify.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/abi_signal.h"
#include "linux/fd.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"
#include "path/path.h"

#define A64_SIGSET_SIZE 8

/* pidfd_send_signal's PIDFD_SELF_THREAD and PIDFD_SELF_THREAD_GROUP
   (linux/pidfd.h, Linux 6.15): this thread and this process, which are the
   host's own. */
#define A64_PIDFD_SELF_THREAD (-10000)
#define A64_PIDFD_SELF_THREAD_GROUP (-20000)

/* ---- eventfd ---- */

SYSCALL_HANDLER(eventfd2) {
  (void)t;
  return fd_adopt(syscall(SYS_eventfd2, (u32)arg[0], (int)arg[1]));
}

/* ---- timerfd ---- */

SYSCALL_HANDLER(timerfd_create) {
  (void)t;
  return fd_adopt(syscall(SYS_timerfd_create, (int)arg[0], (int)arg[1]));
}

/* struct itimerspec is two timespecs on both: the host reads and writes
   the guest's structures itself, in the kernel's order. */
SYSCALL_HANDLER(timerfd_settime) {
  (void)t;
  int fd = (int)arg[0];
  void *old = arg[3] ? guest_buf(arg[3], sizeof(struct itimerspec)) : NULL;
  if (!fd_is_guest(fd)) {
    /* sys_timerfd_settime() reads the new value before the descriptor. */
    struct itimerspec its;
    return copy_from_guest(&its, arg[2], sizeof its) ? -EFAULT : -EBADF;
  }
  return host_result(syscall(SYS_timerfd_settime, fd, (int)arg[1],
                             guest_buf(arg[2], sizeof(struct itimerspec)), old));
}

SYSCALL_HANDLER(timerfd_gettime) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_timerfd_gettime, fd, guest_buf(arg[1], sizeof(struct itimerspec))));
}

/* ---- signalfd ---- */

/* do_signalfd4(): the size, then the mask, then the flags and the
   descriptor. fd -1 makes a new signalfd, any other must be one. */
SYSCALL_HANDLER(signalfd4) {
  (void)t;
  int fd = (int)arg[0];
  if (arg[2] != A64_SIGSET_SIZE) return -EINVAL;
  u64 mask;
  if (copy_from_guest(&mask, arg[1], sizeof mask)) return -EFAULT;
  if (fd != -1 && !fd_is_guest(fd)) return -EBADF;
  long r = syscall(SYS_signalfd4, fd, &mask, A64_SIGSET_SIZE, (int)arg[3]);
  return fd == -1 ? fd_adopt(r) : host_result(r);
}

/* ---- inotify ---- */

SYSCALL_HANDLER(inotify_init1) {
  (void)t;
  return fd_adopt(syscall(SYS_inotify_init1, (int)arg[0]));
}

/* inotify_add_watch() has no *at form: a path the layer resolved to a
   sysroot directory is reached through that descriptor's /proc/self/fd
   link, which keeps the real lookup's permission checks, and a final
   symlink under IN_DONT_FOLLOW is still not followed. */
static const char *watch_path(const struct host_path *hp, char *buf, size_t size) {
  if (hp->dirfd == AT_FDCWD || hp->path[0] == '/') return hp->path;
  snprintf(buf, size, "/proc/self/fd/%d/%s", hp->dirfd, hp->path);
  return buf;
}

/* The mask is checked first (fs/notify/inotify/inotify_user.c), then the
   descriptor, then the path. */
SYSCALL_HANDLER(inotify_add_watch) {
  int fd = (int)arg[0];
  u32 mask = (u32)arg[2];
  if (!(mask & (IN_ALL_EVENTS | IN_UNMOUNT | IN_Q_OVERFLOW | IN_IGNORED))) return -EINVAL;
  if ((mask & IN_MASK_ADD) && (mask & IN_MASK_CREATE)) return -EINVAL;
  if (!fd_is_guest(fd)) return -EBADF;
  struct host_path hp;
  int err = path_get(t, A64_AT_FDCWD, arg[1], mask & IN_DONT_FOLLOW ? PATH_NOFOLLOW : PATH_FOLLOW,
                     &hp);
  if (err) return err;
  char via[PATH_MAX + 32];
  i64 ret = host_result(syscall(SYS_inotify_add_watch, fd, watch_path(&hp, via, sizeof via), mask));
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(inotify_rm_watch) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_inotify_rm_watch, fd, (int)arg[1]));
}

/* ---- pidfd ---- */

/* Guest pids are host pids: a pidfd is the host's. */
SYSCALL_HANDLER(pidfd_open) {
  (void)t;
  return fd_adopt(syscall(SYS_pidfd_open, (pid_t)arg[0], (u32)arg[1]));
}

static bool pidfd_ok(int pidfd) {
  return fd_is_guest(pidfd) || pidfd == A64_PIDFD_SELF_THREAD ||
         pidfd == A64_PIDFD_SELF_THREAD_GROUP;
}

/* siginfo has one layout on both; the host's dispositions mirror the
   guest's, so a signal to this process reaches it as kill() would. */
SYSCALL_HANDLER(pidfd_send_signal) {
  (void)t;
  int pidfd = (int)arg[0];
  struct a64_siginfo info, *ip = NULL;
  if (!pidfd_ok(pidfd)) return -EBADF;
  if (arg[2]) {
    if (copy_from_guest(&info, arg[2], sizeof info)) return -EFAULT;
    ip = &info;
  }
  return host_result(syscall(SYS_pidfd_send_signal, pidfd, (int)arg[1], ip, (u32)arg[3]));
}

/* The target process is a guest under its own elfrun (or this one), whose
   descriptors from FD_GUEST_LIMIT up are elfrun's: asking for one is
   answered as for a closed descriptor. Asking the host for fd -1 instead
   keeps the kernel's order of errors (flags, pidfd, ESRCH, EPERM, then
   EBADF). */
SYSCALL_HANDLER(pidfd_getfd) {
  (void)t;
  int pidfd = (int)arg[0], target = (int)arg[1];
  if (!fd_is_guest(pidfd) && (u32)arg[2] == 0) return -EBADF;
  if (!fd_is_guest(target)) target = -1;
  return fd_adopt(syscall(SYS_pidfd_getfd, pidfd, target, (u32)arg[2]));
}
