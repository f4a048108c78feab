/* Interval timers (getitimer, setitimer) and POSIX timers (timer_create and
   the rest). They are the host's: it counts, and sends its signals to the
   host process or thread (SIGEV_THREAD_ID names a tid, and guest tids are
   host tids), where signal.c turns them into the guest's, 1:1. Timer ids
   are the host kernel's; elfrun itself creates none, so the guest sees the
   ids a kernel of its own would give. aarch64 has no alarm(): its libc
   calls setitimer.

   struct itimerval and struct itimerspec are two timevals and two
   timespecs on both ABIs; struct sigevent is pinned in abi.h. Values are
   read from and written to the guest around the host call, so that a bad
   pointer is EFAULT in the kernel's order. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

_Static_assert(sizeof(struct sigevent) == sizeof(struct a64_sigevent), "host sigevent");
_Static_assert(__builtin_offsetof(struct sigevent, sigev_notify) ==
               __builtin_offsetof(struct a64_sigevent, sigev_notify), "host sigevent");
_Static_assert(__builtin_offsetof(struct sigevent, _sigev_un._tid) ==
               __builtin_offsetof(struct a64_sigevent, sigev_un.tid), "host sigevent");
_Static_assert(sizeof(struct itimerval) == 32 && sizeof(struct itimerspec) == 32,
               "itimerval, itimerspec");

SYSCALL_HANDLER(getitimer) {
  (void)t;
  struct itimerval v;
  if (syscall(SYS_getitimer, (int)arg[0], &v) != 0) return -errno;
  return copy_to_guest(arg[1], &v, sizeof v) ? -EFAULT : 0;
}

/* A NULL new value still means "disarm" (deprecated, but Linux keeps it);
   the old value is written only if the change succeeded. */
SYSCALL_HANDLER(setitimer) {
  (void)t;
  struct itimerval nv, ov;
  if (arg[1] && copy_from_guest(&nv, arg[1], sizeof nv)) return -EFAULT;
  if (syscall(SYS_setitimer, (int)arg[0], arg[1] ? &nv : NULL, arg[2] ? &ov : NULL) != 0)
    return -errno;
  return arg[2] && copy_to_guest(arg[2], &ov, sizeof ov) ? -EFAULT : 0;
}

/* The id goes straight to the guest's timer_t: the host kernel deletes the
   timer again if it cannot write it there, as arm64's does. */
SYSCALL_HANDLER(timer_create) {
  (void)t;
  struct a64_sigevent sev;
  if (arg[1] && copy_from_guest(&sev, arg[1], sizeof sev)) return -EFAULT;
  return host_result(syscall(SYS_timer_create, (clockid_t)arg[0], arg[1] ? &sev : NULL,
                             guest_buf(arg[2], sizeof(int))));
}

SYSCALL_HANDLER(timer_gettime) {
  (void)t;
  struct itimerspec v;
  if (syscall(SYS_timer_gettime, (int)arg[0], &v) != 0) return -errno;
  return copy_to_guest(arg[1], &v, sizeof v) ? -EFAULT : 0;
}

SYSCALL_HANDLER(timer_getoverrun) {
  (void)t;
  return host_result(syscall(SYS_timer_getoverrun, (int)arg[0]));
}

/* sys_timer_settime(): a new value is required, then read; the old one is
   written only after the change. */
SYSCALL_HANDLER(timer_settime) {
  (void)t;
  struct itimerspec nv, ov;
  if (!arg[2]) return -EINVAL;
  if (copy_from_guest(&nv, arg[2], sizeof nv)) return -EFAULT;
  if (syscall(SYS_timer_settime, (int)arg[0], (int)arg[1], &nv, arg[3] ? &ov : NULL) != 0)
    return -errno;
  return arg[3] && copy_to_guest(arg[3], &ov, sizeof ov) ? -EFAULT : 0;
}

SYSCALL_HANDLER(timer_delete) {
  (void)t;
  return host_result(syscall(SYS_timer_delete, (int)arg[0]));
}
