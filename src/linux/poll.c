/* ppoll and pselect6, and the temporary signal mask they share with
   epoll_pwait (epoll.c).

   struct pollfd, fd_set and timespec have the same layout on aarch64 and
   x86-64. elfrun's own descriptors are hidden: in a pollfd array they read
   as closed (POLLNVAL); fd_set bits at or above their range are ignored.

   The sigmask argument follows kernel/signal.c (set_user_sigmask,
   restore_saved_sigmask_unless): the guest's mask is replaced for the
   duration of the call, and the host call is given the matching host mask,
   so the host kernel swaps it atomically with going to sleep, as the
   arm64 kernel does. If a signal ends the call, the temporary mask stays
   until it is delivered (its frame saves the old one, see deliver() in
   signal.c, which reads t->saved_mask); otherwise the old mask returns at
   once. Both block through safe_syscall. */
#include "linux/poll.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/fd.h"
#include "linux/process.h"
#include "linux/safe_syscall.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

#define A64_SIGSET_SIZE 8

static u64 sig_bit(int sig) { return 1ull << (sig - 1); }

/* SIGKILL and SIGSTOP cannot be blocked; SIGSEGV and SIGBUS stay unblocked
   on the host, where elfrun's fault handler needs them (signal.c keeps the
   same rule for every host mask it sets). */
#define A64_UNBLOCKABLE (sig_bit(SIGKILL) | sig_bit(SIGSTOP))
#define HOST_NEVER_BLOCKED (A64_UNBLOCKABLE | sig_bit(SIGSEGV) | sig_bit(SIGBUS))

int sigmask_set_temporary(struct thread *t, gaddr umask, u64 size, u64 *host) {
  if (!umask) return 0;
  if (size != A64_SIGSET_SIZE) return -EINVAL;
  u64 mask;
  if (copy_from_guest(&mask, umask, sizeof mask)) return -EFAULT;
  if (!t->has_saved_mask) t->saved_mask = t->sigmask;
  t->has_saved_mask = true;
  t->sigmask = mask & ~A64_UNBLOCKABLE;
  *host = t->sigmask & ~HOST_NEVER_BLOCKED;
  /* A signal elfrun already took from the host while the old mask blocked
     it for the guest is unblocked now: the call must end at once, as
     Linux's would with that signal pending. */
  if (t->staged_set & ~t->sigmask) t->cpu.attention = 1;
  return 1;
}

void sigmask_restore_unless_interrupted(struct thread *t, int applied, i64 ret) {
  if (applied <= 0) return;
  bool interrupted = ret == -EINTR || ret == -A64_ERESTARTSYS;
  if (interrupted && t->cpu.attention) return; /* cpu_handle_attention restores */
  t->sigmask = t->saved_mask;
  t->has_saved_mask = false;
}

/* poll_select_set_timeout(): a timeout the kernel refuses with EINVAL. */
static i64 check_timeout(gaddr tmo) {
  struct timespec ts;
  if (!tmo) return 0;
  if (copy_from_guest(&ts, tmo, sizeof ts)) return -EFAULT;
  if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000) return -EINVAL;
  return 0;
}

/* Guest pollfds naming elfrun's descriptors get a negative fd, which the
   host ignores, and come back as POLLNVAL. */
static void hide_own_fds(struct pollfd *fds, u64 nfds) {
  for (u64 i = 0; i < nfds; i++)
    if (fds[i].fd >= FD_GUEST_LIMIT) fds[i].fd = -1 - fds[i].fd;
}

static i64 unhide_own_fds(struct pollfd *fds, u64 nfds, i64 ret) {
  for (u64 i = 0; ret >= 0 && i < nfds; i++) {
    if (fds[i].fd <= -1 - FD_GUEST_LIMIT) {
      fds[i].fd = -1 - fds[i].fd;
      fds[i].revents = POLLNVAL;
      ret++;
    }
  }
  return ret;
}

/* do_sys_poll(): nfds past RLIMIT_NOFILE is EINVAL, then the array is
   read (EFAULT). The remaining time goes back through the guest's own
   timespec, which the host updates as the arm64 kernel would. */
static i64 poll_fds(struct thread *t, gaddr ufds, u64 nfds, gaddr tmo, const u64 *host_mask) {
  struct rlimit nofile;
  fd_get_nofile(&nofile);
  if (nfds > nofile.rlim_cur) return -EINVAL;
  struct pollfd *fds = malloc((nfds ? nfds : 1) * sizeof *fds);
  if (!fds) return -ENOMEM;
  i64 ret = copy_from_guest(fds, ufds, nfds * sizeof *fds) ? -EFAULT : 0;
  if (ret == 0) {
    hide_own_fds(fds, nfds);
    ret = safe_syscall(t, SYS_ppoll, fds, nfds, tmo ? g2h(tmo) : NULL, host_mask,
                       A64_SIGSET_SIZE);
    ret = unhide_own_fds(fds, nfds, ret);
    if (ret >= 0 && copy_to_guest(ufds, fds, nfds * sizeof *fds)) ret = -EFAULT;
  }
  free(fds);
  return ret;
}

/* sys_ppoll(): the timeout, then the signal mask, then the poll. */
SYSCALL_HANDLER(ppoll) {
  gaddr tmo = arg[2];
  i64 err = check_timeout(tmo);
  if (err) return err;
  u64 host_mask;
  int applied = sigmask_set_temporary(t, arg[3], arg[4], &host_mask);
  if (applied < 0) return applied;
  i64 ret = poll_fds(t, arg[0], arg[1], tmo, applied ? &host_mask : NULL);
  sigmask_restore_unless_interrupted(t, applied, ret);
  return ret;
}

/* core_sys_select(): n < 0 is EINVAL, n past the table is cut. */
static i64 select_fds(struct thread *t, int n, const gaddr sets[3], gaddr tmo,
                      const u64 *host_mask) {
  if (n < 0) return -EINVAL;
  if (n > FD_GUEST_LIMIT) n = FD_GUEST_LIMIT; /* bits above name no guest fd */
  u64 bytes = (u64)(n + 63) / 64 * 8;
  for (int i = 0; i < 3; i++)
    if (sets[i] && !guest_ptr_ok(sets[i], bytes)) return -EFAULT;
  struct {
    const u64 *ss;
    u64 ss_len;
  } pack = {host_mask, A64_SIGSET_SIZE};
  return safe_syscall(t, SYS_pselect6, n, sets[0] ? g2h(sets[0]) : NULL,
                      sets[1] ? g2h(sets[1]) : NULL, sets[2] ? g2h(sets[2]) : NULL,
                      tmo ? g2h(tmo) : NULL, &pack);
}

/* The sixth argument points at {const sigset_t *ss; size_t ss_len}
   (get_sigset_argpack), read before anything else. */
SYSCALL_HANDLER(pselect6) {
  gaddr sets[3] = {arg[1], arg[2], arg[3]}, tmo = arg[4], sig = arg[5];
  u64 pair[2] = {0, 0};
  if (sig && copy_from_guest(pair, sig, sizeof pair)) return -EFAULT;
  i64 err = check_timeout(tmo);
  if (err) return err;
  u64 host_mask;
  int applied = sigmask_set_temporary(t, pair[0], pair[1], &host_mask);
  if (applied < 0) return applied;
  i64 ret = select_fds(t, (int)arg[0], sets, tmo, applied ? &host_mask : NULL);
  sigmask_restore_unless_interrupted(t, applied, ret);
  return ret;
}
