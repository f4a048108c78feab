/* epoll_create1, epoll_ctl, epoll_pwait and epoll_pwait2.

   struct epoll_event is the one epoll structure whose layout differs:
   x86-64's is packed (12 bytes), arm64's is 16 with data aligned to 8
   (linux/eventpoll.h, EPOLL_PACKED). Events are converted one by one in
   xlat.c, in both directions. An epoll instance is a host one; elfrun's
   own descriptors can neither be added to it nor used as one.

   The waits follow fs/eventpoll.c: a signal ends them with EINTR and they
   are never restarted (the syscalls.def flags are 0), yet they block
   through safe_syscall so that a signal arriving just before the sleep is
   not lost. The sigmask argument is applied as ppoll's is (poll.c). */
#include <errno.h>
#include <limits.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/fd.h"
#include "linux/poll.h"
#include "linux/process.h"
#include "linux/safe_syscall.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

/* EP_MAX_EVENTS on arm64: INT_MAX over the guest's struct size. */
#define A64_EP_MAX_EVENTS (INT_MAX / (int)sizeof(struct a64_epoll_event))

/* Events fetched from the host per wait. A wait may return fewer than
   maxevents: the rest stay on the ready list for the next one, exactly as
   when more become ready than the guest asked for. */
#define EPOLL_BATCH 256

SYSCALL_HANDLER(epoll_create1) {
  (void)t;
  return fd_adopt(syscall(SYS_epoll_create1, (int)arg[0]));
}

/* do_epoll_ctl(): the event is read first (not for EPOLL_CTL_DEL, which
   ignores it), then both descriptors are looked up. */
SYSCALL_HANDLER(epoll_ctl) {
  (void)t;
  int epfd = (int)arg[0], op = (int)arg[1], fd = (int)arg[2];
  struct epoll_event host, *hp = NULL;
  if (op != EPOLL_CTL_DEL) {
    struct a64_epoll_event ev;
    if (copy_from_guest(&ev, arg[3], sizeof ev)) return -EFAULT;
    xlat_epoll_event_from_guest(&host, &ev);
    hp = &host;
  }
  if (!fd_is_guest(epfd) || !fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_epoll_ctl, epfd, op, fd, hp));
}

/* The host's events, converted into the guest's array. */
static i64 events_to_guest(gaddr uevents, const struct epoll_event *ev, i64 n) {
  struct a64_epoll_event out[EPOLL_BATCH];
  for (i64 i = 0; i < n; i++) xlat_epoll_event_to_guest(&out[i], &ev[i]);
  return copy_to_guest(uevents, out, (size_t)n * sizeof out[0]) ? -EFAULT : n;
}

/* do_epoll_wait(): maxevents, then the guest's array (access_ok), then
   the descriptor. timeout_ms is used when ts is NULL (epoll_pwait). */
static i64 epoll_wait_common(struct thread *t, const u64 *arg, const struct timespec *ts,
                             int timeout_ms, bool pwait2, const u64 *host_mask) {
  int epfd = (int)arg[0], maxevents = (int)arg[2];
  gaddr uevents = arg[1];
  if (maxevents <= 0 || maxevents > A64_EP_MAX_EVENTS) return -EINVAL;
  if (!guest_ptr_ok(uevents, (u64)maxevents * sizeof(struct a64_epoll_event)))
    return -EFAULT;
  if (!fd_is_guest(epfd)) return -EBADF;
  struct epoll_event ev[EPOLL_BATCH];
  int n = maxevents < EPOLL_BATCH ? maxevents : EPOLL_BATCH;
  long r = pwait2 ? safe_syscall(t, SYS_epoll_pwait2, epfd, ev, n, ts, host_mask, 8)
                  : safe_syscall(t, SYS_epoll_pwait, epfd, ev, n, timeout_ms, host_mask, 8);
  if (r <= 0) return r;
  return events_to_guest(uevents, ev, r);
}

/* do_epoll_pwait(): the signal mask before anything else. */
static i64 epoll_pwait_masked(struct thread *t, const u64 *arg, const struct timespec *ts,
                              int timeout_ms, bool pwait2) {
  u64 host_mask;
  int applied = sigmask_set_temporary(t, arg[4], arg[5], &host_mask);
  if (applied < 0) return applied;
  i64 ret = epoll_wait_common(t, arg, ts, timeout_ms, pwait2, applied ? &host_mask : NULL);
  sigmask_restore_unless_interrupted(t, applied, ret);
  return ret;
}

SYSCALL_HANDLER(epoll_pwait) {
  return epoll_pwait_masked(t, arg, NULL, (int)arg[3], false);
}

/* The timeout is a struct timespec, read and checked first (EFAULT, then
   EINVAL from poll_select_set_timeout()); NULL waits for ever. */
SYSCALL_HANDLER(epoll_pwait2) {
  struct timespec ts, *tp = NULL;
  if (arg[3]) {
    if (copy_from_guest(&ts, arg[3], sizeof ts)) return -EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000) return -EINVAL;
    tp = &ts;
  }
  return epoll_pwait_masked(t, arg, tp, -1, true);
}
