/* wait4 and waitid. A guest's children are host processes (each guest
   child is an elfrun, or a native program), and an elfrun ends as its guest
   does: with its exit status, or killed by the same signal (process.c). So
   the host's status words and siginfo are the guest's as they are; options,
   idtypes, status words and struct rusage are the same on both ABIs.

   Both calls sleep: they go through safe_syscall() so that a signal
   interrupts them, and return its result as it is (svc.c settles EINTR or
   a restart). The results are written after the call, as the kernel does
   it: a child already reaped when a pointer turns out bad gives EFAULT. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "linux/abi.h"
#include "linux/process.h"
#include "linux/safe_syscall.h"
#include "linux/svc.h"
#include "mem/guest.h"

#define A64_SI_MAX_SIZE 128

_Static_assert(__builtin_offsetof(siginfo_t, si_pid) ==
               __builtin_offsetof(struct a64_siginfo_chld, pid), "host siginfo");
_Static_assert(__builtin_offsetof(siginfo_t, si_status) ==
               __builtin_offsetof(struct a64_siginfo_chld, status), "host siginfo");

/* kernel_wait4(): the status, then the usage. */
SYSCALL_HANDLER(wait4) {
  int status = 0;
  struct rusage ru;
  long pid = safe_syscall(t, SYS_wait4, (pid_t)arg[0], &status, (int)arg[2],
                          arg[3] ? &ru : NULL);
  if (pid <= 0) return pid;
  if (arg[1] && copy_to_guest(arg[1], &status, sizeof status)) return -EFAULT;
  if (arg[3] && copy_to_guest(arg[3], &ru, sizeof ru)) return -EFAULT;
  return pid;
}

/* sys_waitid() writes six fields of the siginfo, never the others (the
   times stay as the caller left them), and all zero when WNOHANG found no
   child to report. */
static int put_waitid_info(gaddr a, const siginfo_t *si) {
  struct a64_siginfo_chld out = {
      .signo = si->si_signo,
      .err = 0,
      .code = si->si_code,
      .pid = si->si_pid,
      .uid = si->si_uid,
      .status = si->si_status,
  };
  size_t head = __builtin_offsetof(struct a64_siginfo_chld, __pad);
  size_t mid = __builtin_offsetof(struct a64_siginfo_chld, pid);
  size_t end = __builtin_offsetof(struct a64_siginfo_chld, __pad2);
  if (!guest_range_ok(a, A64_SI_MAX_SIZE)) return -EFAULT; /* access_ok() */
  if (copy_to_guest(a, &out, head)) return -EFAULT;
  return copy_to_guest(a + mid, &out.pid, end - mid) ? -EFAULT : 0;
}

/* The usage is written only when a child was found, before the info. */
SYSCALL_HANDLER(waitid) {
  siginfo_t si;
  memset(&si, 0, sizeof si);
  struct rusage ru;
  long r = safe_syscall(t, SYS_waitid, (int)arg[0], (pid_t)arg[1], &si, (int)arg[3],
                        arg[4] ? &ru : NULL);
  if (r < 0) return r;
  bool found = si.si_signo == SIGCHLD;
  if (found && arg[4] && copy_to_guest(arg[4], &ru, sizeof ru)) return -EFAULT;
  return arg[2] ? put_waitid_info(arg[2], &si) : 0;
}
