#ifndef ELFRUN_LINUX_PROCESS_H_
#define ELFRUN_LINUX_PROCESS_H_

#include "base/types.h"
#include "cpu/cpu.h"
#include "linux/abi.h"

/* State shared by every thread of the guest process. */
struct process {
  struct a64_sigaction sigactions[A64_NSIG + 1]; /* the guest's dispositions */
  char *exe_path;        /* host path of the guest program (/proc/self/exe) */
  char *execfn;          /* the path the guest was started as (AT_EXECFN) */
  gaddr vdso_base;       /* where the vDSO image is mapped, or 0 */
};

/* One guest thread. cpu comes first so a struct cpu * converts back. */
struct thread {
  struct cpu cpu;
  struct process *proc;
  int tid;               /* host tid == guest tid */
  gaddr clear_child_tid; /* set_tid_address / CLONE_CHILD_CLEARTID */
  gaddr robust_list;     /* set_robust_list head */
  u64 robust_len;
  u64 sigmask;           /* the guest's blocked set (bit n-1 for signal n) */
  u64 sigpending;        /* signals sent to this thread while blocked */
  struct a64_stack altstack; /* sigaltstack; all zero means SS_DISABLE */
};

static inline struct thread *thread_of(struct cpu *cpu) {
  return (struct thread *)cpu;
}

/* Acts on pending signals that the guest's mask no longer blocks (called
   after the mask changes). */
void signal_unblocked(struct thread *t);

/* Ends the whole guest process with an exit status. Never returns. */
void NORETURN process_exit(int status);
/* Ends elfrun by dying of guest signal sig, as the guest would. No core. */
void NORETURN process_die_by_signal(int sig);

#endif
