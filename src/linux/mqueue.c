/* POSIX message queues (mq_open and the rest): the host's, passed through.
   A queue name is not a path (fs/mqueue.c looks it up in the mqueue
   mount, never in the guest's tree), so it skips the path layer and is
   only copied in. struct mq_attr is eight longs on both ABIs and struct
   sigevent is pinned in abi.h; message buffers are handed to the host
   after the window check, in the kernel's order of checks. */
#include <errno.h>
#include <limits.h>
#include <mqueue.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/fd.h"
#include "linux/safe_syscall.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

_Static_assert(sizeof(struct mq_attr) == sizeof(struct a64_mq_attr), "host struct mq_attr");
_Static_assert(__builtin_offsetof(struct mq_attr, mq_curmsgs) ==
               __builtin_offsetof(struct a64_mq_attr, mq_curmsgs), "host struct mq_attr");
_Static_assert(sizeof(struct sigevent) == sizeof(struct a64_sigevent), "host sigevent");

/* include/uapi/linux/mqueue.h and fs/mqueue.c. */
#define A64_NOTIFY_COOKIE_LEN 32
#define A64_SIGEV_THREAD 2

/* getname(): a name up to PATH_MAX with its NUL, else ENAMETOOLONG. */
static i64 mq_name_from_guest(char *dst, gaddr src) {
  long n = copy_str_from_guest(dst, src, PATH_MAX);
  return n < 0 ? n : 0;
}

/* sys_mq_open(): the attributes are read before the name. Open flags are
   the guest's encoding (arm64 moves O_LARGEFILE and others). */
SYSCALL_HANDLER(mq_open) {
  (void)t;
  struct a64_mq_attr attr;
  char name[PATH_MAX];
  if (arg[3] && copy_from_guest(&attr, arg[3], sizeof attr)) return -EFAULT;
  i64 err = mq_name_from_guest(name, arg[0]);
  if (err) return err;
  int flags = xlat_open_flags_from_guest((u32)arg[1]);
  return fd_adopt(syscall(SYS_mq_open, name, flags, (mode_t)arg[2], arg[3] ? &attr : NULL));
}

SYSCALL_HANDLER(mq_unlink) {
  (void)t;
  char name[PATH_MAX];
  i64 err = mq_name_from_guest(name, arg[0]);
  if (err) return err;
  return host_result(syscall(SYS_mq_unlink, name));
}

/* The timeout is read first (EFAULT before EBADF); a sleeping sender or
   receiver ends with -ERESTARTSYS on a signal (wq_sleep()), hence the
   BLOCKING rows. */
static i64 mq_timeout(gaddr src, struct timespec *ts, struct timespec **out) {
  *out = NULL;
  if (!src) return 0;
  if (copy_from_guest(ts, src, sizeof *ts)) return -EFAULT;
  *out = ts;
  return 0;
}

SYSCALL_HANDLER(mq_timedsend) {
  int fd = (int)arg[0];
  struct timespec ts, *tsp;
  if (mq_timeout(arg[4], &ts, &tsp)) return -EFAULT;
  if (!fd_is_guest(fd)) return -EBADF;
  return safe_syscall(t, SYS_mq_timedsend, fd, guest_buf(arg[1], arg[2]), arg[2], (u32)arg[3],
                      tsp);
}

SYSCALL_HANDLER(mq_timedreceive) {
  int fd = (int)arg[0];
  struct timespec ts, *tsp;
  if (mq_timeout(arg[4], &ts, &tsp)) return -EFAULT;
  if (!fd_is_guest(fd)) return -EBADF;
  void *prio = arg[3] ? guest_buf(arg[3], sizeof(u32)) : NULL;
  return safe_syscall(t, SYS_mq_timedreceive, fd, guest_buf(arg[1], arg[2]), arg[2], prio, tsp);
}

/* do_mq_notify(): with SIGEV_THREAD the kernel reads a 32-byte cookie at
   sigev_value and takes sigev_signo as a netlink socket descriptor; both
   are checked here, so that neither can name elfrun's memory or files. */
SYSCALL_HANDLER(mq_notify) {
  (void)t;
  int fd = (int)arg[0];
  struct a64_sigevent sev;
  if (arg[1] && copy_from_guest(&sev, arg[1], sizeof sev)) return -EFAULT;
  if (arg[1] && sev.sigev_notify == A64_SIGEV_THREAD) {
    if (!guest_ptr_ok(sev.sigev_value, A64_NOTIFY_COOKIE_LEN))
      sev.sigev_value = (u64)(uintptr_t)HOST_EFAULT_PTR;
    if (!fd_is_guest(sev.sigev_signo)) sev.sigev_signo = -1;
  }
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_mq_notify, fd, arg[1] ? &sev : NULL));
}

/* sys_mq_getsetattr(): the new attributes are read first, the old ones
   written last. */
SYSCALL_HANDLER(mq_getsetattr) {
  (void)t;
  int fd = (int)arg[0];
  struct a64_mq_attr nattr, oattr;
  if (arg[1] && copy_from_guest(&nattr, arg[1], sizeof nattr)) return -EFAULT;
  if (!fd_is_guest(fd)) return -EBADF;
  if (syscall(SYS_mq_getsetattr, fd, arg[1] ? &nattr : NULL, arg[2] ? &oattr : NULL) != 0)
    return -errno;
  return arg[2] && copy_to_guest(arg[2], &oattr, sizeof oattr) ? -EFAULT : 0;
}
