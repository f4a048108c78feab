#ifndef ELFRUN_LINUX_POLL_H_
#define ELFRUN_LINUX_POLL_H_

#include "base/types.h"

struct thread;

/* A call's temporary signal mask (ppoll, pselect6, epoll_pwait): guest
   mask at umask, size bytes. Returns 0 when there is none, 1 with *host
   set to the mask the host call takes atomically, or -EINVAL / -EFAULT. */
int sigmask_set_temporary(struct thread *t, gaddr umask, u64 size, u64 *host);
/* After the call that returned ret: the old mask comes back now, unless a
   signal interrupted the call, which is then delivered under the temporary
   one and restored afterwards (restore_saved_sigmask_unless()). */
void sigmask_restore_unless_interrupted(struct thread *t, int applied, i64 ret);

#endif
