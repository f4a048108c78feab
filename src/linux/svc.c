/* System call dispatch: one table indexed by the aarch64 number, generated
   from syscalls.def. */
#include "linux/svc.h"

#include <errno.h>

#include "base/config.h"
#include "linux/process.h"
#include "linux/safe_syscall.h"
#include "linux/strace.h"

#define NR_SYSCALLS 512

typedef i64 (*syscall_fn)(struct thread *t, const u64 *arg);

static const syscall_fn kHandlers[NR_SYSCALLS] = {
#define SYSCALL(nr, name, flags, fmt) [nr] = sys_##name,
#include "linux/syscalls.def"
#undef SYSCALL
};

/* The flags column: how a call continues when a signal interrupts it. */
#define BLOCKING RESTART_SYS
#define NOHAND RESTART_NOHAND
static const u8 kRestart[NR_SYSCALLS] = {
#define SYSCALL(nr, name, flags, fmt) [nr] = flags,
#include "linux/syscalls.def"
#undef SYSCALL
};
#undef BLOCKING
#undef NOHAND

void svc_dispatch(struct cpu *cpu) {
  struct thread *t = thread_of(cpu);
  u64 nr = cpu->x[8];
  const u64 *arg = &cpu->x[0];
  if (UNLIKELY(g_config.strace)) strace_enter(t, nr, arg);
  u64 orig_x0 = cpu->x[0];
  i64 ret = nr < NR_SYSCALLS && kHandlers[nr] ? kHandlers[nr](t, arg) : -ENOSYS;
  if (UNLIKELY(ret == -EINTR || ret == -A64_ERESTARTSYS)) {
    /* Interrupted by a signal: EINTR, or a restart once it is handled. */
    /* (unless the handler settled it itself: a restart block) */
    if (kRestart[nr] != RESTART_NONE && cpu->attention && !t->restart.pending)
      signal_note_interrupted(t, kRestart[nr], orig_x0);
    ret = -EINTR;
  }
  if (UNLIKELY(g_config.strace)) strace_exit(t, nr, ret);
  cpu->x[0] = (u64)ret;
}
