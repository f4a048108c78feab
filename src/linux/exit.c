/* exit and exit_group. */
#include "linux/process.h"
#include "linux/svc.h"
#include "linux/thread.h"

/* Ends the calling thread only; the last one's exit ends the process with
   its status (thread.c). */
SYSCALL_HANDLER(exit) { thread_exit(t, (int)arg[0]); }

/* The host's exit_group ends every host thread, and with them every guest
   thread; the host kernel walks each one's robust list on the way. */
SYSCALL_HANDLER(exit_group) {
  (void)t;
  process_exit((int)arg[0]);
}
