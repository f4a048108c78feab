/* rt_sigaction, rt_sigprocmask and sigaltstack: they record the guest's
   wishes (t->proc->sigactions, t->sigmask, the alternate stack), answer
   exactly as Linux does, and have signal.c mirror dispositions and masks
   on the host. */
#include <errno.h>
#include <pthread.h>

#include "linux/abi.h"
#include "linux/process.h"
#include "linux/svc.h"
#include "mem/guest.h"

#define SIGSET_SIZE 8 /* the kernel's sigset_t on arm64: 64 bits */

static u64 sig_bit(int sig) { return 1ull << (sig - 1); }

/* Signals no mask can hold and no handler can catch. */
#define UNBLOCKABLE (sig_bit(A64_SIGKILL) | sig_bit(A64_SIGSTOP))

/* The dispositions are shared by every thread: swapping one is atomic with
   respect to the others, as under the kernel's siglock. */
static pthread_mutex_t g_sigaction_lock = PTHREAD_MUTEX_INITIALIZER;

/* sys_rt_sigaction() then do_sigaction(): size, read the new action, check
   the signal, store it with the flags cut to UAPI_SA_FLAGS and SIGKILL and
   SIGSTOP dropped from its mask, and write the old one last. */
SYSCALL_HANDLER(rt_sigaction) {
  int sig = (int)arg[0];
  gaddr act = arg[1], oldact = arg[2];
  if (arg[3] != SIGSET_SIZE) return -EINVAL;
  struct a64_sigaction new_sa;
  if (act && copy_from_guest(&new_sa, act, sizeof new_sa)) return -EFAULT;
  if (sig < 1 || sig > A64_NSIG) return -EINVAL;
  if (act && (sig == A64_SIGKILL || sig == A64_SIGSTOP)) return -EINVAL;
  struct a64_sigaction *slot = &t->proc->sigactions[sig];
  pthread_mutex_lock(&g_sigaction_lock);
  struct a64_sigaction old_sa = *slot;
  if (act) {
    new_sa.flags &= A64_SA_UAPI_FLAGS;
    new_sa.mask &= ~UNBLOCKABLE;
    *slot = new_sa;
    signal_disposition_changed(sig, slot);
  }
  pthread_mutex_unlock(&g_sigaction_lock);
  if (oldact && copy_to_guest(oldact, &old_sa, sizeof old_sa)) return -EFAULT;
  return 0;
}

/* The new mask takes effect even when writing the old one faults. */
SYSCALL_HANDLER(rt_sigprocmask) {
  int how = (int)arg[0];
  gaddr set = arg[1], oldset = arg[2];
  if (arg[3] != SIGSET_SIZE) return -EINVAL;
  u64 old_mask = t->sigmask;
  if (set) {
    u64 m;
    if (copy_from_guest(&m, set, sizeof m)) return -EFAULT;
    m &= ~UNBLOCKABLE;
    switch (how) {
      case A64_SIG_BLOCK: t->sigmask |= m; break;
      case A64_SIG_UNBLOCK: t->sigmask &= ~m; break;
      case A64_SIG_SETMASK: t->sigmask = m; break;
      default: return -EINVAL;
    }
  }
  i64 ret = oldset && copy_to_guest(oldset, &old_mask, sizeof old_mask) ? -EFAULT : 0;
  signal_mask_changed(t);
  return ret;
}

/* on_sig_stack(): the stack grows down, so sp == base is outside and
   sp == base + size inside. An SS_AUTODISARM stack never counts. */
bool altstack_on(const struct a64_stack *ss, u64 sp) {
  if (ss->ss_flags & A64_SS_AUTODISARM) return false;
  return sp > ss->ss_sp && sp - ss->ss_sp <= ss->ss_size;
}

/* The old stack as sigaltstack reports it (do_sigaltstack()). */
struct a64_stack altstack_report(const struct a64_stack *ss, u64 sp) {
  struct a64_stack out = {.ss_sp = ss->ss_sp, .ss_size = ss->ss_size};
  u32 state = !ss->ss_size ? A64_SS_DISABLE : altstack_on(ss, sp) ? A64_SS_ONSTACK : 0;
  out.ss_flags = (i32)(state | ((u32)ss->ss_flags & A64_SS_AUTODISARM));
  return out;
}

/* do_sigaltstack(): no change while running on the stack (EPERM); the mode
   is 0, SS_ONSTACK (old spelling of 0) or SS_DISABLE, plus SS_AUTODISARM;
   an enabled stack needs MINSIGSTKSZ bytes. */
int altstack_set(struct a64_stack *cur, const struct a64_stack *ss, u64 sp) {
  if (altstack_on(cur, sp)) return -EPERM;
  u32 mode = (u32)ss->ss_flags & ~A64_SS_AUTODISARM;
  if (mode != A64_SS_DISABLE && mode != A64_SS_ONSTACK && mode != 0) return -EINVAL;
  struct a64_stack next = {.ss_flags = (i32)((u32)ss->ss_flags & A64_SS_AUTODISARM)};
  if (mode != A64_SS_DISABLE) {
    if (ss->ss_size < A64_MINSIGSTKSZ) return -ENOMEM;
    next.ss_sp = ss->ss_sp;
    next.ss_size = ss->ss_size;
  }
  *cur = next;
  return 0;
}

SYSCALL_HANDLER(sigaltstack) {
  u64 sp = t->cpu.x[REG_SP];
  struct a64_stack ss, old = altstack_report(&t->altstack, sp);
  if (arg[0]) {
    if (copy_from_guest(&ss, arg[0], sizeof ss)) return -EFAULT;
    int err = altstack_set(&t->altstack, &ss, sp);
    if (err) return err;
  }
  if (arg[1] && copy_to_guest(arg[1], &old, sizeof old)) return -EFAULT;
  return 0;
}
