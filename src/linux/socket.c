/* Sockets: socket, socketpair, bind, listen, accept, accept4, connect,
   getsockname, getpeername, sendto, recvfrom, setsockopt, getsockopt,
   shutdown. The message calls (sendmsg, recvmsg and their mmsg forms) are
   in socket_msg.c.

   Every socket structure and constant has the same layout and value on
   arm64 and x86-64 (the list of what was checked is in xlat.c), so
   arguments pass through. What elfrun adds:
   - descriptors: elfrun's own (>= FD_GUEST_LIMIT) are EBADF, new ones go
     through fd_adopt();
   - guest buffers are checked against the window before the host sees
     them (guest_buf()); in/out lengths (addrlen, optlen) are copied into
     elfrun, so that another guest thread cannot grow one between the check
     and the host's use of it;
   - an AF_UNIX filesystem name goes through the path layer like any other
     path (with a sysroot it may name a file inside it);
   - socket options whose value holds a pointer or a descriptor are
     checked, or refused where translating them is not worth it.
   Calls that can sleep go through safe_syscall() and are BLOCKING in
   syscalls.def (net/socket.c returns ERESTARTSYS from them; connect
   restarted after a signal then gives EALREADY, which the host says
   itself). */
#include "linux/socket.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "linux/fd.h"
#include "linux/process.h"
#include "linux/safe_syscall.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

/* Not in every host header. */
#ifndef SO_ATTACH_REUSEPORT_CBPF
#define SO_ATTACH_REUSEPORT_CBPF 51
#define SO_ATTACH_REUSEPORT_EBPF 52
#endif
#ifndef SO_ATTACH_BPF
#define SO_ATTACH_BPF 50
#endif
#ifndef TCP_ZEROCOPY_RECEIVE
#define TCP_ZEROCOPY_RECEIVE 35
#endif
#ifndef SOL_TCP
#define SOL_TCP 6
#endif
#ifndef SOL_SCTP
#define SOL_SCTP 132
#endif
/* Options whose argument structures hold user pointers: netfilter's
   {ip,ip6,arp}t_replace (linux/netfilter_ipv4/ip_tables.h...), ebtables'
   ebt_replace (linux/netfilter_bridge/ebtables.h), tcp_zerocopy_receive
   (linux/tcp.h) and sctp_getaddrs_old (linux/sctp.h). */
#define A64_IPT_SO_SET_REPLACE 64
#define A64_ARPT_SO_SET_REPLACE 96
#define A64_EBT_SO_FIRST 128
#define A64_EBT_SO_LAST 131
#define A64_SCTP_SOCKOPT_CONNECTX3 111

/* The longest sun_path the kernel takes: all 108 bytes, no NUL needed. */
#define SUN_PATH_MAX (sizeof(struct sockaddr_un) - offsetof(struct sockaddr_un, sun_path))

int sock_check(int fd) {
  if (!fd_is_guest(fd)) return -EBADF;
  int type;
  socklen_t len = sizeof type;
  return (int)host_result(getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len));
}

/* ---- addresses ---- */

/* Writes the host's name for the guest's AF_UNIX path into a->ss. The
   kernel keeps the name exactly as bound, so it is rewritten only where
   the path layer moved it; a name relative to a directory elfrun holds is
   reached through /proc/self/fd, which acts on that descriptor. */
static int unix_path_to_host(struct sock_addr *a) {
  struct sockaddr_un *sun = (struct sockaddr_un *)&a->ss;
  const struct host_path *hp = a->hp;
  if (hp->link) return -EADDRINUSE; /* a synthetic symlink is there */
  char name[PATH_MAX + 32];
  if (hp->path[0] == '/' || hp->dirfd == AT_FDCWD) {
    if (hp->path == hp->buf && !strcmp(hp->path, sun->sun_path)) return 0;
    snprintf(name, sizeof name, "%s", hp->path);
  } else {
    snprintf(name, sizeof name, "/proc/self/fd/%d/%s", hp->dirfd, hp->path);
  }
  size_t n = strlen(name);
  if (n > SUN_PATH_MAX) return -ENAMETOOLONG;
  memset(sun->sun_path, 0, sizeof sun->sun_path);
  memcpy(sun->sun_path, name, n);
  a->len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (n < SUN_PATH_MAX));
  return 0;
}

/* A filesystem name (not abstract, not empty for autobind) is a path:
   it ends at the first NUL or at len, as unix_mkname_bsd() reads it
   (net/unix/af_unix.c). */
static int unix_addr_from_guest(struct thread *t, struct sock_addr *a, unsigned how) {
  const size_t off = offsetof(struct sockaddr_un, sun_path);
  struct sockaddr_un *sun = (struct sockaddr_un *)&a->ss;
  if (a->len <= off || sun->sun_path[0] == 0) return 0;
  size_t n = strnlen(sun->sun_path, a->len - off);
  if (n > SUN_PATH_MAX) return 0; /* the host refuses it (EINVAL) */
  struct host_path *hp = malloc(sizeof *hp);
  if (!hp) return -ENOMEM;
  memcpy(hp->buf, sun->sun_path, n);
  hp->buf[n] = 0;
  int err = path_resolve(t, A64_AT_FDCWD, how, hp);
  if (err) {
    free(hp);
    return err;
  }
  a->hp = hp;
  err = unix_path_to_host(a);
  if (err) sock_addr_put(a);
  return err;
}

int sock_addr_from_guest(struct thread *t, struct sock_addr *out, gaddr addr, i64 len,
                         unsigned how) {
  out->hp = NULL;
  out->len = 0;
  memset(&out->ss, 0, sizeof out->ss);
  if (len < 0 || len > (i64)sizeof out->ss) return -EINVAL;
  out->len = (socklen_t)len;
  if (len == 0) return 0;
  if (copy_from_guest(&out->ss, addr, (size_t)len)) return -EFAULT;
  if (out->ss.ss_family != AF_UNIX) return 0;
  return unix_addr_from_guest(t, out, how);
}

void sock_addr_put(struct sock_addr *a) {
  if (!a->hp) return;
  path_put(a->hp);
  free(a->hp);
  a->hp = NULL;
}

/* The host's view of a guest address for call nr(fd, addr, len): a copy,
   or, when the copy fails, a pointer the host refuses after the checks it
   makes first (so EBADF and ENOTSOCK come before EFAULT, as in Linux). */
static i64 call_with_addr(struct thread *t, long nr, int fd, gaddr addr, i64 len,
                          unsigned how) {
  bool blocking = nr == SYS_connect;
  if (!fd_is_guest(fd)) return -EBADF;
  struct sock_addr a;
  int err = sock_addr_from_guest(t, &a, addr, len, how);
  if (err) {
    int first = sock_check(fd);
    return first ? first : err;
  }
  void *host_addr = a.len ? (void *)&a.ss : NULL;
  i64 ret = blocking ? safe_syscall(t, nr, fd, host_addr, a.len)
                     : host_result(syscall(nr, fd, host_addr, a.len));
  sock_addr_put(&a);
  return ret;
}

/* ---- in/out lengths (addrlen, optlen) ---- */

/* A guest socklen_t the host reads and writes back: held in elfrun. */
struct len_arg {
  gaddr at;
  socklen_t val;
  bool ok; /* at was readable */
};

static void len_in(struct len_arg *l, gaddr at) {
  l->at = at;
  l->val = 0;
  l->ok = at && !copy_from_guest(&l->val, at, sizeof l->val);
}

/* NULL stays NULL; an unreadable one makes the host fail with EFAULT at
   the point where Linux reads it. */
static void *len_host(struct len_arg *l) {
  if (!l->at) return NULL;
  return l->ok ? (void *)&l->val : HOST_EFAULT_PTR;
}

/* The buffer whose size the length gives. A negative length is the
   host's to refuse (EINVAL), before it looks at the buffer. */
static void *len_buf(const struct len_arg *l, gaddr buf) {
  return guest_buf(buf, l->ok && (int)l->val > 0 ? l->val : 0);
}

static int len_out(const struct len_arg *l) {
  if (!l->at) return 0;
  return copy_to_guest(l->at, &l->val, sizeof l->val) ? -EFAULT : 0;
}

/* ---- creating and connecting ---- */

SYSCALL_HANDLER(socket) {
  (void)t;
  return fd_adopt(syscall(SYS_socket, (int)arg[0], (int)arg[1], (int)arg[2]));
}

/* Both descriptors must be ones the guest may have; the pair is written
   only once both are, so a failure leaves nothing open. */
SYSCALL_HANDLER(socketpair) {
  (void)t;
  int sv[2];
  if (syscall(SYS_socketpair, (int)arg[0], (int)arg[1], (int)arg[2], sv) < 0) return -errno;
  i64 a = fd_adopt(sv[0]);
  i64 b = fd_adopt(sv[1]);
  if (a < 0 || b < 0) {
    if (a >= 0) close(sv[0]);
    if (b >= 0) close(sv[1]);
    return -EMFILE;
  }
  if (copy_to_guest(arg[3], sv, sizeof sv)) {
    close(sv[0]);
    close(sv[1]);
    return -EFAULT;
  }
  return 0;
}

/* unix_bind() creates the name like mknod: no symlink is followed and an
   existing name is EADDRINUSE. */
SYSCALL_HANDLER(bind) {
  return call_with_addr(t, SYS_bind, (int)arg[0], arg[1], (int)arg[2],
                        PATH_CREATE | PATH_NOFOLLOW);
}

SYSCALL_HANDLER(connect) {
  return call_with_addr(t, SYS_connect, (int)arg[0], arg[1], (int)arg[2], PATH_FOLLOW);
}

SYSCALL_HANDLER(listen) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_listen, fd, (int)arg[1]));
}

SYSCALL_HANDLER(shutdown) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_shutdown, fd, (int)arg[1]));
}

/* The peer's address is written before the new descriptor exists in
   Linux (do_accept() in net/socket.c): a length that cannot be written
   back drops the connection and gives EFAULT. */
static i64 do_accept4(struct thread *t, const u64 *arg, int flags) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  struct len_arg len = {0};
  void *addr = NULL;
  if (arg[1]) {
    len_in(&len, arg[2]);
    addr = len_buf(&len, arg[1]);
  }
  long r = safe_syscall(t, SYS_accept4, fd, addr, len_host(&len), flags);
  if (r < 0) return r;
  i64 nfd = fd_adopt(r);
  if (nfd >= 0 && len_out(&len)) {
    close((int)nfd);
    return -EFAULT;
  }
  return nfd;
}

SYSCALL_HANDLER(accept) { return do_accept4(t, arg, 0); }
SYSCALL_HANDLER(accept4) { return do_accept4(t, arg, (int)arg[3]); }

/* getsockname, getpeername: the kernel asks the protocol first and reads
   the length only when it copies the answer out (move_addr_to_user()). */
static i64 sock_name(long nr, const u64 *arg) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  struct len_arg len;
  len_in(&len, arg[2]);
  if (syscall(nr, fd, len_buf(&len, arg[1]), len_host(&len)) < 0) return -errno;
  return len_out(&len);
}

SYSCALL_HANDLER(getsockname) { (void)t; return sock_name(SYS_getsockname, arg); }
SYSCALL_HANDLER(getpeername) { (void)t; return sock_name(SYS_getpeername, arg); }

/* ---- data ---- */

SYSCALL_HANDLER(sendto) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  void *buf = guest_buf(arg[1], arg[2]);
  if (!arg[4]) return safe_syscall(t, SYS_sendto, fd, buf, arg[2], (int)arg[3], 0, 0);
  struct sock_addr a;
  int err = sock_addr_from_guest(t, &a, arg[4], (int)arg[5], PATH_FOLLOW);
  if (err) {
    int first = sock_check(fd);
    return first ? first : err;
  }
  i64 ret = safe_syscall(t, SYS_sendto, fd, buf, arg[2], (int)arg[3],
                         a.len ? (void *)&a.ss : NULL, a.len);
  sock_addr_put(&a);
  return ret;
}

/* The sender's address is only written when the guest asked for it. */
SYSCALL_HANDLER(recvfrom) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  struct len_arg len = {0};
  void *addr = NULL;
  if (arg[4]) {
    len_in(&len, arg[5]);
    addr = len_buf(&len, arg[4]);
  }
  long r = safe_syscall(t, SYS_recvfrom, fd, guest_buf(arg[1], arg[2]), arg[2], (int)arg[3],
                        addr, len_host(&len));
  if (r < 0) return r;
  if (len_out(&len)) return -EFAULT;
  return r;
}

/* ---- options ----
   Every option value has the same layout on both ABIs (xlat.c lists what
   was checked), so values pass through, except these. */

/* An option value the host reads as is (at most optlen bytes of it; a
   negative optlen is the host's to refuse). */
static i64 pass_option(int fd, int level, int name, gaddr val, int optlen) {
  u64 n = optlen > 0 ? (u64)optlen : 0;
  return host_result(setsockopt(fd, level, name, guest_buf(val, n), (socklen_t)optlen));
}

/* A classic BPF program: the count and pointer are copied, the program
   must lie in the guest window. */
static i64 set_fprog(int fd, int level, int name, gaddr val, int optlen) {
  struct a64_sock_fprog g;
  if (optlen != (int)sizeof g) return pass_option(fd, level, name, val, optlen);
  if (copy_from_guest(&g, val, sizeof g)) return -EFAULT;
  struct sock_fprog host = {.len = g.len, .filter = g2h(g.filter)};
  if (!guest_ptr_ok(g.filter, (u64)g.len * sizeof(struct sock_filter)))
    host.filter = HOST_EFAULT_PTR;
  return host_result(setsockopt(fd, level, name, &host, sizeof host));
}

/* An eBPF program's descriptor: the guest may only name its own. */
static i64 set_bpf_fd(int fd, int level, int name, gaddr val, int optlen) {
  int prog;
  if (optlen != (int)sizeof prog) return pass_option(fd, level, name, val, optlen);
  if (copy_from_guest(&prog, val, sizeof prog)) return -EFAULT;
  if (!fd_is_guest(prog)) return -EBADF;
  return host_result(setsockopt(fd, level, name, &prog, sizeof prog));
}

/* Options elfrun refuses because their structures carry pointers the
   host kernel would follow. They need CAP_NET_ADMIN (netfilter) or are
   rarely used (TCP zero-copy receive, an obsolete SCTP call); the errno is
   what an unprivileged caller, or a kernel without them, gets. */
static int refused_option(int level, int name, bool set) {
  if (level == SOL_IP && (name == A64_IPT_SO_SET_REPLACE || name == A64_ARPT_SO_SET_REPLACE))
    return set ? -EPERM : 0;
  if (level == SOL_IPV6 && name == A64_IPT_SO_SET_REPLACE) return set ? -EPERM : 0;
  if (level == SOL_IP && name >= A64_EBT_SO_FIRST && name <= A64_EBT_SO_LAST) return -EPERM;
  if (level == SOL_TCP && name == TCP_ZEROCOPY_RECEIVE && !set) return -ENOPROTOOPT;
  if (level == SOL_SCTP && name == A64_SCTP_SOCKOPT_CONNECTX3 && !set) return -ENOPROTOOPT;
  return 0;
}

SYSCALL_HANDLER(setsockopt) {
  (void)t;
  int fd = (int)arg[0], level = (int)arg[1], name = (int)arg[2], optlen = (int)arg[4];
  gaddr val = arg[3];
  if (!fd_is_guest(fd)) return -EBADF;
  int refused = refused_option(level, name, true);
  if (refused) {
    int first = sock_check(fd);
    return first ? first : refused;
  }
  if (level == SOL_SOCKET) {
    if (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF)
      return set_fprog(fd, level, name, val, optlen);
    if (name == SO_ATTACH_BPF || name == SO_ATTACH_REUSEPORT_EBPF)
      return set_bpf_fd(fd, level, name, val, optlen);
  }
  return pass_option(fd, level, name, val, optlen);
}

SYSCALL_HANDLER(getsockopt) {
  (void)t;
  int fd = (int)arg[0], level = (int)arg[1], name = (int)arg[2];
  if (!fd_is_guest(fd)) return -EBADF;
  int refused = refused_option(level, name, false);
  if (refused) {
    int first = sock_check(fd);
    return first ? first : refused;
  }
  struct len_arg len;
  len_in(&len, arg[4]);
  if (syscall(SYS_getsockopt, fd, level, name, len_buf(&len, arg[3]), len_host(&len)) < 0)
    return -errno;
  return len_out(&len);
}
