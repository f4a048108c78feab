/* Guest signals. For now the guest's dispositions and mask are recorded
   (sigaction.c), and a signal that reaches this process is acted on with
   Linux's default action; delivery to guest handlers comes with the
   signals work. A synchronous fault ends the process with its signal. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/log.h"
#include "cpu/interp.h"
#include "linux/process.h"
#include "linux/svc.h"

/* Linux's default actions (kernel/signal.c sig_kernel_*_mask). */
static bool default_ignores(int sig) {
  return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
}

static bool default_stops(int sig) {
  return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

void cpu_deliver_exception(struct cpu *cpu) {
  int sig = cpu->exc.signo;
  if (sig == SIGILL)
    log_msg("guest killed by SIGILL: illegal instruction 0x%08x at pc 0x%llx",
            *(const u32 *)(uintptr_t)cpu->pc, (unsigned long long)cpu->pc);
  else
    log_msg("guest killed by %s at pc 0x%llx, address 0x%llx", sigabbrev_np(sig),
            (unsigned long long)cpu->pc, (unsigned long long)cpu->exc.addr);
  process_die_by_signal(sig);
}

void cpu_handle_attention(struct cpu *cpu) { cpu->attention = 0; }

/* A signal sent to this very process. Until delivery exists, anything but
   "ignore" ends the process the way the default action would. */
static i64 signal_self(struct thread *t, int sig) {
  if (sig == 0) return 0;
  u64 handler = t->proc->sigactions[sig].handler;
  if (handler == (u64)(uintptr_t)SIG_IGN || (handler == 0 && default_ignores(sig)))
    return 0;
  if (t->sigmask & (1ull << (sig - 1))) { /* acted on when unblocked */
    t->sigpending |= 1ull << (sig - 1);
    return 0;
  }
  if (handler == 0 && default_stops(sig)) return syscall(SYS_kill, getpid(), SIGSTOP) ? -errno : 0;
  if (handler != 0)
    log_msg("signal %d has a guest handler, which elfrun cannot run yet", sig);
  process_die_by_signal(sig);
}

void signal_unblocked(struct thread *t) {
  u64 ready = t->sigpending & ~t->sigmask;
  for (int sig = 1; ready; sig++, ready >>= 1) {
    if (!(ready & 1)) continue;
    t->sigpending &= ~(1ull << (sig - 1));
    signal_self(t, sig);
  }
}

static bool valid_signal(u64 sig) { return sig <= A64_NSIG; }

SYSCALL_HANDLER(kill) {
  pid_t pid = (pid_t)arg[0];
  int sig = (int)arg[1];
  if (!valid_signal(arg[1])) return -EINVAL;
  if (pid == getpid()) return signal_self(t, sig);
  return syscall(SYS_kill, pid, sig) ? -errno : 0;
}

SYSCALL_HANDLER(tkill) {
  pid_t tid = (pid_t)arg[0];
  if (!valid_signal(arg[1])) return -EINVAL;
  if (tid <= 0) return -EINVAL;
  if (tid == t->tid) return signal_self(t, (int)arg[1]);
  return syscall(SYS_tkill, tid, (int)arg[1]) ? -errno : 0;
}

SYSCALL_HANDLER(tgkill) {
  pid_t tgid = (pid_t)arg[0], tid = (pid_t)arg[1];
  if (!valid_signal(arg[2])) return -EINVAL;
  if (tgid <= 0 || tid <= 0) return -EINVAL;
  if (tgid == getpid() && tid == t->tid) return signal_self(t, (int)arg[2]);
  return syscall(SYS_tgkill, tgid, tid, (int)arg[2]) ? -errno : 0;
}
