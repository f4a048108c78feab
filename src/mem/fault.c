/* Host faults on guest memory.

   The host MMU enforces the guest's page protections, so a bad guest load or
   store arrives here as a host SIGSEGV or SIGBUS. If it hit the guest window
   while this thread runs guest code, it becomes a guest signal raised at the
   faulting instruction (its PC is recovered from cpu->ip). If it hit inside a
   guarded copy, the copy returns -EFAULT. Anything else is a bug in elfrun. */
#include "mem/fault.h"

#include <signal.h>
#include <stdio.h>
#include <ucontext.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "cpu/cpu.h"
#include "cpu/exception.h"
#include "cpu/jit/jit.h"
#include "mem/code_guard.h"
#include "mem/guest.h"
#include "mem/vma.h"

__thread struct cpu *t_cpu;
/* volatile: only the signal handler reads it, so without it the compiler
   may drop the store before a memcpy it can see through (gcc -flto did, in
   the unit tests' copy_from_guest: tests/unit/strace_test.c). */
static __thread sigjmp_buf *volatile t_guard;

void fault_guard_begin(sigjmp_buf *jb) { t_guard = jb; }
void fault_guard_end(void) { t_guard = NULL; }

static void on_fault(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  /* Sent by kill(), tgkill() or sigqueue(): an ordinary guest signal. */
  if (si->si_code <= 0) return signal_from_fault_handler(sig, si, ucv);
  gaddr a = (gaddr)(uintptr_t)si->si_addr;
  bool in_window = guest_range_ok(a, 1);
  /* x86 page-fault error code: bit 1 is set for a write. */
  bool is_write = uc->uc_mcontext.gregs[REG_ERR] & 2;
  /* A store to a page elfrun write-protected because it holds code: the
     code goes, the page is writable again, the store runs again. */
  if (sig == SIGSEGV && in_window && is_write && si->si_code == SEGV_ACCERR && code_guard_fault(a))
    return;
  if (t_guard && in_window) siglongjmp(*t_guard, 1);
  /* In translated code, a fault inside the window is the guest's. One
     outside it is an access that the interpreter's check of the window
     would have caught first (translated code checks only an access's start,
     or none near an address it checked: below the window lie the host's
     empty low pages, above it a guard; jit/translate_mem.c), or a tagged
     address: the interpreter runs the instruction again and raises what
     it raises. */
  bool jit = t_cpu && jit_fault_recover(t_cpu, uc);
  if (jit && !in_window) cpu_rerun(t_cpu);
  if (t_cpu && in_window) {
    int code = si->si_code;
    if (sig == SIGSEGV) code = vma_lookup(a) ? SEGV_ACCERR : SEGV_MAPERR;
    t_cpu->exc.write = is_write;
    cpu_raise(t_cpu, sig, code, a);
  }
  /* A bug in elfrun: say where, for the report. (snprintf is not
     async-signal-safe, but nothing else runs on this path any more.) */
  char msg[160];
  int n = snprintf(msg, sizeof msg,
                   "elfrun: internal error: host fault outside guest memory "
                   "(address %p, host pc %p)\n",
                   si->si_addr, (void *)uc->uc_mcontext.gregs[REG_RIP]);
  if (n > 0 && write(g_log_fd, msg, (size_t)n) < 0) { /* nothing more to do */ }
  signal(sig, SIG_DFL);
  raise(sig);
}

void fault_init(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fault;
  /* SA_NODEFER: we leave the handler by siglongjmp without restoring a mask. */
  sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);
}
