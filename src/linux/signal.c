/* Guest signals.

   Signal numbers are the same 1..64 on host and guest, and the host
   dispositions and masks mirror the guest's, so the host kernel does most of
   the work: it picks the target thread, keeps blocked signals pending, queues
   real-time signals, applies default actions (terminate, stop, ignore) and
   SIG_IGN, and reaps children for SIGCHLD. Only signals the guest handles
   reach elfrun's host handler, on_host_signal(), which stages the siginfo on
   its thread, blocks that signal on the host until it is delivered (so the
   kernel keeps further instances queued, and none is lost), raises the
   thread's attention flag, and kicks the thread out of a safe_syscall that
   has not yet entered the kernel. At the next block boundary the thread
   delivers what is staged: it builds the arm64 rt_sigframe (sigframe.c) and
   continues at the handler.

   SIGSEGV and SIGBUS stay with elfrun's fault handler (mem/fault.c), which
   hands signals sent by kill() here. Synchronous faults of the guest arrive
   through cpu_deliver_exception(). */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "base/log.h"
#include "cpu/interp.h"
#include "gdb/gdb.h"
#include "linux/process.h"
#include "linux/safe_syscall.h"
#include "linux/sigframe.h"
#include "linux/svc.h"
#include "mem/fault.h"
#include "mem/guest.h"

#define SIGSET_SIZE 8
#define A64_NR_RESTART_SYSCALL 128 /* include/uapi/asm-generic/unistd.h */
#define SA_RESTORER_HOST 0x04000000

extern void host_rt_sigreturn(void);

/* The kernel's struct sigaction on x86-64 (what raw rt_sigaction takes). */
struct host_sigaction {
  void *handler;
  unsigned long flags;
  void (*restorer)(void);
  u64 mask;
};

static u64 bit(int sig) { return 1ull << (sig - 1); }

/* Signals elfrun keeps a host handler for whatever the guest wants. */
#define HOST_FAULT_SIGNALS (bit(SIGSEGV) | bit(SIGBUS))
#define UNBLOCKABLE (bit(SIGKILL) | bit(SIGSTOP))

/* Linux's default actions (kernel/signal.c sig_kernel_*_mask). */
static bool default_ignores(int sig) {
  return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
}

static bool default_stops(int sig) {
  return sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU; /* and SIGSTOP */
}

static void host_set_mask(u64 mask) {
  mask &= ~(HOST_FAULT_SIGNALS | UNBLOCKABLE);
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &mask, NULL, SIGSET_SIZE);
}

static void notice_deliverable(struct thread *t);

void signal_mask_changed(struct thread *t) {
  host_set_mask(t->sigmask);
  notice_deliverable(t);
}

/* ---- Host side ------------------------------------------------------- */

/* Process-directed signals a thread took from the host but cannot deliver:
   it blocked them before delivery (a handler's sa_mask, a mask set by the
   very call the signal interrupted) or it is exiting. On Linux such a
   signal never left the process's shared pending queue, so another thread
   that unblocks it gets it, and every thread's rt_sigpending shows it
   (kernel/signal.c: complete_signal, retarget_shared_pending). elfrun puts
   it back there: kill(getpid(), sig), so that the host kernel again picks
   the thread, queues and wakes, and keeps the original siginfo here. The
   re-sent instance arrives with SI_USER from this very process; the
   thread that takes it swaps the original back in (reclaim_returned).
   Only one siginfo per signal is kept: a standard signal is pending once
   anyway, and a second real-time instance returned before the first was
   taken arrives as the plain SI_USER kill(). */
static struct {
  pthread_mutex_t lock;                       /* one writer at a time */
  u64 set;                                    /* re-sent, not yet taken */
  pid_t by[A64_NSIG + 1];                     /* the process that re-sent it */
  struct a64_siginfo info[A64_NSIG + 1];      /* what the first taker saw */
} g_returned = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Swaps the original siginfo into *out when si is the instance elfrun
   re-sent (async-signal-safe: atomics only). A fork child's copy of the
   table never matches, since its pid differs from the one that re-sent. */
static void reclaim_returned(int sig, const struct a64_siginfo *si, struct a64_siginfo *out) {
  if (!(__atomic_load_n(&g_returned.set, __ATOMIC_ACQUIRE) & bit(sig))) return;
  if (si->si_code != SI_USER || si->kill.pid != g_returned.by[sig]) return;
  if (__atomic_fetch_and(&g_returned.set, ~bit(sig), __ATOMIC_ACQ_REL) & bit(sig))
    memcpy(out, &g_returned.info[sig], sizeof *out);
}

static void on_host_signal(int sig, siginfo_t *si, void *ucv) {
  struct cpu *cpu = t_cpu;
  ucontext_t *uc = ucv;
  if (!cpu) return; /* not a guest thread (cannot happen with 1:1 masks) */
  struct thread *t = thread_of(cpu);
  memcpy(&t->staged[sig], si, sizeof t->staged[sig]);
  reclaim_returned(sig, &t->staged[sig], &t->staged[sig]);
  t->staged_set |= bit(sig);
  /* Keep the signal blocked on return, so the kernel queues the next one. */
  sigaddset(&uc->uc_sigmask, sig);
  cpu->attention = 1;
  greg_t *rip = &uc->uc_mcontext.gregs[REG_RIP];
  if ((char *)*rip >= safe_syscall_start && (char *)*rip < safe_syscall_end)
    *rip = (greg_t)safe_syscall_interrupted;
}

/* SA_NOCLDSTOP and SA_NOCLDWAIT change what the kernel does for SIGCHLD
   itself, so they go to the host as the guest gave them. */
static void host_sigaction(int sig, void *handler, u64 guest_flags) {
  struct host_sigaction sa = {
      .handler = handler,
      .flags = SA_SIGINFO | SA_RESTORER_HOST | (guest_flags & (SA_NOCLDSTOP | SA_NOCLDWAIT)),
      .restorer = host_rt_sigreturn,
      .mask = ~0ull, /* the handler itself runs with everything blocked */
  };
  if (handler == (void *)SIG_DFL || handler == (void *)SIG_IGN) sa.flags &= ~(u64)SA_SIGINFO;
  syscall(SYS_rt_sigaction, sig, &sa, NULL, SIGSET_SIZE);
}

void signal_disposition_changed(int sig, const struct a64_sigaction *sa) {
  if (bit(sig) & (HOST_FAULT_SIGNALS | UNBLOCKABLE)) return;
  void *h = (void *)on_host_signal;
  if (sa->handler == (u64)(uintptr_t)SIG_IGN) h = (void *)SIG_IGN;
  else if (sa->handler == 0) h = (void *)SIG_DFL;
  host_sigaction(sig, h, sa->flags);
}

/* mem/fault.c: a SIGSEGV or SIGBUS that is not a fault of this thread's guest
   code (kill, tgkill, sigqueue) is an ordinary signal. */
void signal_from_fault_handler(int sig, siginfo_t *si, void *uc) {
  struct thread *t = t_cpu ? thread_of(t_cpu) : NULL;
  u64 handler = t ? t->proc->sigactions[sig].handler : 0;
  if (handler == (u64)(uintptr_t)SIG_IGN) return;
  if (!t || handler == 0) process_die_by_signal(sig);
  on_host_signal(sig, si, uc);
}

void signal_host_sync(struct thread *t) {
  fault_init(); /* SIGSEGV and SIGBUS: elfrun's, whatever the guest wants */
  for (int sig = 1; sig <= A64_NSIG; sig++)
    signal_disposition_changed(sig, &t->proc->sigactions[sig]);
  host_set_mask(t->sigmask);
}

/* The host glibc's first pthread_create installs its own SIGSETXID (33)
   handler and unblocks 32 and 33 in the calling thread (nptl's late_init).
   elfrun never uses glibc's set*id broadcast or pthread_cancel, so those
   numbers are the guest's: put its dispositions and mask back. */
void signal_after_host_thread(struct thread *t) {
  static bool done;
  if (__atomic_exchange_n(&done, true, __ATOMIC_ACQ_REL)) return;
  signal_disposition_changed(32, &t->proc->sigactions[32]);
  signal_disposition_changed(33, &t->proc->sigactions[33]);
  host_set_mask(t->sigmask);
}

/* ---- Delivery -------------------------------------------------------- */

/* Linux's ESR for a data abort from EL0 (ESR_ELx_EC_DABT_LOW), or an
   instruction abort (ESR_ELx_EC_IABT_LOW) when the PC itself faulted. */
static u64 fault_esr(const struct cpu *cpu) {
  bool exec = cpu->exc.addr == cpu->pc;
  u64 ec = exec ? 0x20 : 0x24;
  u64 fsc = cpu->exc.code == SEGV_ACCERR ? 0x0f : 0x07;
  return ec << 26 | 1ull << 25 | (u64)(cpu->exc.write && !exec) << 6 | fsc;
}

/* A stop signal taken for a handler the guest has since put back to
   SIG_DFL (its host disposition is SIG_DFL again): the host kernel stops the
   whole process with that very signal, so the parent's wait4 reports it as
   WSTOPSIG and the kernel's own rules apply (an orphaned process group
   ignores it, kernel/signal.c get_signal); SIGCONT resumes us here. */
static void stop_by_signal(int sig) {
  u64 only = ~bit(sig), all = ~0ull;
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &only, NULL, SIGSET_SIZE);
  syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), sig);
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, NULL, SIGSET_SIZE);
}

/* Runs the guest handler for info, or applies the default action. The
   caller holds every host signal blocked. Returns true if a frame was set
   up. */
static bool deliver(struct thread *t, const struct a64_siginfo *info, u64 esr) {
  int sig = info->si_signo;
  struct a64_sigaction *ka = &t->proc->sigactions[sig];
  if (ka->handler == (u64)(uintptr_t)SIG_IGN) return false;
  if (ka->handler == 0) {
    if (default_ignores(sig)) return false;
    if (default_stops(sig)) {
      stop_by_signal(sig);
      return false;
    }
    process_die_by_signal(sig);
  }
  u64 saved = t->has_saved_mask ? t->saved_mask : t->sigmask;
  t->has_saved_mask = false;
  struct a64_sigaction action = *ka;
  if (!sigframe_setup(t, info, &action, saved, esr)) {
    /* force_sigsegv(): the frame could not be written. */
    process_die_by_signal(SIGSEGV);
  }
  t->sigmask |= action.mask | (action.flags & A64_SA_NODEFER ? 0 : bit(sig));
  t->sigmask &= ~UNBLOCKABLE;
  if (action.flags & A64_SA_RESETHAND) {
    memset(ka, 0, sizeof *ka);
    signal_disposition_changed(sig, ka);
  }
  return true;
}

/* Linux's syscall restart rules (arch/arm64/kernel/signal.c, do_signal and
   handle_signal): when a signal interrupted a blocking call, the first
   handler that runs decides between EINTR and a restart (SA_RESTART, for
   calls that allow it); if no handler runs, the call restarts. A restart
   re-executes the SVC with the original X0. */
static void settle_restart(struct thread *t, bool handler, u64 sa_flags) {
  struct cpu *c = &t->cpu;
  bool restart = !handler || t->restart.kind == RESTART_NOINTR ||
                 (t->restart.kind == RESTART_SYS && (sa_flags & A64_SA_RESTART));
  if (restart) {
    c->pc -= 4;
    c->x[0] = t->restart.orig_x0;
    /* setup_restart_syscall(): x8 names restart_syscall, which resumes
       the sleep with what was left of it (t->resume). */
    if (t->restart.kind == RESTART_BLOCK) c->x[8] = A64_NR_RESTART_SYSCALL;
  } else {
    c->x[0] = (u64)-EINTR;
  }
  t->restart.pending = false;
}

static bool runs_handler(const struct a64_sigaction *ka) {
  return ka->handler != 0 && ka->handler != (u64)(uintptr_t)SIG_IGN;
}

static void block_all(void) {
  u64 all = ~0ull;
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, NULL, SIGSET_SIZE);
}

/* Gives the staged signals in which back to the process (see g_returned).
   One sent by tkill or tgkill (SI_TKILL) was the thread's own, as in its
   private queue on Linux: it stays staged, and dies with the thread.
   Whether a sigqueue or a timer signal was aimed at the thread cannot be
   told from its siginfo: those go back too. The caller holds every host
   signal blocked. */
static void give_back(struct thread *t, u64 which) {
  which &= t->staged_set;
  while (which) {
    int sig = __builtin_ctzll(which) + 1;
    which &= ~bit(sig);
    if (t->staged[sig].si_code == SI_TKILL) continue;
    t->staged_set &= ~bit(sig);
    pthread_mutex_lock(&g_returned.lock);
    if (!(__atomic_load_n(&g_returned.set, __ATOMIC_ACQUIRE) & bit(sig))) {
      memcpy(&g_returned.info[sig], &t->staged[sig], sizeof g_returned.info[sig]);
      g_returned.by[sig] = getpid();
      __atomic_fetch_or(&g_returned.set, bit(sig), __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&g_returned.lock);
    syscall(SYS_kill, getpid(), sig);
  }
}

/* thread.c: a thread on its way out, host signals blocked. */
void signal_thread_exiting(struct thread *t) { give_back(t, ~0ull); }

/* Staged signals the mask lets through again (sigreturn, sigprocmask: one
   the thread kept, being its own) are delivered at the next boundary. */
static void notice_deliverable(struct thread *t) {
  if (t->staged_set & ~t->sigmask) t->cpu.attention = 1;
}

void cpu_handle_attention(struct cpu *cpu) {
  struct thread *t = thread_of(cpu);
  block_all(); /* the staging area is ours until the mask is set again */
  cpu->attention = 0;
  if (UNLIKELY(g_gdb_active)) gdb_at_boundary(cpu); /* may stop here for gdb */
  u64 ready;
  while ((ready = t->staged_set & ~t->sigmask)) {
    int sig = __builtin_ctzll(ready) + 1;
    t->staged_set &= ~bit(sig);
    struct a64_siginfo info;
    memcpy(&info, &t->staged[sig], sizeof info);
    if (UNLIKELY(g_gdb_active) && !(info.si_signo = sig = gdb_signal(cpu, sig))) continue;
    const struct a64_sigaction *ka = &t->proc->sigactions[sig];
    if (t->restart.pending && runs_handler(ka)) settle_restart(t, true, ka->flags);
    deliver(t, &info, 0);
  }
  if (t->restart.pending) settle_restart(t, false, 0);
  if (t->has_saved_mask) { /* sigsuspend: nothing ran a handler */
    t->sigmask = t->saved_mask;
    t->has_saved_mask = false;
  }
  if (UNLIKELY(g_gdb_active)) gdb_after_signals(cpu); /* a step follows the new PC */
  give_back(t, t->sigmask); /* taken, then blocked before delivery */
  host_set_mask(t->sigmask);
}

void signal_note_interrupted(struct thread *t, enum restart_kind kind, u64 orig_x0) {
  t->restart.pending = true;
  t->restart.kind = kind;
  t->restart.orig_x0 = orig_x0;
  t->cpu.attention = 1; /* settle it at the block boundary */
}

/* A synchronous exception of the guest's own instruction. Linux forces it:
   blocked or ignored, it kills (force_sig_info_to_task). */
void cpu_deliver_exception(struct cpu *cpu) {
  struct thread *t = thread_of(cpu);
  if (UNLIKELY(g_gdb_active) && gdb_exception(cpu)) return; /* gdb took it */
  int sig = cpu->exc.signo;
  struct a64_siginfo info = {.si_signo = sig, .si_code = cpu->exc.code,
                             .addr = cpu->exc.addr};
  const struct a64_sigaction *ka = &t->proc->sigactions[sig];
  if (!runs_handler(ka) || (t->sigmask & bit(sig))) {
    if (sig == SIGILL)
      log_msg("guest killed by SIGILL: illegal instruction 0x%08x at pc 0x%llx",
              *(const u32 *)(uintptr_t)cpu->pc, (unsigned long long)cpu->pc);
    else
      log_msg("guest killed by %s at pc 0x%llx, address 0x%llx", sigabbrev_np(sig),
              (unsigned long long)cpu->pc, (unsigned long long)cpu->exc.addr);
    process_die_by_signal(sig);
  }
  block_all();
  bool fault = sig == SIGSEGV || sig == SIGBUS;
  deliver(t, &info, fault ? fault_esr(cpu) : 0);
  host_set_mask(t->sigmask);
}

/* ---- System calls ---------------------------------------------------- */

static bool valid_signal(u64 sig) { return sig <= A64_NSIG; }

/* kill, tkill and tgkill go to the host as they are: pids and tids are the
   host's, and the host's dispositions mirror the guest's. */
SYSCALL_HANDLER(kill) {
  (void)t;
  if (!valid_signal(arg[1])) return -EINVAL;
  return syscall(SYS_kill, (pid_t)arg[0], (int)arg[1]) ? -errno : 0;
}

SYSCALL_HANDLER(tkill) {
  (void)t;
  if (!valid_signal(arg[1]) || (int)arg[0] <= 0) return -EINVAL;
  return syscall(SYS_tkill, (pid_t)arg[0], (int)arg[1]) ? -errno : 0;
}

SYSCALL_HANDLER(tgkill) {
  (void)t;
  if (!valid_signal(arg[2]) || (int)arg[0] <= 0 || (int)arg[1] <= 0) return -EINVAL;
  return syscall(SYS_tgkill, (pid_t)arg[0], (pid_t)arg[1], (int)arg[2]) ? -errno : 0;
}

/* siginfo has the same layout on both ABIs; the kernel checks si_code. */
SYSCALL_HANDLER(rt_sigqueueinfo) {
  (void)t;
  struct a64_siginfo info;
  if (!valid_signal(arg[1])) return -EINVAL;
  if (copy_from_guest(&info, arg[2], sizeof info)) return -EFAULT;
  return syscall(SYS_rt_sigqueueinfo, (pid_t)arg[0], (int)arg[1], &info) ? -errno : 0;
}

SYSCALL_HANDLER(rt_tgsigqueueinfo) {
  (void)t;
  struct a64_siginfo info;
  if (!valid_signal(arg[2])) return -EINVAL;
  if (copy_from_guest(&info, arg[3], sizeof info)) return -EFAULT;
  return syscall(SYS_rt_tgsigqueueinfo, (pid_t)arg[0], (pid_t)arg[1], (int)arg[2], &info)
             ? -errno : 0;
}

SYSCALL_HANDLER(rt_sigreturn) {
  (void)arg;
  t->restart.pending = false;
  t->resume.fn = RESUME_NONE; /* restore_sigframe(): do_no_restart_syscall */
  if (!sigframe_restore(t)) {
    log_msg("rt_sigreturn: bad signal frame at 0x%llx",
            (unsigned long long)t->cpu.x[REG_SP]);
    process_die_by_signal(SIGSEGV);
  }
  host_set_mask(t->sigmask);
  notice_deliverable(t);
  return (i64)t->cpu.x[0]; /* svc_dispatch writes it back unchanged */
}

/* The restart block an interrupted sleep left (arm64 re-runs the SVC as
   restart_syscall when no handler ran); without one, EINTR, as the
   kernel's do_no_restart_syscall(). */
i64 restart_block_run(struct thread *t) {
  struct restart_block rb = t->resume;
  t->resume.fn = RESUME_NONE;
  switch (rb.fn) {
    case RESUME_NANOSLEEP: return nanosleep_resume(t, &rb);
    case RESUME_FUTEX_WAIT: return futex_wait_resume(t, &rb);
    default: return -EINTR;
  }
}

/* Pending = what the host kernel holds (blocked signals stay there) plus
   what is staged here. */
SYSCALL_HANDLER(rt_sigpending) {
  if (arg[1] != SIGSET_SIZE) return -EINVAL;
  u64 host = 0;
  if (syscall(SYS_rt_sigpending, &host, SIGSET_SIZE)) return -errno;
  u64 set = (host | t->staged_set) & t->sigmask;
  return copy_to_guest(arg[0], &set, sizeof set) ? -EFAULT : 0;
}

/* The temporary mask holds until a handler runs; its frame saves the old
   one, as Linux's set_restore_sigmask() arranges. */
SYSCALL_HANDLER(rt_sigsuspend) {
  if (arg[1] != SIGSET_SIZE) return -EINVAL;
  u64 mask;
  if (copy_from_guest(&mask, arg[0], sizeof mask)) return -EFAULT;
  if (!t->has_saved_mask) t->saved_mask = t->sigmask;
  t->has_saved_mask = true;
  t->sigmask = mask & ~UNBLOCKABLE;
  u64 host = t->sigmask & ~(HOST_FAULT_SIGNALS | UNBLOCKABLE);
  long r = safe_syscall(t, SYS_rt_sigsuspend, &host, SIGSET_SIZE);
  return r == -A64_ERESTARTSYS ? -EINTR : r;
}

/* A signal this thread has blocked stays pending in the host kernel, where
   sigtimedwait finds it; one already staged here is taken first. */
SYSCALL_HANDLER(rt_sigtimedwait) {
  if (arg[3] != SIGSET_SIZE) return -EINVAL;
  u64 set;
  if (copy_from_guest(&set, arg[0], sizeof set)) return -EFAULT;
  set &= ~UNBLOCKABLE;
  u64 mine = t->staged_set & set;
  if (mine) {
    int sig = __builtin_ctzll(mine) + 1;
    t->staged_set &= ~bit(sig);
    if (arg[1] && copy_to_guest(arg[1], &t->staged[sig], sizeof t->staged[sig])) return -EFAULT;
    return sig;
  }
  if (arg[2] && !guest_ptr_ok(arg[2], 16)) return -EFAULT;
  if (arg[1] && !guest_ptr_ok(arg[1], sizeof(struct a64_siginfo))) return -EFAULT;
  struct a64_siginfo info;
  long sig = safe_syscall(t, SYS_rt_sigtimedwait, &set, &info, arg[2] ? g2h(arg[2]) : NULL,
                          SIGSET_SIZE);
  if (sig <= 0) return sig;
  reclaim_returned((int)sig, &info, &info); /* one a thread gave back */
  if (arg[1] && copy_to_guest(arg[1], &info, sizeof info)) return -EFAULT;
  return sig;
}

/* The SIG_IGN dispositions and the mask a new program inherits: handlers
   become SIG_DFL across exec, ignored signals stay ignored. */
void signal_prepare_exec(struct thread *t) {
  for (int sig = 1; sig <= A64_NSIG; sig++) {
    if (bit(sig) & UNBLOCKABLE) continue;
    bool ign = t->proc->sigactions[sig].handler == (u64)(uintptr_t)SIG_IGN;
    host_sigaction(sig, ign ? (void *)SIG_IGN : (void *)SIG_DFL, 0);
  }
  u64 mask = t->sigmask & ~UNBLOCKABLE;
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &mask, NULL, SIGSET_SIZE);
}
