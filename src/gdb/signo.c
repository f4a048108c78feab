/* gdb numbers signals its own way (enum gdb_signal, include/gdb/signals.def
   in gdb's sources), the same as Linux for 1-6, 8, 9, 11 and 13-15 and
   different for the rest; the remote protocol speaks gdb's numbers. */
#include "gdb/signo.h"

#include <signal.h>

#define GDB_SIGNAL_UNKNOWN 143

/* Indexed by the Linux (asm-generic) number. */
static const unsigned char kLinuxToGdb[32] = {
    [SIGHUP] = 1,   [SIGINT] = 2,    [SIGQUIT] = 3,   [SIGILL] = 4,    [SIGTRAP] = 5,
    [SIGABRT] = 6,  [SIGBUS] = 10,   [SIGFPE] = 8,    [SIGKILL] = 9,   [SIGUSR1] = 30,
    [SIGSEGV] = 11, [SIGUSR2] = 31,  [SIGPIPE] = 13,  [SIGALRM] = 14,  [SIGTERM] = 15,
    [SIGSTKFLT] = 0, [SIGCHLD] = 20, [SIGCONT] = 19,  [SIGSTOP] = 17,  [SIGTSTP] = 18,
    [SIGTTIN] = 21, [SIGTTOU] = 22,  [SIGURG] = 16,   [SIGXCPU] = 24,  [SIGXFSZ] = 25,
    [SIGVTALRM] = 26, [SIGPROF] = 27, [SIGWINCH] = 28, [SIGIO] = 23,   [SIGPWR] = 32,
    [SIGSYS] = 12,
};

int gdb_signal_from_linux(int sig) {
  if (sig > 0 && sig < 32) return kLinuxToGdb[sig] ? kLinuxToGdb[sig] : GDB_SIGNAL_UNKNOWN;
  if (sig == 32) return 77;               /* GDB_SIGNAL_REALTIME_32 */
  if (sig >= 33 && sig <= 63) return sig + 12; /* REALTIME_33 (45) .. 63 (75) */
  if (sig == 64) return 78;               /* GDB_SIGNAL_REALTIME_64 */
  return sig == 0 ? 0 : GDB_SIGNAL_UNKNOWN;
}

int gdb_signal_to_linux(int gsig) {
  if (gsig <= 0) return 0;
  for (int sig = 1; sig <= 64; sig++)
    if (gdb_signal_from_linux(sig) == gsig) return sig;
  return 0;
}
