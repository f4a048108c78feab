/* The message calls: sendmsg, recvmsg, sendmmsg, recvmmsg.

   struct msghdr, mmsghdr and cmsghdr have one layout on both 64-bit ABIs
   (abi.h, xlat.c), but hold guest pointers: the name, the iovec array and
   each iov_base, the control buffer. Each guest header is copied into
   elfrun and every pointer checked against the guest window before the
   host sees it, as net/socket.c's copy_msghdr_from_user() and
   import_iovec() read them; another guest thread changing the headers
   afterwards changes nothing.

   Ancillary data goes through elfrun's own buffers, so that descriptors
   can be checked both ways (docs/quirks.md):
   - sent SCM_RIGHTS naming one of elfrun's descriptors (>= FD_GUEST_LIMIT)
     is EBADF on an AF_UNIX socket, as for a descriptor that is not open;
   - received descriptors the guest may not have (at or past its
     RLIMIT_NOFILE) are closed and left out, with MSG_CTRUNC set, which is
     what Linux's scm_detach_fds() does when the receiver's table is full.
   SCM_CREDENTIALS (struct ucred) and every other message pass unchanged. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/fd.h"
#include "linux/process.h"
#include "linux/safe_syscall.h"
#include "linux/socket.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

/* UIO_MAXIOV: at most this many segments per message, and messages per
   sendmmsg/recvmmsg (which clamp vlen to it). */
#define A64_UIO_MAXIOV 1024
/* Control buffers elfrun copies. Linux's own limit on sent control data is
   net.core.optmem_max (20 KiB to 128 KiB), past which it says ENOBUFS; a
   received message needs at most SCM_MAX_FD descriptors plus a few small
   headers, far below the receive cap. */
#define SEND_CONTROL_MAX (1u << 20)
#define RECV_CONTROL_MAX (64u << 10)
/* linux/socket.h: only the compat entry points may pass it; the native
   ones refuse it before looking at the descriptor (__sys_sendmsg()...). */
#define A64_MSG_CMSG_COMPAT 0x80000000u

/* One guest message as the host gets it, with what elfrun allocated. */
struct msg_import {
  struct msghdr host;
  struct sock_addr name;  /* sendmsg: the address, possibly path-mapped */
  gaddr guest_name;       /* recvmsg: where the sender's address goes */
  struct iovec *iov;
  void *control;          /* elfrun's copy of the control buffer, or NULL */
  gaddr guest_control;
};

static void msg_release(struct msg_import *m) {
  sock_addr_put(&m->name);
  free(m->iov);
  free(m->control);
  m->iov = NULL;
  m->control = NULL;
}

/* The iovec array: a segment outside the window becomes HOST_EFAULT_PTR,
   which the host refuses with EFAULT as Linux refuses a segment that
   fails access_ok(). */
static int import_iov(struct msg_import *m, const struct a64_msghdr *g) {
  if (g->msg_iovlen > A64_UIO_MAXIOV) return -EMSGSIZE;
  m->host.msg_iovlen = g->msg_iovlen;
  if (!g->msg_iovlen) {
    m->host.msg_iov = NULL;
    return 0;
  }
  size_t bytes = g->msg_iovlen * sizeof(struct iovec);
  m->iov = malloc(bytes);
  if (!m->iov) return -ENOMEM;
  if (copy_from_guest(m->iov, g->msg_iov, bytes)) return -EFAULT;
  for (u64 i = 0; i < g->msg_iovlen; i++)
    m->iov[i].iov_base = guest_buf(h2g(m->iov[i].iov_base), m->iov[i].iov_len);
  m->host.msg_iov = m->iov;
  return 0;
}

/* The name and its length as __copy_msghdr() treats them: no name means
   length 0, a negative length is EINVAL, a long one is cut to
   sockaddr_storage. */
static int import_namelen(const struct a64_msghdr *g, i64 *len) {
  *len = g->msg_name ? g->msg_namelen : 0;
  if (*len < 0) return -EINVAL;
  if (*len > (i64)sizeof(struct sockaddr_storage)) *len = sizeof(struct sockaddr_storage);
  return 0;
}

static int import_header(struct msg_import *m, struct a64_msghdr *g, gaddr umsg) {
  memset(m, 0, sizeof *m);
  if (copy_from_guest(g, umsg, sizeof *g)) return -EFAULT;
  xlat_msghdr_from_guest(&m->host, g);
  return 0;
}

/* ---- walking control data ----
   elfrun walks its own copies only, and never past their end: a message
   whose length is too short or runs past the buffer ends the walk (the
   host then refuses it with EINVAL, as Linux's CMSG_OK() check does). */

struct cmsg_iter {
  char *buf;
  size_t len, off;
};

static struct cmsghdr *cmsg_next(struct cmsg_iter *it) {
  if (it->off >= it->len || it->len - it->off < sizeof(struct cmsghdr)) return NULL;
  struct cmsghdr *c = (struct cmsghdr *)(it->buf + it->off);
  if (c->cmsg_len < CMSG_LEN(0) || c->cmsg_len > it->len - it->off) return NULL;
  size_t step = CMSG_ALIGN(c->cmsg_len);
  it->off = step < it->len - it->off ? it->off + step : it->len;
  return c;
}

static bool is_rights(const struct cmsghdr *c) {
  return c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS;
}

static size_t rights_count(const struct cmsghdr *c) {
  return (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
}

static int *rights_fds(struct cmsghdr *c) { return (int *)CMSG_DATA(c); }

/* Whether some SCM_RIGHTS message names a descriptor at or past limit
   (sent ones: not the guest's; received ones: past its RLIMIT_NOFILE). */
static bool rights_past(void *buf, size_t len, u64 limit) {
  struct cmsg_iter it = {buf, len, 0};
  for (struct cmsghdr *c; (c = cmsg_next(&it));) {
    if (!is_rights(c)) continue;
    const int *fds = rights_fds(c);
    for (size_t i = 0; i < rights_count(c); i++)
      if (fds[i] < 0 || (u64)fds[i] >= limit) return true;
  }
  return false;
}

/* Only AF_UNIX acts on SCM_RIGHTS (scm_send()); other families ignore it
   (__sock_cmsg_send()), so the numbers in it do not matter there. */
static int check_sent_rights(int fd, void *buf, size_t len) {
  if (!rights_past(buf, len, FD_GUEST_LIMIT)) return 0;
  int domain = 0;
  socklen_t dlen = sizeof domain;
  if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &dlen) == 0 && domain == AF_UNIX)
    return -EBADF;
  return 0;
}

/* ____sys_sendmsg(): more than INT_MAX (or than elfrun copies) is
   ENOBUFS, then the copy may fault. */
static int import_send_control(struct msg_import *m, int fd) {
  u64 len = m->host.msg_controllen;
  if (!len) {
    m->host.msg_control = NULL;
    return 0;
  }
  if (len > SEND_CONTROL_MAX) return -ENOBUFS;
  m->control = malloc(len);
  if (!m->control) return -ENOBUFS;
  if (copy_from_guest(m->control, h2g(m->host.msg_control), len)) return -EFAULT;
  m->host.msg_control = m->control;
  return check_sent_rights(fd, m->control, len);
}

static int import_send(struct thread *t, struct msg_import *m, int fd, gaddr umsg) {
  struct a64_msghdr g;
  int err = import_header(m, &g, umsg);
  if (err) return err;
  i64 namelen;
  if ((err = import_namelen(&g, &namelen))) return err;
  if ((err = sock_addr_from_guest(t, &m->name, g.msg_name, namelen, PATH_FOLLOW))) return err;
  m->host.msg_name = m->name.len ? (void *)&m->name.ss : NULL;
  m->host.msg_namelen = m->name.len;
  if ((err = import_iov(m, &g))) return err;
  return import_send_control(m, fd);
}

/* The sender's address goes straight to the guest (the host writes at
   most the length held here); control data comes to elfrun first. A
   control buffer outside the window stays a bad pointer, which the host
   treats as Linux treats it. */
static int import_recv(struct msg_import *m, gaddr umsg) {
  struct a64_msghdr g;
  int err = import_header(m, &g, umsg);
  if (err) return err;
  i64 namelen;
  if ((err = import_namelen(&g, &namelen))) return err;
  m->guest_name = g.msg_name;
  m->host.msg_name = g.msg_name ? guest_buf(g.msg_name, (u64)namelen) : NULL;
  m->host.msg_namelen = (socklen_t)namelen;
  if ((err = import_iov(m, &g))) return err;
  m->guest_control = g.msg_control;
  u64 len = g.msg_controllen;
  if (!len || !guest_ptr_ok(g.msg_control, len)) {
    m->host.msg_control = len ? HOST_EFAULT_PTR : NULL;
    return 0;
  }
  if (len > RECV_CONTROL_MAX) len = RECV_CONTROL_MAX;
  m->control = malloc(len);
  if (!m->control) return -ENOMEM;
  m->host.msg_control = m->control;
  m->host.msg_controllen = len;
  return 0;
}

/* ---- received descriptors ---- */

static u64 guest_nofile(void) {
  struct rlimit rl;
  fd_get_nofile(&rl);
  return rl.rlim_cur;
}

/* Closes the received descriptors at or past limit and keeps the others,
   in order, as Linux keeps the ones it installed before its table filled.
   Returns how many were kept. */
static size_t keep_fds_below(int *fds, size_t n, u64 limit) {
  size_t kept = 0;
  for (size_t i = 0; i < n; i++) {
    if ((u64)fds[i] < limit) fds[kept++] = fds[i];
    else close(fds[i]);
  }
  return kept;
}

/* Rewrites received control data in which SCM_RIGHTS carried descriptors
   past limit: each message is copied in order, SCM_RIGHTS shortened (or
   dropped when nothing is left), MSG_CTRUNC set, and the length used
   recomputed the way scm_detach_fds() advances (CMSG_SPACE of what it
   wrote, cut at the end of the buffer). */
static void trim_received_rights(struct msghdr *h, u64 limit) {
  size_t room = h->msg_controllen, used = 0;
  char *out = malloc(room ? room : 1);
  struct cmsg_iter it = {h->msg_control, room, 0};
  if (!out) { /* cannot rewrite: the guest gets no control data at all */
    for (struct cmsghdr *c; (c = cmsg_next(&it));)
      if (is_rights(c)) keep_fds_below(rights_fds(c), rights_count(c), 0);
    h->msg_flags |= MSG_CTRUNC;
    h->msg_controllen = 0;
    return;
  }
  for (struct cmsghdr *c; (c = cmsg_next(&it));) {
    size_t len = c->cmsg_len;
    if (is_rights(c)) {
      size_t n = rights_count(c), kept = keep_fds_below(rights_fds(c), n, limit);
      if (kept < n) h->msg_flags |= MSG_CTRUNC;
      if (!kept) continue;
      len = CMSG_LEN(kept * sizeof(int));
      c->cmsg_len = len;
    }
    size_t step = CMSG_ALIGN(len) < room - used ? CMSG_ALIGN(len) : room - used;
    memcpy(out + used, c, step);
    used += step;
  }
  memcpy(h->msg_control, out, used);
  free(out);
  h->msg_controllen = used;
}

/* After a successful receive: control data to the guest, then the three
   fields ___sys_recvmsg() writes back into the guest's header. */
static int export_recv(struct msg_import *m, gaddr umsg) {
  struct msghdr *h = &m->host;
  if (m->control) {
    u64 limit = guest_nofile();
    if (rights_past(m->control, h->msg_controllen, limit)) trim_received_rights(h, limit);
    if (copy_to_guest(m->guest_control, m->control, h->msg_controllen)) {
      trim_received_rights(h, 0); /* the guest cannot learn of them */
      return -EFAULT;
    }
  }
  i32 namelen = m->guest_name ? (i32)h->msg_namelen : 0;
  u64 controllen = m->control ? h->msg_controllen : 0;
  u32 flags = (u32)h->msg_flags;
  if (m->guest_name && copy_to_guest(umsg + offsetof(struct a64_msghdr, msg_namelen),
                                     &namelen, sizeof namelen))
    return -EFAULT;
  if (copy_to_guest(umsg + offsetof(struct a64_msghdr, msg_controllen), &controllen,
                    sizeof controllen) ||
      copy_to_guest(umsg + offsetof(struct a64_msghdr, msg_flags), &flags, sizeof flags))
    return -EFAULT;
  return 0;
}

/* An error found while reading the guest's header comes after the
   descriptor checks in Linux. */
static i64 import_error(int fd, int err) {
  int first = sock_check(fd);
  return first ? first : err;
}

SYSCALL_HANDLER(sendmsg) {
  int fd = (int)arg[0];
  if ((u32)arg[2] & A64_MSG_CMSG_COMPAT) return -EINVAL;
  if (!fd_is_guest(fd)) return -EBADF;
  struct msg_import m;
  int err = import_send(t, &m, fd, arg[1]);
  i64 ret = err ? import_error(fd, err)
                : safe_syscall(t, SYS_sendmsg, fd, &m.host, (int)arg[2]);
  msg_release(&m);
  return ret;
}

SYSCALL_HANDLER(recvmsg) {
  int fd = (int)arg[0];
  if ((u32)arg[2] & A64_MSG_CMSG_COMPAT) return -EINVAL;
  if (!fd_is_guest(fd)) return -EBADF;
  struct msg_import m;
  int err = import_recv(&m, arg[1]);
  i64 ret = err ? import_error(fd, err)
                : safe_syscall(t, SYS_recvmsg, fd, &m.host, (int)arg[2]);
  if (ret >= 0) {
    err = export_recv(&m, arg[1]);
    if (err) ret = err;
  }
  msg_release(&m);
  return ret;
}

/* ---- sendmmsg, recvmmsg ----
   The messages are imported up to the first that cannot be; Linux, which
   reads each header only when it gets to it, then stops there, returning
   the count done before it (or the error, if none). The host gets the
   importable ones in a single call, so its batching and recvmmsg's
   timeout behave as Linux's. */

struct mmsg_batch {
  struct mmsghdr *host;
  struct msg_import *m;
  u32 n;   /* imported */
  int err; /* why the next one could not be, or 0 */
};

static void batch_release(struct mmsg_batch *b) {
  for (u32 i = 0; i < b->n; i++) msg_release(&b->m[i]);
  free(b->host);
  free(b->m);
}

static int batch_import(struct thread *t, struct mmsg_batch *b, int fd, gaddr vec, u32 vlen,
                        bool send) {
  memset(b, 0, sizeof *b);
  if (vlen > A64_UIO_MAXIOV) vlen = A64_UIO_MAXIOV;
  b->host = calloc(vlen ? vlen : 1, sizeof *b->host);
  b->m = calloc(vlen ? vlen : 1, sizeof *b->m);
  if (!b->host || !b->m) return -ENOMEM;
  for (; b->n < vlen; b->n++) {
    gaddr umsg = vec + (u64)b->n * sizeof(struct a64_mmsghdr);
    struct msg_import *m = &b->m[b->n];
    b->err = send ? import_send(t, m, fd, umsg) : import_recv(m, umsg);
    if (b->err) {
      msg_release(m);
      break;
    }
    b->host[b->n].msg_hdr = m->host;
  }
  return 0;
}

/* What the guest gets back for each message: msg_len, and for received
   ones the header fields and control data. Returns how many messages the
   guest may count as done. */
static i64 batch_export(struct mmsg_batch *b, gaddr vec, i64 done, bool send) {
  for (i64 i = 0; i < done; i++) {
    gaddr umsg = vec + (u64)i * sizeof(struct a64_mmsghdr);
    u32 len = b->host[i].msg_len;
    int err = 0;
    if (!send) {
      b->m[i].host = b->host[i].msg_hdr;
      err = export_recv(&b->m[i], umsg);
    }
    if (!err && copy_to_guest(umsg + offsetof(struct a64_mmsghdr, msg_len), &len, sizeof len))
      err = -EFAULT;
    if (err) return i ? i : err;
  }
  return done;
}

static i64 do_mmsg(struct thread *t, const u64 *arg, bool send) {
  int fd = (int)arg[0];
  if ((u32)arg[3] & A64_MSG_CMSG_COMPAT) return -EINVAL;
  if (!fd_is_guest(fd)) return -EBADF;
  struct mmsg_batch b;
  i64 ret = batch_import(t, &b, fd, arg[1], (u32)arg[2], send);
  if (!ret && b.n == 0 && b.err) ret = import_error(fd, b.err);
  if (!ret && send) ret = safe_syscall(t, SYS_sendmmsg, fd, b.host, b.n, (u32)arg[3]);
  if (!ret && !send)
    ret = safe_syscall(t, SYS_recvmmsg, fd, b.host, b.n, (u32)arg[3],
                       arg[4] ? guest_buf(arg[4], 16) : NULL);
  if (ret > 0) ret = batch_export(&b, arg[1], ret, send);
  batch_release(&b);
  return ret;
}

SYSCALL_HANDLER(sendmmsg) { return do_mmsg(t, arg, true); }
SYSCALL_HANDLER(recvmmsg) { return do_mmsg(t, arg, false); }
