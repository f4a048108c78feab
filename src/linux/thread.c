/* Guest threads, each on its own host thread, and the registry that lists
   them.

   clone(CLONE_THREAD...) starts a detached host pthread that runs the
   child's struct cpu in the dispatch loop. The child's tid is the host tid
   of that pthread, so the host kernel's futexes, PI owners, tgkill and
   robust lists all see the guest's own numbers. The guest's TLS is only
   cpu->tpidr_el0: the host thread keeps elfrun's own TLS.

   Start-up follows copy_process() and schedule_tail(): the parent waits, on
   a host futex in its own frame, until the child has its tid, has written
   CLONE_CHILD_SETTID and CLONE_PARENT_SETTID and is registered. So both
   words hold the tid before either thread runs guest code, and the parent's
   clone returns it. The child's last touch of the parent's frame is the
   store that ends the wait; the FUTEX_WAKE after it only names the address
   (at worst a later host wait there sees a spurious wake-up).

   Exit follows do_exit(): the robust futex list, then clear_child_tid (zero
   and FUTEX_WAKE), both before the thread leaves guest memory for good (a
   joiner may unmap the thread's stack as soon as it sees the zero); then
   the block cache forgets the cpu and the host thread ends. The last
   thread's exit ends the process with its own status, as on Linux (where
   the status of a process whose threads all called exit is the last one's;
   checked natively on x86-64). */
#include "linux/thread.h"

#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cpu/block.h"
#include "cpu/interp.h"
#include "gdb/gdb.h"
#include "linux/robust.h"
#include "mem/fault.h"
#include "mem/guest.h"

/* elfrun's own frames are small (a few PATH_MAX buffers at most); the
   guest's stack is guest memory. */
#define HOST_STACK_SIZE (256 * 1024)

/* What the parent hands its child, in the parent's frame. */
struct clone_start {
  struct thread *child;
  u64 flags;
  gaddr ptid, ctid;
  int result; /* 0 while starting, then the tid or -errno; a host futex */
};

/* Where thread_exit() sends a thread that thread_main() started. NULL on
   the host's main thread, which elfrun did not start. */
static __thread sigjmp_buf *t_exit_jmp;

/* ---- the registry ---- */

/* The registry starts with the first call that needs it: until then the
   process has exactly one thread, the caller, which it lists first. */
static struct process *registry(struct thread *self) {
  struct process *p = self->proc;
  if (!__atomic_load_n(&p->threads, __ATOMIC_ACQUIRE)) {
    pthread_mutex_init(&p->threads_lock, NULL);
    self->next_thread = NULL;
    p->nthreads = 1;
    __atomic_store_n(&p->threads, self, __ATOMIC_RELEASE);
  }
  return p;
}

static void registry_add(struct thread *t) {
  struct process *p = t->proc;
  pthread_mutex_lock(&p->threads_lock);
  t->next_thread = p->threads;
  __atomic_store_n(&p->threads, t, __ATOMIC_RELEASE);
  p->nthreads++;
  pthread_mutex_unlock(&p->threads_lock);
}

/* Returns true if t was the last thread of its process. */
static bool registry_leave(struct thread *t) {
  struct process *p = registry(t);
  pthread_mutex_lock(&p->threads_lock);
  for (struct thread **pp = &p->threads; *pp; pp = &(*pp)->next_thread)
    if (*pp == t) {
      __atomic_store_n(pp, t->next_thread, __ATOMIC_RELEASE);
      break;
    }
  bool last = --p->nthreads == 0;
  pthread_mutex_unlock(&p->threads_lock);
  return last;
}

/* Calls fn(thread, arg) for every live thread of self's process, under the
   registry lock: none of them can finish exiting meanwhile. fn must not
   create or end threads. */
void thread_for_each(struct thread *self, void (*fn)(struct thread *, void *), void *arg) {
  struct process *p = registry(self);
  pthread_mutex_lock(&p->threads_lock);
  for (struct thread *t = p->threads; t; t = t->next_thread) fn(t, arg);
  pthread_mutex_unlock(&p->threads_lock);
}

/* Calls fn(thread, arg), if fn is not NULL, on the live thread of self's
   process whose tid is tid, under the registry lock. Returns false if
   there is no such thread. */
bool thread_with_tid(struct thread *self, int tid, void (*fn)(struct thread *, void *),
                     void *arg) {
  struct process *p = registry(self);
  pthread_mutex_lock(&p->threads_lock);
  struct thread *t = p->threads;
  while (t && t->tid != tid) t = t->next_thread;
  if (t && fn) fn(t, arg);
  pthread_mutex_unlock(&p->threads_lock);
  return t != NULL;
}

/* In the child of a host fork: only the forking thread went across, and
   the lock may have been held by a thread that did not. The child's robust
   list starts empty, as copy_process() leaves it; clear_child_tid is the
   forking code's to set from its flags. */
void thread_after_fork(struct thread *t) {
  struct process *p = t->proc;
  pthread_mutex_init(&p->threads_lock, NULL);
  t->next_thread = NULL;
  p->nthreads = 1;
  __atomic_store_n(&p->threads, t, __ATOMIC_RELEASE);
  t->robust_list = 0;
  t->robust_len = 0;
  if (g_gdb_active) gdb_after_fork(); /* the child runs without the debugger */
}

/* ---- starting a thread ---- */

/* The architectural state a clone child starts from: the parent's. */
static void copy_registers(struct cpu *dst, const struct cpu *src) {
  memcpy(dst->x, src->x, sizeof dst->x[0] * (REG_SP + 1)); /* X0-X30, SP */
  dst->pc = src->pc; /* past the SVC */
  dst->nf = src->nf;
  dst->zf = src->zf;
  dst->cf = src->cf;
  dst->vf = src->vf;
  memcpy(dst->v, src->v, sizeof dst->v);
  dst->fpcr = src->fpcr;
  dst->fpsr = src->fpsr;
  dst->tpidr_el0 = src->tpidr_el0;
}

/* copy_process() for a thread: the parent's registers with X0 = 0, the new
   stack and TLS, the parent's signal mask; no pending signals, no
   alternate stack (sas_ss_reset for CLONE_VM), no robust list. Everything
   else of struct cpu (jump cache, monitor, block state) starts empty. */
static struct thread *thread_new(const struct thread *parent, u64 flags, gaddr stack,
                                 gaddr tls, gaddr ctid) {
  struct thread *t = calloc(1, sizeof *t);
  if (!t) return NULL;
  cpu_init(&t->cpu);
  copy_registers(&t->cpu, &parent->cpu);
  t->cpu.x[0] = 0;
  if (stack) t->cpu.x[REG_SP] = stack;
  if (flags & CLONE_SETTLS) t->cpu.tpidr_el0 = tls;
  t->cpu.thread = t;
  t->proc = parent->proc;
  t->sigmask = parent->sigmask;
  if (flags & CLONE_CHILD_CLEARTID) t->clear_child_tid = ctid;
  return t;
}

/* A thread that shares less than the process's fs or file table or SysV
   semaphore undo list (clone without CLONE_FS, CLONE_FILES or
   CLONE_SYSVSEM) gets its own copy, as unshare() makes one. */
static int unshare_what_is_not_shared(u64 flags) {
  int what = 0;
  if (!(flags & CLONE_FS)) what |= CLONE_FS;
  if (!(flags & CLONE_FILES)) what |= CLONE_FILES;
  if (!(flags & CLONE_SYSVSEM)) what |= CLONE_SYSVSEM;
  return what && unshare(what) ? -errno : 0;
}

/* put_user() of a tid: the kernel ignores a fault here. */
static void put_tid(gaddr where, int tid) { (void)copy_to_guest(where, &tid, sizeof tid); }

/* Everything the child does before the parent's clone may return. */
static int child_setup(const struct clone_start *s) {
  struct thread *t = s->child;
  t->tid = gettid();
  int err = unshare_what_is_not_shared(s->flags);
  if (err) return err;
  if (s->flags & CLONE_CHILD_SETTID) put_tid(s->ctid, t->tid);
  if (s->flags & CLONE_PARENT_SETTID) put_tid(s->ptid, t->tid);
  registry_add(t);
  block_cpu_register(&t->cpu);
  signal_mask_changed(t); /* the host mask mirrors the guest's from now on */
  return t->tid;
}

static void publish(struct clone_start *s, int result) {
  __atomic_store_n(&s->result, result, __ATOMIC_RELEASE);
  syscall(SYS_futex, &s->result, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

/* thread_exit() unwinds here; elfrun's frames above it hold nothing that
   needs releasing. */
static void free_self(void) {
  struct thread *t = thread_of(t_cpu);
  t_cpu = NULL;
  free(t);
}

static void *thread_main(void *arg) {
  struct clone_start *s = arg;
  t_cpu = &s->child->cpu; /* from here on a host signal finds its thread */
  sigjmp_buf exit_jmp;
  if (sigsetjmp(exit_jmp, 0)) {
    free_self();
    return NULL;
  }
  int result = child_setup(s);
  struct cpu *cpu = t_cpu;
  publish(s, result); /* s is the parent's again */
  if (result < 0) {
    free_self();
    return NULL;
  }
  t_exit_jmp = &exit_jmp;
  cpu_run(cpu);
}

/* A detached host thread whose signals stay blocked (but the synchronous
   SIGSEGV and SIGBUS of elfrun's guarded copies) until child_setup()
   mirrors the guest's mask: a signal that reaches it earlier waits. (glibc
   leaves its own 32 and 33 unblocked; t_cpu is set first thing, so one of
   those is staged on the thread, not lost.) */
static int host_thread_start(struct clone_start *s) {
  sigset_t mask;
  sigfillset(&mask);
  sigdelset(&mask, SIGSEGV);
  sigdelset(&mask, SIGBUS);
  pthread_attr_t attr;
  int err = pthread_attr_init(&attr);
  if (err) return err;
  err = pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  if (!err) err = pthread_attr_setstacksize(&attr, HOST_STACK_SIZE);
  if (!err) err = pthread_attr_setsigmask_np(&attr, &mask);
  pthread_t th;
  if (!err) err = pthread_create(&th, &attr, thread_main, s);
  pthread_attr_destroy(&attr);
  return err;
}

static int wait_for_child(struct clone_start *s) {
  int r;
  while ((r = __atomic_load_n(&s->result, __ATOMIC_ACQUIRE)) == 0)
    syscall(SYS_futex, &s->result, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
  return r;
}

/* The thread form of clone, flags already checked (clone.c). Returns the
   child's tid or -errno. */
i64 thread_clone(struct thread *parent, u64 flags, gaddr stack, gaddr ptid, gaddr tls,
                 gaddr ctid) {
  registry(parent);
  struct thread *child = thread_new(parent, flags, stack, tls, ctid);
  if (!child) return -ENOMEM;
  struct clone_start s = {.child = child, .flags = flags, .ptid = ptid, .ctid = ctid};
  int err = host_thread_start(&s);
  if (err) {
    free(child);
    return -err;
  }
  signal_after_host_thread(parent);
  return wait_for_child(&s);
}

/* ---- ending a thread ---- */

/* A thread on its way out takes no more signals: the host kernel gives the
   process's pending ones to another thread (retarget_shared_pending). Raw,
   because glibc's sigprocmask never blocks signals 32 and 33. */
static void block_host_signals(void) {
  u64 mask = ~(1ull << (SIGSEGV - 1) | 1ull << (SIGBUS - 1));
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &mask, NULL, sizeof mask);
}

/* mm_release(): zero the word and wake one waiter (pthread_join), with a
   shared wake as the kernel does, whether or not the store faulted. */
static void clear_child_tid(struct thread *t) {
  gaddr ctid = t->clear_child_tid;
  if (!ctid) return;
  put_tid(ctid, 0);
  if (guest_ptr_ok(ctid, sizeof(u32)))
    syscall(SYS_futex, g2h(ctid), FUTEX_WAKE, 1, NULL, NULL, 0);
}

/* The exit system call: ends the calling thread, or the process when it is
   the last one. */
void thread_exit(struct thread *t, int status) {
  block_host_signals();
  signal_thread_exiting(t); /* kernel/exit.c: exit_signals() */
  if (registry_leave(t)) process_exit(status);
  if (g_gdb_active) gdb_thread_exit(&t->cpu); /* forget its stub state */
  robust_list_exit(t);
  clear_child_tid(t); /* the last access to guest memory */
  block_cpu_unregister(&t->cpu);
  if (t_exit_jmp) siglongjmp(*t_exit_jmp, 1);
  /* The host's main thread: its stack and struct thread are not elfrun's
     to free, and the process lives on in the other threads. */
  for (;;) syscall(SYS_exit, status);
}
