/* exit and exit_group. */
#include "linux/process.h"
#include "linux/svc.h"

SYSCALL_HANDLER(exit) {
  (void)t;
  /* One thread for now: the last thread's exit ends the process. */
  process_exit((int)arg[0]);
}

SYSCALL_HANDLER(exit_group) {
  (void)t;
  process_exit((int)arg[0]);
}
