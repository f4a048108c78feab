/* ppoll and pselect6. struct pollfd, fd_set and timespec have the same
   layout on aarch64 and x86-64. elfrun's own descriptors are hidden: in a
   pollfd array they read as closed (POLLNVAL); fd_set bits at or above
   their range are ignored. The
   signal-mask argument is validated but not yet applied, since guest signal
   handlers do not run yet. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/fd.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

#define A64_SIGSET_SIZE 8

static i64 check_sigmask(gaddr mask, u64 size) {
  if (mask && size != A64_SIGSET_SIZE) return -EINVAL;
  if (mask && !guest_ptr_ok(mask, size)) return -EFAULT;
  return 0;
}

SYSCALL_HANDLER(ppoll) {
  (void)t;
  gaddr ufds = arg[0], tmo = arg[2];
  u64 nfds = arg[1];
  struct rlimit nofile;
  fd_get_nofile(&nofile);
  if (nfds > nofile.rlim_cur) return -EINVAL;
  i64 err = check_sigmask(arg[3], arg[4]);
  if (err) return err;
  if (tmo && !guest_ptr_ok(tmo, sizeof(struct timespec))) return -EFAULT;
  struct pollfd *fds = malloc((nfds ? nfds : 1) * sizeof *fds);
  if (!fds) return -ENOMEM;
  i64 ret = copy_from_guest(fds, ufds, nfds * sizeof *fds);
  if (ret == 0) {
    for (u64 i = 0; i < nfds; i++)
      if (fds[i].fd >= FD_GUEST_LIMIT) fds[i].fd = -1 - fds[i].fd; /* ignored */
    ret = syscall(SYS_ppoll, fds, nfds, tmo ? g2h(tmo) : NULL, NULL, 0);
    ret = ret < 0 ? -errno : ret;
    for (u64 i = 0; ret >= 0 && i < nfds; i++) {
      if (fds[i].fd <= -1 - FD_GUEST_LIMIT) {
        fds[i].fd = -1 - fds[i].fd;
        fds[i].revents = POLLNVAL;
        ret++;
      }
    }
    if (ret >= 0 && copy_to_guest(ufds, fds, nfds * sizeof *fds)) ret = -EFAULT;
  }
  free(fds);
  return ret;
}

/* The sixth argument points at {const sigset_t *ss; size_t ss_len}. */
SYSCALL_HANDLER(pselect6) {
  (void)t;
  int n = (int)arg[0];
  gaddr sets[3] = {arg[1], arg[2], arg[3]}, tmo = arg[4], sig = arg[5];
  if (n < 0) return -EINVAL;
  if (n > FD_GUEST_LIMIT) n = FD_GUEST_LIMIT; /* bits above name no guest fd */
  u64 bytes = (u64)(n + 63) / 64 * 8;
  for (int i = 0; i < 3; i++)
    if (sets[i] && !guest_ptr_ok(sets[i], bytes)) return -EFAULT;
  if (tmo && !guest_ptr_ok(tmo, sizeof(struct timespec))) return -EFAULT;
  if (sig) {
    u64 pair[2];
    if (copy_from_guest(pair, sig, sizeof pair)) return -EFAULT;
    i64 err = check_sigmask(pair[0], pair[1]);
    if (err) return err;
  }
  long r = syscall(SYS_pselect6, n, sets[0] ? g2h(sets[0]) : NULL,
                   sets[1] ? g2h(sets[1]) : NULL, sets[2] ? g2h(sets[2]) : NULL,
                   tmo ? g2h(tmo) : NULL, NULL);
  return r < 0 ? -errno : r;
}
