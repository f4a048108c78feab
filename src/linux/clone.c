/* clone and clone3. A CLONE_THREAD request makes a thread of this process
   (thread.c); any other makes a new process (clone_process, in fork.c).
   Both first pass the flag rules of kernel_clone() and copy_process(), in
   the kernel's order, so that the guest gets the kernel's errno.

   Clone flags and struct clone_args are the same on every architecture
   (include/uapi/linux/sched.h). arm64's clone takes its arguments as
   (flags, stack, parent_tid, tls, child_tid); x86-64's swaps the last two. */
#include "linux/clone.h"

#include <errno.h>
#include <limits.h>
#include <linux/sched.h>
#include <string.h>

#include "linux/abi.h"
#include "linux/svc.h"
#include "linux/thread.h"
#include "mem/guest.h"

/* include/linux/pid_namespace.h */
#define MAX_PID_NS_LEVEL 32

#define NAMESPACE_FLAGS                                                       \
  (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | \
   CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWTIME)

/* What a new thread cannot have here: namespaces of its own, a pidfd, a
   parent that waits for it as vfork does, another cgroup. The kernel
   grants some of these; elfrun refuses them all with EINVAL. */
#define THREAD_UNSUPPORTED (NAMESPACE_FLAGS | CLONE_PIDFD | CLONE_VFORK | CLONE_INTO_CGROUP)

/* clone's arguments once both entry points have decoded them. */
struct clone_req {
  u64 flags;        /* CSIGNAL bits clear, except clone3's CLONE_NEWTIME */
  u32 exit_signal;
  gaddr stack;      /* the child's SP, or 0 for the parent's */
  gaddr ptid;       /* CLONE_PARENT_SETTID, or CLONE_PIDFD's result */
  gaddr tls;        /* CLONE_SETTLS: the child's TPIDR_EL0 */
  gaddr ctid;       /* CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID */
  u64 set_tid_size; /* clone3: tids asked for */
};

/* copy_process(): thread groups share signal handlers, shared handlers
   imply shared memory, a thread cannot enter new pid or user namespaces,
   and CLONE_DETACHED is reserved when a pidfd is asked for. */
static int check_flags(u64 flags) {
  if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS)) return -EINVAL;
  if ((flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS)) return -EINVAL;
  if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND)) return -EINVAL;
  if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM)) return -EINVAL;
  if ((flags & CLONE_THREAD) && (flags & (CLONE_NEWUSER | CLONE_NEWPID))) return -EINVAL;
  if ((flags & CLONE_PIDFD) && (flags & CLONE_DETACHED)) return -EINVAL;
  return 0;
}

static i64 start_thread(struct thread *t, const struct clone_req *r) {
  if (r->flags & THREAD_UNSUPPORTED) return -EINVAL;
  return thread_clone(t, r->flags, r->stack, r->ptid, r->tls, r->ctid);
}

/* The process form (fork, vfork, clone without CLONE_THREAD) is fork.c's
   clone_process(). It takes the legacy flag word, the exit signal in the
   CSIGNAL bits (which leaves no room for clone3's CLONE_NEWTIME), plus
   clone3's CLONE_CLEAR_SIGHAND and CLONE_INTO_CGROUP in the upper half;
   with CLONE_PIDFD the pidfd goes to ptid. */
static i64 start_process(struct thread *t, const struct clone_req *r) {
  if (r->flags & CSIGNAL) return -EINVAL;
  return clone_process(t, r->flags | r->exit_signal, r->stack, r->ptid, r->tls, r->ctid);
}

/* kernel_clone(). The pidfd of a legacy clone comes back through
   parent_tid, so the two cannot both be asked for; elfrun passes clone3's
   the same way and refuses the pair there too. */
static i64 do_clone(struct thread *t, const struct clone_req *r) {
  if ((r->flags & CLONE_PIDFD) && (r->flags & CLONE_PARENT_SETTID)) return -EINVAL;
  int err = check_flags(r->flags);
  if (err) return err;
  /* alloc_pid(): choosing tids needs CAP_SYS_ADMIN over the pid namespace,
     and elfrun's host threads and processes cannot be given one. */
  if (r->set_tid_size) return -EPERM;
  return r->flags & CLONE_THREAD ? start_thread(t, r) : start_process(t, r);
}

/* sys_clone(): only the low 32 bits count, and the exit signal is in the
   low byte. */
SYSCALL_HANDLER(clone) {
  u32 flags = (u32)arg[0];
  struct clone_req r = {
      .flags = flags & ~(u32)CSIGNAL,
      .exit_signal = flags & CSIGNAL,
      .stack = arg[1],
      .ptid = arg[2],
      .tls = arg[3],
      .ctid = arg[4],
  };
  return do_clone(t, &r);
}

/* check_zeroed_user(): 0 if [a, a+n) is all zero, -E2BIG if not, -EFAULT. */
static int check_zeroed(gaddr a, u64 n) {
  u8 buf[64];
  while (n) {
    u64 chunk = n < sizeof buf ? n : sizeof buf;
    if (copy_from_guest(buf, a, chunk)) return -EFAULT;
    for (u64 i = 0; i < chunk; i++)
      if (buf[i]) return -E2BIG;
    a += chunk;
    n -= chunk;
  }
  return 0;
}

/* copy_clone_args_from_user(): the size, the block (copy_struct_from_user:
   a newer, larger one must be zero past what this kernel knows), then the
   fields that need no other context. */
static int get_clone_args(struct a64_clone_args *ca, gaddr src, u64 size) {
  if (size > GUEST_PAGE) return -E2BIG;
  if (size < A64_CLONE_ARGS_SIZE_VER0) return -EINVAL;
  memset(ca, 0, sizeof *ca);
  if (size > sizeof *ca) {
    int err = check_zeroed(src + sizeof *ca, size - sizeof *ca);
    if (err) return err;
  }
  if (copy_from_guest(ca, src, size < sizeof *ca ? size : sizeof *ca)) return -EFAULT;
  if (ca->set_tid_size > MAX_PID_NS_LEVEL) return -EINVAL;
  if (!ca->set_tid != !ca->set_tid_size) return -EINVAL;
  if (ca->exit_signal > A64_NSIG) return -EINVAL;
  if ((ca->flags & CLONE_INTO_CGROUP) &&
      (ca->cgroup > INT_MAX || size < A64_CLONE_ARGS_SIZE_VER2))
    return -EINVAL;
  /* Read, for the kernel's EFAULT, though elfrun cannot grant them. */
  i32 tids[MAX_PID_NS_LEVEL];
  if (ca->set_tid && copy_from_guest(tids, ca->set_tid, ca->set_tid_size * sizeof tids[0]))
    return -EFAULT;
  return 0;
}

/* clone3_stack_valid(): a stack is a range (access_ok), or none at all. */
static bool clone3_stack_valid(const struct a64_clone_args *ca) {
  if (!ca->stack) return ca->stack_size == 0;
  return ca->stack_size && ca->stack_size <= A64_TASK_SIZE &&
         ca->stack <= A64_TASK_SIZE - ca->stack_size;
}

/* clone3_args_valid(): no unknown flags, no CSIGNAL bits or CLONE_DETACHED
   (clone3 gave them other uses), CLONE_CLEAR_SIGHAND only without shared
   handlers, no exit signal for a thread or a sibling. */
static bool clone3_args_valid(const struct a64_clone_args *ca) {
  if (ca->flags & ~(0xffffffffull | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP)) return false;
  if (ca->flags & (CLONE_DETACHED | (CSIGNAL & ~CLONE_NEWTIME))) return false;
  if ((ca->flags & CLONE_SIGHAND) && (ca->flags & CLONE_CLEAR_SIGHAND)) return false;
  if ((ca->flags & (CLONE_THREAD | CLONE_PARENT)) && ca->exit_signal) return false;
  return clone3_stack_valid(ca);
}

SYSCALL_HANDLER(clone3) {
  struct a64_clone_args ca;
  int err = get_clone_args(&ca, arg[0], arg[1]);
  if (err) return err;
  if (!clone3_args_valid(&ca)) return -EINVAL;
  struct clone_req r = {
      .flags = ca.flags,
      .exit_signal = (u32)ca.exit_signal,
      .stack = ca.stack ? ca.stack + ca.stack_size : 0, /* it grows down */
      .ptid = ca.flags & CLONE_PIDFD ? ca.pidfd : ca.parent_tid,
      .tls = ca.tls,
      .ctid = ca.child_tid,
      .set_tid_size = ca.set_tid_size,
  };
  return do_clone(t, &r);
}
