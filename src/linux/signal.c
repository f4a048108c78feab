/* Guest signals. For now the guest's dispositions and mask are recorded, and
   a synchronous fault with no way to deliver it ends the process with that
   signal; delivery to guest handlers comes with the signals work. */
#include <signal.h>
#include <string.h>

#include "base/log.h"
#include "cpu/interp.h"
#include "linux/process.h"

static const char *describe(int sig) {
  switch (sig) {
    case SIGSEGV: return "Segmentation fault";
    case SIGBUS: return "Bus error";
    case SIGILL: return "Illegal instruction";
    case SIGTRAP: return "Trace/breakpoint trap";
    case SIGFPE: return "Floating point exception";
    default: return "signal";
  }
}

void cpu_deliver_exception(struct cpu *cpu) {
  int sig = cpu->exc.signo;
  log_msg("guest killed by signal %d (%s) at pc 0x%llx, address 0x%llx", sig,
          describe(sig), (unsigned long long)cpu->pc, (unsigned long long)cpu->exc.addr);
  process_die_by_signal(sig);
}

void cpu_handle_attention(struct cpu *cpu) { cpu->attention = 0; }
