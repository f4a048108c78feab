#ifndef ELFRUN_LINUX_PROCESS_H_
#define ELFRUN_LINUX_PROCESS_H_

#include <pthread.h>
#include <time.h>

#include "base/types.h"
#include "cpu/cpu.h"
#include "linux/abi.h"
#include "linux/abi_signal.h"

/* State shared by every thread of the guest process. */
struct process {
  struct a64_sigaction sigactions[A64_NSIG + 1]; /* the guest's dispositions */
  char *exe_path;        /* host path of the guest program (/proc/self/exe) */
  char *execfn;          /* the path the guest was started as (AT_EXECFN) */
  gaddr vdso_base;       /* where the vDSO image is mapped, or 0 */
  gaddr sigreturn_tramp; /* handlers return here: rt_sigreturn */
  pthread_mutex_t threads_lock; /* guards threads and nthreads (thread.c) */
  struct thread *threads; /* every live thread, linked by next_thread */
  int nthreads;
  /* The initial stack as exec left it (procfs_note_stack(): /proc/self/
     cmdline, environ, auxv, stat), like mm_struct's fields. */
  gaddr start_stack;     /* the initial SP (argc) */
  gaddr arg_start, arg_end; /* the argv strings */
  gaddr env_start, env_end; /* the envp strings */
  gaddr auxv_at;         /* the auxiliary vector, AT_NULL pair included */
  u64 auxv_len;          /* its size in bytes (0: unknown) */
};

/* How an interrupted syscall continues once the signal is handled
   (ERESTARTSYS and ERESTARTNOHAND in Linux). */
enum restart_kind {
  RESTART_NONE,   /* EINTR reaches the guest */
  RESTART_SYS,    /* restart unless a handler without SA_RESTART ran */
  RESTART_NOHAND, /* restart only if no handler ran */
  RESTART_NOINTR, /* always restart (ERESTARTNOINTR: futex LOCK_PI) */
  RESTART_BLOCK,  /* restart only if no handler ran, as restart_syscall
                     resuming t->resume (ERESTART_RESTARTBLOCK) */
};

/* What restart_syscall resumes (Linux's struct restart_block): a timed
   sleep keeps its absolute end, so that once restarted it waits only for
   what was left. */
enum resume_fn { RESUME_NONE, RESUME_NANOSLEEP, RESUME_FUTEX_WAIT };
struct restart_block {
  enum resume_fn fn;
  int clock;               /* the clock expires is read on */
  struct timespec expires; /* absolute */
  gaddr rem;               /* nanosleep: where the time left goes, or 0 */
  gaddr uaddr;             /* futex: the word, its expected value, */
  u32 val, bitset;         /* the waker's bitset */
  int op_flags;            /* and FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME */
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
  u64 saved_mask;        /* sigsuspend: the mask to restore afterwards */
  bool has_saved_mask;
  u64 staged_set;        /* signals taken from the host, not yet delivered */
  struct a64_siginfo staged[A64_NSIG + 1];
  struct {               /* a blocking syscall a signal interrupted */
    bool pending;
    enum restart_kind kind;
    u64 orig_x0;
  } restart;
  struct restart_block resume; /* RESTART_BLOCK: what restart_syscall does */
  struct a64_stack altstack; /* sigaltstack; all zero means SS_DISABLE */
  struct thread *next_thread; /* in proc->threads (thread.c) */
};

static inline struct thread *thread_of(struct cpu *cpu) {
  return (struct thread *)cpu;
}

/* sigaction.c: the alternate signal stack as do_sigaltstack() sees it.
   altstack_on: sp is on ss (an SS_AUTODISARM stack never counts);
   altstack_report: ss as sigaltstack and uc_stack report it;
   altstack_set: installs ss into *cur, returning 0 or -errno. */
bool altstack_on(const struct a64_stack *ss, u64 sp);
struct a64_stack altstack_report(const struct a64_stack *ss, u64 sp);
int altstack_set(struct a64_stack *cur, const struct a64_stack *ss, u64 sp);

/* signal.c: the host mirrors the guest's dispositions and masks. */
void signal_mask_changed(struct thread *t);
void signal_disposition_changed(int sig, const struct a64_sigaction *sa);
/* A blocking call returned -EINTR because a signal arrived: settle it (EINTR
   or restart) when the signal is delivered. */
void signal_note_interrupted(struct thread *t, enum restart_kind kind, u64 orig_x0);
/* After elfrun created a host thread for t's process (see signal.c). */
void signal_after_host_thread(struct thread *t);
/* restart_syscall: resumes what t->resume holds, or -EINTR (signal.c), with
   the sleeps' own halves (time.c, futex.c). */
i64 restart_block_run(struct thread *t);
i64 nanosleep_resume(struct thread *t, const struct restart_block *rb);
i64 futex_wait_resume(struct thread *t, const struct restart_block *rb);
/* A thread on its way out gives its staged process-directed signals back. */
void signal_thread_exiting(struct thread *t);
/* Before a host execve: handlers become SIG_DFL, the mask stays. */
void signal_prepare_exec(struct thread *t);
/* Installs every host disposition and the mask from the guest's (at start,
   and after a failed exec). */
void signal_host_sync(struct thread *t);

/* Ends the whole guest process with an exit status. Never returns. */
void NORETURN process_exit(int status);
/* Ends elfrun by dying of guest signal sig, as the guest would. No core. */
void NORETURN process_die_by_signal(int sig);

#endif
