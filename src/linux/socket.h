#ifndef ELFRUN_LINUX_SOCKET_H_
#define ELFRUN_LINUX_SOCKET_H_

#include <sys/socket.h>

#include "base/types.h"
#include "path/path.h"

struct thread;

/* A socket address the guest passed, ready for the host: a copy (so that
   another guest thread cannot change it once checked) in which an AF_UNIX
   filesystem name has gone through the path layer. */
struct sock_addr {
  struct sockaddr_storage ss;
  socklen_t len;
  struct host_path *hp; /* an AF_UNIX path's resolution, held until
                           sock_addr_put(), or NULL */
};

/* Copies len bytes of socket address from guest addr as the kernel's
   move_addr_to_kernel() does (EINVAL for a length past sockaddr_storage,
   EFAULT), then maps an AF_UNIX name with the PATH_* rules in how. Returns
   0 or -errno; on success release it with sock_addr_put(). */
int sock_addr_from_guest(struct thread *t, struct sock_addr *out, gaddr addr, i64 len,
                         unsigned how);
void sock_addr_put(struct sock_addr *a);

/* 0 if fd is a socket the guest may use, else -EBADF or -ENOTSOCK: what
   the kernel's sockfd_lookup_light() says before it reads anything else. */
int sock_check(int fd);

#endif
