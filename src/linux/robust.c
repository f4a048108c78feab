/* Robust futex lists: set_robust_list, get_robust_list, and the walk of a
   thread's list when it exits.

   A robust list (struct robust_list_head, the same on arm64 and x86-64:
   three 64-bit words) names the futexes a thread holds, so that when it
   dies each gets FUTEX_OWNER_DIED and a waiter is woken (pthread mutexes
   then report EOWNERDEAD). The list lives in guest memory, where the guest
   updates it without telling the kernel.

   Two walkers share the work. The guest's head is registered with the host
   kernel for the thread's host thread, so the host walks it on every death
   elfrun does not see itself: exit_group, a fatal signal, exec. Those end
   the whole image, so nothing of elfrun's is left for a stray guest
   pointer to harm. When one thread exits and the process goes on, elfrun
   walks the list itself through the window checks (exit_robust_list() and
   handle_futex_death() of kernel/futex/core.c), before clear_child_tid as
   the kernel does, and then takes the list back from the host, which
   would otherwise walk it again after a joiner may have freed it. */
#include "linux/robust.h"

#include <errno.h>
#include <linux/futex.h>
#include <setjmp.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/svc.h"
#include "linux/thread.h"
#include "mem/fault.h"
#include "mem/guest.h"

/* kernel/futex/core.c: the most entries of a list that are walked. */
#define ROBUST_LIST_LIMIT 2048

/* A compare-and-swap on a guest word that survives a fault: *seen gets the
   value found. Returns 0, or -EFAULT. */
static int cmpxchg_guest(gaddr a, u32 *seen, u32 desired) {
  if (!guest_ptr_ok(a, sizeof(u32))) return -EFAULT;
  sigjmp_buf jb;
  if (sigsetjmp(jb, 0)) return fault_guard_end(), -EFAULT;
  fault_guard_begin(&jb);
  __atomic_compare_exchange_n((u32 *)g2h(a), seen, desired, false, __ATOMIC_SEQ_CST,
                              __ATOMIC_SEQ_CST);
  fault_guard_end();
  return 0;
}

static void wake_one_shared(gaddr a) {
  syscall(SYS_futex, g2h(a), FUTEX_WAKE, 1, NULL, NULL, 0);
}

/* fetch_robust_entry(): a list pointer whose bit 0 marks a PI futex. */
static bool fetch_entry(gaddr at, gaddr *entry, bool *pi) {
  u64 v;
  if (copy_from_guest(&v, at, sizeof v)) return false;
  *entry = v & ~1ull;
  *pi = v & 1;
  return true;
}

/* handle_futex_death(): a futex the dying thread tid still owns gets
   FUTEX_OWNER_DIED (keeping FUTEX_WAITERS) and, unless it is PI (the
   host's exit_pi_state_list() hands those over), one waiter woken. A
   pending non-PI operation with no owner wakes one waiter, in case the
   thread died between unlocking and waking. False stops the walk. */
static bool futex_death(gaddr uaddr, u32 tid, bool pi, bool pending_op) {
  u32 uval;
  if ((uaddr & 3) || copy_from_guest(&uval, uaddr, sizeof uval)) return false;
  for (;;) {
    u32 owner = uval & FUTEX_TID_MASK;
    if (pending_op && !pi && !owner) {
      wake_one_shared(uaddr);
      return true;
    }
    if (owner != tid) return true;
    u32 seen = uval;
    if (cmpxchg_guest(uaddr, &seen, (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED)) return false;
    if (seen == uval) break;
    uval = seen;
  }
  if (!pi && (uval & FUTEX_WAITERS)) wake_one_shared(uaddr);
  return true;
}

/* exit_robust_list(): every entry (at most ROBUST_LIST_LIMIT, so a
   circular list ends), then the operation that was pending. Each read or
   write that faults ends the walk, as in the kernel. */
static void walk_robust_list(gaddr head, u32 tid) {
  gaddr entry, pending, next;
  bool pi, pending_pi, next_pi;
  i64 offset;
  if (!fetch_entry(head + offsetof(struct robust_list_head, list.next), &entry, &pi)) return;
  if (copy_from_guest(&offset, head + offsetof(struct robust_list_head, futex_offset),
                      sizeof offset))
    return;
  if (!fetch_entry(head + offsetof(struct robust_list_head, list_op_pending), &pending,
                   &pending_pi))
    return;
  for (int limit = ROBUST_LIST_LIMIT; entry != head && limit > 0; limit--) {
    bool fetched = fetch_entry(entry, &next, &next_pi);
    if (entry != pending && !futex_death(entry + (u64)offset, tid, pi, false)) return;
    if (!fetched) return;
    entry = next;
    pi = next_pi;
  }
  if (pending) futex_death(pending + (u64)offset, tid, pending_pi, true);
}

/* A thread that ends while its process goes on (thread.c): its list, as
   futex_exit_release() walks it before mm_release(). */
void robust_list_exit(struct thread *t) {
  if (t->robust_list) walk_robust_list(t->robust_list, (u32)t->tid);
  t->robust_list = 0;
  syscall(SYS_set_robust_list, NULL, sizeof(struct robust_list_head));
}

/* The kernel only checks the size; it reads the list when the thread dies.
   A head outside the window is recorded but never handed to the host. */
SYSCALL_HANDLER(set_robust_list) {
  if (arg[1] != A64_ROBUST_LIST_HEAD_SIZE) return -EINVAL;
  gaddr host_head = guest_ptr_ok(arg[0], arg[1]) ? arg[0] : 0;
  syscall(SYS_set_robust_list, g2h(host_head), (size_t)arg[1]);
  t->robust_list = arg[0];
  t->robust_len = arg[1];
  return 0;
}

static void read_robust_list(struct thread *t, void *out) { *(gaddr *)out = t->robust_list; }

/* Another thread of this process answers from the registry. Another
   process's list is not ours to read: EPERM, as when ptrace access is
   denied, or ESRCH when there is no such task. The kernel writes the
   length before the head. */
SYSCALL_HANDLER(get_robust_list) {
  i32 pid = (i32)arg[0];
  gaddr head = t->robust_list;
  if (pid != 0 && pid != t->tid && !thread_with_tid(t, pid, read_robust_list, &head))
    return syscall(SYS_getpgid, pid) < 0 && errno == ESRCH ? -ESRCH : -EPERM;
  u64 len = A64_ROBUST_LIST_HEAD_SIZE;
  if (copy_to_guest(arg[2], &len, sizeof len)) return -EFAULT;
  return copy_to_guest(arg[1], &head, sizeof head) ? -EFAULT : 0;
}
