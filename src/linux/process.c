/* How the guest process ends: an exit status, or death by a signal that
   elfrun then dies of itself, so the parent sees exactly what it would on
   arm64 (a shell prints 128+N). */
#include "linux/process.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "gdb/gdb.h"

void process_exit(int status) {
  if (g_gdb_active) gdb_exit(status);
  _exit(status & 0xff);
}

void process_die_by_signal(int sig) {
  if (g_gdb_active) gdb_killed(sig);
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = SIG_DFL;
  sigaction(sig, &sa, NULL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), sig);
  /* Signals whose default is to ignore (or stop) do not kill: mirror the
     status a shell would report anyway. */
  _exit(128 + sig);
}
