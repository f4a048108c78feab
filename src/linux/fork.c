/* New processes: clone and clone3 without CLONE_THREAD (clone.c decodes
   both and checks the flags, then calls clone_process()).

   A fork (no CLONE_VM) is a host fork: the child is a copy of this elfrun,
   guest memory and elfrun's own state alike, and it returns from this very
   system call. When the request is what glibc's fork() itself asks of the
   kernel (exit signal SIGCHLD, with at most the tid pointers, TLS and
   CLONE_CLEAR_SIGHAND, all of which elfrun carries out on the guest's
   behalf), elfrun calls fork(), so that its own libc stays consistent in
   the child: malloc's locks, pthread_atfork handlers (where elfrun's other
   locks belong), the cached tid. Any other request (another exit signal,
   CLONE_PIDFD, namespaces, CLONE_VFORK alone...) goes to the host as a raw
   clone, so that the host kernel checks and applies every flag; that
   child's libc is as after any raw clone, which is sound unless another
   guest thread held a libc lock at that instant.

   A vfork (CLONE_VM | CLONE_VFORK) shares guest memory with its parent
   until it calls execve or exits, and the kernel holds the parent until
   then. posix_spawn depends on it: its child writes the exec error into
   shared memory, so spawning a missing file fails with ENOENT. (qemu turns
   vfork into fork, and such a spawn "succeeds" there.) elfrun makes a host
   clone(CLONE_VM | CLONE_VFORK) whose child runs on a fresh host stack with
   its own struct thread and its own copy of the process state (the guest's
   signal dispositions, which posix_spawn's child resets; the list of
   threads, which is just the child's). The
   rest of elfrun (heap, block cache, mapping table, and the TLS of the
   calling host thread) is shared with the parent, as a C vfork child shares
   its parent's: the calling thread is suspended until the child is done,
   and other guest threads only run as they may on Linux. The child may
   allocate (decoding blocks does) under the usual locks. What vfork cannot
   avoid: a child killed while it holds one of elfrun's locks leaves it held
   for the parent.

   A process that shares memory without CLONE_VFORK would run beside its
   parent on the same TLS: elfrun refuses it (EINVAL). */
#include "linux/fork.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cpu/block.h"
#include "cpu/interp.h"
#include "linux/abi.h"
#include "linux/clone.h"
#include "linux/process.h"
#include "linux/thread.h"
#include "linux/xlat.h"
#include "mem/fault.h"
#include "mem/guest.h"
#include "path/dircache.h"

/* clone_process()'s arguments, the exit signal apart. */
struct clone_request {
  u64 flags;        /* A64_CLONE_*, CLONE_CLEAR_SIGHAND in the upper half */
  u32 exit_signal;  /* sent to the parent when the child ends */
  gaddr stack;      /* the child's initial SP, or 0 to keep the parent's */
  gaddr ptid;       /* CLONE_PARENT_SETTID, or where CLONE_PIDFD's fd goes */
  gaddr tls;        /* CLONE_SETTLS: the child's TPIDR_EL0 */
  gaddr ctid;       /* CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID */
};

/* What glibc's fork() can stand for: elfrun does these itself. */
#define PLAIN_FORK_FLAGS                                                   \
  (A64_CLONE_SETTLS | A64_CLONE_PARENT_SETTID | A64_CLONE_CHILD_SETTID |   \
   A64_CLONE_CHILD_CLEARTID | A64_CLONE_CLEAR_SIGHAND)
/* Flags the host never sees: TLS is the guest's TPIDR_EL0, and clearing
   the host's handlers would take elfrun's own (the fault handler). */
#define GUEST_ONLY_FLAGS (A64_CLONE_SETTLS | A64_CLONE_CLEAR_SIGHAND)

#define HOST_PAGE 4096ul
#define VFORK_STACK_SIZE (2ul << 20)

/* AddressSanitizer builds: ASan tracks the stack each thread runs on, and
   the vfork child runs on a stack of its own but on the calling thread's
   TLS, where ASan keeps that record. Tell it of the switch to the child's
   stack and back (the fiber interface), and clean the child's stack of its
   poisoning once done, since its frames never return. */
#if defined(__SANITIZE_ADDRESS__)
#define ASAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASAN_BUILD 1
#endif
#endif
#ifdef ASAN_BUILD
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
static void asan_switch_to(const void *bottom, size_t size) {
  __sanitizer_start_switch_fiber(NULL, bottom, size);
}
static void asan_switched(const void **old_bottom, size_t *old_size) {
  __sanitizer_finish_switch_fiber(NULL, old_bottom, old_size);
}
static void asan_unpoison(void *p, size_t size) { __asan_unpoison_memory_region(p, size); }
#else
static void asan_switch_to(const void *bottom, size_t size) { (void)bottom, (void)size; }
static void asan_switched(const void **old_bottom, size_t *old_size) {
  (void)old_bottom, (void)old_size;
}
static void asan_unpoison(void *p, size_t size) { (void)p, (void)size; }
#endif

/* A guest pointer the host kernel may write a tid or pidfd through: NULL
   stays NULL; one outside the window fails there as it would on arm64. */
static void *host_ptr(gaddr a, u64 len) { return a ? guest_buf(a, len) : NULL; }

/* The kernel ignores a bad CLONE_*_SETTID pointer (put_user's result is
   dropped), and so does this. */
static void put_tid(gaddr a, i32 tid) { (void)copy_to_guest(a, &tid, sizeof tid); }

/* flush_signal_handlers(p, 0): handlers become SIG_DFL, ignored signals
   stay ignored, and every action loses its flags and mask. */
static void clear_sighand(struct process *proc) {
  for (int sig = 1; sig <= A64_NSIG; sig++) {
    struct a64_sigaction *ka = &proc->sigactions[sig];
    if (ka->handler != (u64)(uintptr_t)SIG_IGN) ka->handler = 0;
    ka->flags = ka->restorer = ka->mask = 0;
  }
}

/* What copy_process() sets in the new task rather than copying: the stack
   and TLS when asked, and the clear_child_tid pointer only with
   CLONE_CHILD_CLEARTID. */
static void child_thread_init(struct thread *c, const struct clone_request *req) {
  if (req->stack) c->cpu.x[REG_SP] = req->stack;
  if (req->flags & A64_CLONE_SETTLS) c->cpu.tpidr_el0 = req->tls;
  c->clear_child_tid = req->flags & A64_CLONE_CHILD_CLEARTID ? req->ctid : 0;
}

void process_after_fork_child(struct thread *t) {
  t->tid = (int)syscall(SYS_gettid);
  thread_after_fork(t);
  /* A new task starts with nothing pending (init_sigpending()). What was
     staged for the parent is blocked on the host until the mask is set
     again, so set it. */
  t->staged_set = 0;
  t->restart.pending = false;
  t->cpu.attention = 0;
  signal_mask_changed(t);
}

/* ---- fork ---- */

static bool is_plain_fork(const struct clone_request *req) {
  return !(req->flags & ~PLAIN_FORK_FLAGS) && req->exit_signal == SIGCHLD;
}

/* x86-64's order: flags, stack, parent_tid, child_tid, tls. Stack 0: the
   child goes on on a copy of this one. */
static long host_clone(const struct clone_request *req) {
  u64 flags = (u32)(req->flags & ~GUEST_ONLY_FLAGS) | req->exit_signal;
  return syscall(SYS_clone, flags, 0, host_ptr(req->ptid, sizeof(int)),
                 host_ptr(req->ctid, sizeof(int)), 0);
}

static void fork_child(struct thread *t, const struct clone_request *req, bool plain) {
  block_after_fork(&t->cpu); /* a copy of elfrun: only this thread survives */
  process_after_fork_child(t);
  child_thread_init(t, req);
  if (plain && (req->flags & A64_CLONE_CHILD_SETTID)) put_tid(req->ctid, t->tid);
  if (req->flags & A64_CLONE_CLEAR_SIGHAND) {
    clear_sighand(t->proc); /* the child's own copy of the process */
    signal_host_sync(t);
  }
}

static i64 fork_clone(struct thread *t, const struct clone_request *req) {
  bool plain = is_plain_fork(req);
  long pid = plain ? fork() : host_clone(req);
  if (pid < 0) return -errno;
  if (pid == 0) {
    fork_child(t, req, plain);
    return 0;
  }
  /* Written into the parent's memory only: the child has its own copy. */
  if (plain && (req->flags & A64_CLONE_PARENT_SETTID)) put_tid(req->ptid, (i32)pid);
  return pid;
}

/* ---- vfork ---- */

/* The child's own state, at the bottom of the mapping that holds its host
   stack; unmapped by the parent once the child has exec'd or exited. */
struct vfork_child {
  struct thread thread;
  struct process proc;             /* its own dispositions and thread list */
  const struct clone_request *req; /* the parent's, on its suspended stack */
  size_t map_size;
  const void *parent_stack;        /* ASan builds: the stack to switch back to */
  size_t parent_stack_size;
};

static size_t vfork_head_size(void) {
  return (sizeof(struct vfork_child) + HOST_PAGE - 1) & ~(HOST_PAGE - 1);
}

/* Mapping: [child state][guard page][stack]. The child's struct process is
   a copy even under CLONE_SIGHAND (a departure: a disposition the child
   changes before it execs is not the parent's), since it holds the
   child's own list of threads too. */
static struct vfork_child *vfork_child_new(struct thread *t, const struct clone_request *req) {
  size_t head = vfork_head_size(), size = head + HOST_PAGE + VFORK_STACK_SIZE;
  char *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (p == MAP_FAILED) return NULL;
  mprotect(p + head, HOST_PAGE, PROT_NONE);
  struct vfork_child *c = (struct vfork_child *)p;
  c->map_size = size;
  c->req = req;
  c->proc = *t->proc;
  c->thread = *t;
  c->thread.proc = &c->proc;
  c->thread.cpu.thread = &c->thread;
  c->thread.cpu.x[0] = 0; /* clone returns 0 in the child */
  child_thread_init(&c->thread, req);
  if (req->flags & A64_CLONE_CLEAR_SIGHAND) clear_sighand(&c->proc);
  return c;
}

static void *vfork_stack_top(struct vfork_child *c) { return (char *)c + c->map_size; }

static void *vfork_stack_bottom(struct vfork_child *c) {
  return (char *)vfork_stack_top(c) - VFORK_STACK_SIZE;
}

/* The child: a task of its own, then guest code until it execs or exits.
   The CLONE_*_SETTID writes are elfrun's: memory is shared, and they come
   before any guest code, as the kernel's. */
static int vfork_child_main(void *arg) {
  struct vfork_child *c = arg;
  struct thread *t = &c->thread;
  const struct clone_request *req = c->req;
  asan_switched(&c->parent_stack, &c->parent_stack_size);
  t_cpu = &t->cpu;
  process_after_fork_child(t);
  if (req->flags & A64_CLONE_PARENT_SETTID) put_tid(req->ptid, t->tid);
  if (req->flags & A64_CLONE_CHILD_SETTID) put_tid(req->ctid, t->tid);
  if (req->flags & A64_CLONE_CLEAR_SIGHAND) signal_host_sync(t);
  block_cpu_register(&t->cpu);
  cpu_run(&t->cpu);
}

/* All but the fault signals, which elfrun's guarded copies must still
   take. Raw: glibc's sigprocmask never blocks signals 32 and 33. */
static u64 host_block_signals(void) {
  u64 mask = ~(1ull << (SIGSEGV - 1) | 1ull << (SIGBUS - 1)), old = 0;
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &mask, &old, sizeof mask);
  return old;
}

static void host_set_signal_mask(u64 mask) {
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &mask, NULL, sizeof mask);
}

/* The host child gets its own signal handlers (no CLONE_SIGHAND: see
   vfork_child_new), and a pidfd, if asked, where the guest wants it. */
static int vfork_host_flags(const struct clone_request *req) {
  u64 guest_done = GUEST_ONLY_FLAGS | A64_CLONE_SIGHAND | A64_CLONE_PARENT_SETTID |
                   A64_CLONE_CHILD_SETTID;
  return (int)((u32)(req->flags & ~guest_done) | req->exit_signal);
}

static i64 vfork_clone(struct thread *t, const struct clone_request *req) {
  struct vfork_child *c = vfork_child_new(t, req);
  if (!c) return -ENOMEM;
  /* The child runs on this thread's TLS: until t_cpu names this thread
     again, no host signal may reach a handler here. The child sets its
     own mask. */
  u64 old_mask = host_block_signals();
  void *pidfd = req->flags & A64_CLONE_PIDFD ? host_ptr(req->ptid, sizeof(int)) : NULL;
  asan_switch_to(vfork_stack_bottom(c), VFORK_STACK_SIZE);
  dircache_vfork_begin();
  int pid = clone(vfork_child_main, vfork_stack_top(c), vfork_host_flags(req), c, pidfd,
                  NULL, host_ptr(req->ctid, sizeof(int)));
  int err = errno;
  dircache_vfork_end();
  if (pid < 0) asan_switched(&c->parent_stack, &c->parent_stack_size); /* as the child */
  asan_switch_to(c->parent_stack, c->parent_stack_size);
  asan_switched(NULL, NULL);
  t_cpu = &t->cpu;
  host_set_signal_mask(old_mask);
  block_cpu_unregister(&c->thread.cpu);
  asan_unpoison(c, c->map_size);
  munmap(c, c->map_size);
  return pid < 0 ? -err : pid;
}

/* ---- the entry point ---- */

i64 clone_process(struct thread *t, u64 flags, gaddr stack, gaddr ptid, gaddr tls,
                  gaddr ctid) {
  struct clone_request req = {
      .flags = flags & ~A64_CSIGNAL,
      .exit_signal = flags & A64_CSIGNAL,
      .stack = stack,
      .ptid = ptid,
      .tls = tls,
      .ctid = ctid,
  };
  /* clone.c passes no cgroup descriptor. */
  if (flags & A64_CLONE_INTO_CGROUP) return -EINVAL;
  if (!(flags & A64_CLONE_VM)) return fork_clone(t, &req);
  if (flags & A64_CLONE_VFORK) return vfork_clone(t, &req);
  return -EINVAL;
}
