#ifndef ELFRUN_LINUX_FD_H_
#define ELFRUN_LINUX_FD_H_

#include <sys/resource.h>

#include "base/config.h"
#include "base/types.h"

/* elfrun's own descriptors (log, --strace output, gdb socket, sidecar
   locks) live at this number and above; the guest never sees them. */
#define FD_GUEST_LIMIT ELFRUN_FD_BASE

/* Whether fd may name a guest descriptor. Every handler taking an fd checks
   it first, so that the guest cannot use, close or replace elfrun's. */
static inline bool fd_is_guest(int fd) {
  return fd >= 0 && fd < FD_GUEST_LIMIT;
}

/* The Linux result of a host call that made a new descriptor (returned r,
   setting errno on failure): one the guest may not have, at or past its
   RLIMIT_NOFILE, is closed again and the guest gets EMFILE, as it would
   from a kernel whose table was full. */
i64 fd_adopt(long r);

/* The guest's RLIMIT_NOFILE. It is elfrun's own copy, never the host's:
   elfrun still needs descriptors above the guest's limit, and the guest can
   never have more than FD_GUEST_LIMIT. set returns 0 or -errno. */
void fd_get_nofile(struct rlimit *out);
int fd_set_nofile(const struct rlimit *in);

#endif
