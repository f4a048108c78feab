/* Guest structures for --strace, printed in strace(1)'s notation so that a
   trace of the guest reads like one of a native program. Layouts are the
   aarch64 ones of linux/abi.h; sockaddr, pollfd, rlimit and utsname are the
   same on every Linux architecture (include/uapi/linux/{in,in6,un,netlink,
   poll,resource,utsname}.h). Every read goes through copy_from_guest: a
   pointer that faults prints as the address, as strace does. */
#include "linux/strace_struct.h"

#include <arpa/inet.h>
#include <string.h>

#include "linux/abi.h"
#include "linux/strace_flags.h"
#include "linux/strace_print.h"
#include "mem/guest.h"

/* The most array elements shown before "...", as strace's -s limit does. */
#define ELEMENTS_SHOWN 16
#define SOCKADDR_MAX 128

/* Copies a guest structure; on a fault prints the address instead. */
static bool fetch(void *dst, gaddr a, size_t n) {
  if (!a) {
    strace_put("NULL");
    return false;
  }
  if (copy_from_guest(dst, a, n) == 0) return true;
  strace_put_addr(a);
  return false;
}

void strace_put_stat(gaddr a) {
  struct a64_stat st;
  if (!fetch(&st, a, sizeof st)) return;
  strace_put("{st_mode=");
  strace_put_file_mode(st.st_mode);
  if ((st.st_mode & 0170000) == 0020000 || (st.st_mode & 0170000) == 0060000)
    strace_put(", st_rdev=makedev(%#x, %#x), ...}",
               (unsigned)(((st.st_rdev >> 32) & ~0xfffu) | ((st.st_rdev >> 8) & 0xfff)),
               (unsigned)(((st.st_rdev >> 12) & ~0xffu) | (st.st_rdev & 0xff)));
  else strace_put(", st_size=%lld, ...}", (long long)st.st_size);
}

void strace_put_timespec(gaddr a) {
  i64 ts[2];
  if (!fetch(ts, a, sizeof ts)) return;
  strace_put("{tv_sec=%lld, tv_nsec=%lld}", (long long)ts[0], (long long)ts[1]);
}

static void put_sockaddr_un(const u8 *b, u64 len) {
  size_t n = len > 2 ? (size_t)len - 2 : 0;
  const u8 *path = b + 2;
  strace_put("sun_path=");
  if (n && path[0] == 0) {
    /* Linux's abstract namespace: a leading NUL, then exactly n-1 bytes. */
    strace_put("@");
    strace_put_bytes(path + 1, n - 1, false);
    return;
  }
  size_t end = strnlen((const char *)path, n);
  strace_put_bytes(path, end, false);
}

static void put_sockaddr_in(const u8 *b) {
  u16 port;
  char addr[INET_ADDRSTRLEN];
  memcpy(&port, b + 2, 2);
  inet_ntop(AF_INET, b + 4, addr, sizeof addr);
  strace_put("sin_port=htons(%u), sin_addr=inet_addr(\"%s\")", ntohs(port), addr);
}

static void put_sockaddr_in6(const u8 *b) {
  u16 port;
  u32 flow, scope;
  char addr[INET6_ADDRSTRLEN];
  memcpy(&port, b + 2, 2);
  memcpy(&flow, b + 4, 4);
  memcpy(&scope, b + 24, 4);
  inet_ntop(AF_INET6, b + 8, addr, sizeof addr);
  strace_put("sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
             "inet_pton(AF_INET6, \"%s\", &sin6_addr), sin6_scope_id=%u",
             ntohs(port), ntohl(flow), addr, scope);
}

static void put_sockaddr_nl(const u8 *b) {
  u32 pid, groups;
  memcpy(&pid, b + 4, 4);
  memcpy(&groups, b + 8, 4);
  strace_put("nl_pid=%u, nl_groups=%08x", pid, groups);
}

/* Minimum lengths before a family's fields are read (sizeof sockaddr_in,
   sockaddr_in6 and sockaddr_nl). */
void strace_put_sockaddr(gaddr a, u64 len) {
  u8 b[SOCKADDR_MAX] = {0};
  if (len < 2 || len > SOCKADDR_MAX) {
    strace_put_addr(a);
    return;
  }
  if (!fetch(b, a, (size_t)len)) return;
  u16 family;
  memcpy(&family, b, 2);
  strace_put("{sa_family=");
  strace_put_socket_family(family);
  if (family == 1 && len > 2) strace_put(", "), put_sockaddr_un(b, len);
  else if (family == 2 && len >= 16) strace_put(", "), put_sockaddr_in(b);
  else if (family == 10 && len >= 28) strace_put(", "), put_sockaddr_in6(b);
  else if (family == 16 && len >= 12) strace_put(", "), put_sockaddr_nl(b);
  else if (len > 2) strace_put(", sa_data="), strace_put_bytes(b + 2, (size_t)len - 2, false);
  strace_put("}");
}

/* accept, getsockname, recvfrom: the address the kernel wrote and its
   length before and after, as "[110 => 16]". */
void strace_put_sockaddr_out(gaddr a, gaddr lenp, u64 len_before) {
  u32 len;
  if (!a) {
    strace_put("NULL, ");
    strace_put_addr(lenp);
    return;
  }
  if (copy_from_guest(&len, lenp, sizeof len) < 0) {
    strace_put_addr(a);
    strace_put(", ");
    strace_put_addr(lenp);
    return;
  }
  strace_put_sockaddr(a, len < len_before ? len : len_before);
  if (len == len_before) strace_put(", [%u]", len);
  else strace_put(", [%u => %u]", (u32)len_before, len);
}

/* Up to data_len bytes of contents in all, as strace shows a writev or a
   readv that returned data_len. */
void strace_put_iovec(gaddr a, u64 count, u64 data_len) {
  if (!a) {
    strace_put("NULL");
    return;
  }
  strace_put("[");
  for (u64 i = 0; i < count; i++) {
    u64 iov[2];
    if (i == ELEMENTS_SHOWN) {
      strace_put(", ...");
      break;
    }
    if (copy_from_guest(iov, a + i * sizeof iov, sizeof iov) < 0) {
      if (i) strace_put(", ");
      strace_put_addr(a + i * sizeof iov);
      break;
    }
    strace_put("%s{iov_base=", i ? ", " : "");
    u64 shown = iov[1] < data_len ? iov[1] : data_len;
    if (!iov[0]) strace_put_addr(iov[0]);
    else strace_put_guest_buffer(iov[0], shown, STRACE_DATA_SHOWN);
    data_len -= shown;
    strace_put(", iov_len=%llu}", (unsigned long long)iov[1]);
  }
  strace_put("]");
}

static void put_cmsg_data(const struct a64_cmsghdr *c, gaddr data, u64 n) {
  if (c->cmsg_level == 1 && c->cmsg_type == 1) {
    /* SCM_RIGHTS: an array of descriptors. */
    strace_put("[");
    for (u64 i = 0; i + 4 <= n && i < 4 * ELEMENTS_SHOWN; i += 4) {
      i32 fd;
      if (copy_from_guest(&fd, data + i, 4) < 0) break;
      strace_put("%s%d", i ? ", " : "", fd);
    }
    strace_put("]");
  } else if (c->cmsg_level == 1 && c->cmsg_type == 2 && n >= 12) {
    u32 cred[3];
    if (copy_from_guest(cred, data, sizeof cred) < 0) strace_put_addr(data);
    else strace_put("{pid=%u, uid=%u, gid=%u}", cred[0], cred[1], cred[2]);
  } else {
    strace_put_guest_buffer(data, n, STRACE_DATA_SHOWN);
  }
}

/* The control messages of a msghdr, walked as CMSG_NXTHDR does (lengths
   aligned to 8 on aarch64). */
static void put_cmsgs(gaddr a, u64 len) {
  strace_put("[");
  u64 off = 0;
  for (int i = 0; off + sizeof(struct a64_cmsghdr) <= len; i++) {
    struct a64_cmsghdr c;
    if (i == ELEMENTS_SHOWN || copy_from_guest(&c, a + off, sizeof c) < 0) {
      strace_put("%s...", i ? ", " : "");
      break;
    }
    strace_put("%s{cmsg_len=%llu, cmsg_level=", i ? ", " : "",
               (unsigned long long)c.cmsg_len);
    strace_put_sock_level((u32)c.cmsg_level);
    strace_put(", cmsg_type=");
    strace_put_cmsg_type((u32)c.cmsg_level, (u32)c.cmsg_type);
    if (c.cmsg_len > sizeof c && c.cmsg_len <= len - off) {
      strace_put(", cmsg_data=");
      put_cmsg_data(&c, a + off + sizeof c, c.cmsg_len - sizeof c);
    }
    strace_put("}");
    if (c.cmsg_len < sizeof c) break;
    off += (c.cmsg_len + 7) & ~7ull;
  }
  strace_put("]");
}

void strace_put_msghdr(gaddr a, u64 data_len) {
  struct a64_msghdr m;
  if (!fetch(&m, a, sizeof m)) return;
  strace_put("{msg_name=");
  if (m.msg_name && m.msg_namelen > 0) strace_put_sockaddr(m.msg_name, (u32)m.msg_namelen);
  else strace_put_addr(m.msg_name);
  strace_put(", msg_namelen=%d, msg_iov=", m.msg_namelen);
  strace_put_iovec(m.msg_iov, m.msg_iovlen, data_len);
  strace_put(", msg_iovlen=%llu", (unsigned long long)m.msg_iovlen);
  if (m.msg_controllen) {
    strace_put(", msg_control=");
    if (m.msg_controllen <= 4096) put_cmsgs(m.msg_control, m.msg_controllen);
    else strace_put_addr(m.msg_control);
  }
  strace_put(", msg_controllen=%llu, msg_flags=", (unsigned long long)m.msg_controllen);
  strace_put_msg_flags(m.msg_flags);
  strace_put("}");
}

void strace_put_pollfds(gaddr a, u64 count) {
  if (!a) {
    strace_put("NULL");
    return;
  }
  strace_put("[");
  for (u64 i = 0; i < count; i++) {
    struct { i32 fd; i16 events, revents; } p;
    if (i == ELEMENTS_SHOWN) {
      strace_put(", ...");
      break;
    }
    if (copy_from_guest(&p, a + i * sizeof p, sizeof p) < 0) {
      if (i) strace_put(", ");
      strace_put_addr(a + i * sizeof p);
      break;
    }
    strace_put("%s{fd=%d, events=", i ? ", " : "", p.fd);
    strace_put_poll_events((u16)p.events);
    strace_put("}");
  }
  strace_put("]");
}

/* The entries whose revents the kernel set, as strace shows them after
   a poll returned. */
void strace_put_poll_revents(gaddr a, u64 count) {
  strace_put("[");
  const char *sep = "";
  for (u64 i = 0; i < count && i < ELEMENTS_SHOWN; i++) {
    struct { i32 fd; i16 events, revents; } p;
    if (copy_from_guest(&p, a + i * sizeof p, sizeof p) < 0) break;
    if (!p.revents) continue;
    strace_put("%s{fd=%d, revents=", sep, p.fd);
    strace_put_poll_events((u16)p.revents);
    strace_put("}");
    sep = ", ";
  }
  strace_put("]");
}

void strace_put_epoll_event(gaddr a) {
  struct a64_epoll_event e;
  if (!fetch(&e, a, sizeof e)) return;
  strace_put("{events=");
  strace_put_epoll_events(e.events);
  strace_put(", data={u32=%u, u64=%llu}}", (u32)e.data, (unsigned long long)e.data);
}

/* The kernel's sigset is 8 bytes on aarch64; any other size is EINVAL. */
void strace_put_sigset(gaddr a, u64 size) {
  u64 set;
  if (size != sizeof set) {
    strace_put_addr(a);
    return;
  }
  if (!fetch(&set, a, sizeof set)) return;
  strace_put_sigset_word(set);
}

void strace_put_sigaction(gaddr a) {
  struct a64_sigaction sa;
  if (!fetch(&sa, a, sizeof sa)) return;
  strace_put("{sa_handler=");
  if (sa.handler == 0) strace_put("SIG_DFL");
  else if (sa.handler == 1) strace_put("SIG_IGN");
  else strace_put("%#llx", (unsigned long long)sa.handler);
  strace_put(", sa_mask=");
  strace_put_sigset_word(sa.mask);
  strace_put(", sa_flags=");
  strace_put_sa_flags(sa.flags);
  if (sa.flags & A64_SA_RESTORER) strace_put(", sa_restorer=%#llx", (unsigned long long)sa.restorer);
  strace_put("}");
}

/* strace writes limits that are whole KiB as N*1024. */
static void put_rlim(u64 v) {
  if (v == ~0ull) strace_put("RLIM64_INFINITY");
  else if (v && v % 1024 == 0) strace_put("%llu*1024", (unsigned long long)(v / 1024));
  else strace_put("%llu", (unsigned long long)v);
}

void strace_put_rlimit(gaddr a) {
  u64 r[2];
  if (!fetch(r, a, sizeof r)) return;
  strace_put("{rlim_cur=");
  put_rlim(r[0]);
  strace_put(", rlim_max=");
  put_rlim(r[1]);
  strace_put("}");
}

/* struct new_utsname: six fields of 65 bytes; strace shows the first two. */
void strace_put_utsname(gaddr a) {
  char u[2][65];
  if (!fetch(u, a, sizeof u)) return;
  strace_put("{sysname=");
  strace_put_bytes((const u8 *)u[0], strnlen(u[0], 65), false);
  strace_put(", nodename=");
  strace_put_bytes((const u8 *)u[1], strnlen(u[1], 65), false);
  strace_put(", ...}");
}

/* linux/openat2.h; mode is shown when it matters (O_CREAT, O_TMPFILE) or
   is set, as strace does. */
void strace_put_open_how(gaddr a, u64 size) {
  struct a64_open_how how;
  if (size < sizeof how) {
    strace_put_addr(a);
    return;
  }
  if (!fetch(&how, a, sizeof how)) return;
  strace_put("{flags=");
  strace_put_open_flags(how.flags);
  if (how.mode || (how.flags & (0100 | 020000000)))
    strace_put(", mode=%#llo", (unsigned long long)how.mode);
  strace_put(", resolve=");
  strace_put_resolve_flags(how.resolve);
  strace_put("}");
}

void strace_put_fd_pair(gaddr a) {
  i32 fds[2];
  if (!fetch(fds, a, sizeof fds)) return;
  strace_put("[%d, %d]", fds[0], fds[1]);
}

void strace_put_int_ptr(gaddr a) {
  i32 v;
  if (!fetch(&v, a, sizeof v)) return;
  strace_put("[%d]", v);
}

/* clone3's argument block (linux/sched.h); fields past the first version
   are shown only when set. */
void strace_put_clone_args(gaddr a, u64 size) {
  struct a64_clone_args ca = {0};
  if (size < A64_CLONE_ARGS_SIZE_VER0 || size > sizeof ca) {
    strace_put_addr(a);
    return;
  }
  if (!fetch(&ca, a, (size_t)size)) return;
  strace_put("{flags=");
  strace_put_clone_flags(ca.flags);
  if (ca.pidfd) strace_put(", pidfd=%#llx", (unsigned long long)ca.pidfd);
  if (ca.child_tid) strace_put(", child_tid=%#llx", (unsigned long long)ca.child_tid);
  if (ca.parent_tid) strace_put(", parent_tid=%#llx", (unsigned long long)ca.parent_tid);
  strace_put(", exit_signal=");
  strace_put_signal(ca.exit_signal);
  strace_put(", stack=%#llx, stack_size=%#llx", (unsigned long long)ca.stack,
             (unsigned long long)ca.stack_size);
  if (ca.tls) strace_put(", tls=%#llx", (unsigned long long)ca.tls);
  if (ca.set_tid_size) strace_put(", set_tid=%#llx, set_tid_size=%llu",
                                  (unsigned long long)ca.set_tid,
                                  (unsigned long long)ca.set_tid_size);
  if (ca.cgroup) strace_put(", cgroup=%llu", (unsigned long long)ca.cgroup);
  strace_put("}");
}

/* execve's argv as strace shows it: ["ls", "-l"], at most 32 strings. */
void strace_put_string_array(gaddr a) {
  if (!a) {
    strace_put("NULL");
    return;
  }
  strace_put("[");
  for (u64 i = 0;; i++) {
    u64 s;
    if (copy_from_guest(&s, a + i * sizeof s, sizeof s) < 0) {
      strace_put("%s", i ? ", ..." : "...");
      break;
    }
    if (!s) break;
    if (i == 32) {
      strace_put(", ...");
      break;
    }
    if (i) strace_put(", ");
    strace_put_guest_string(s, STRACE_PATH_SHOWN);
  }
  strace_put("]");
}

/* execve's envp: the address and how many strings it holds, as strace
   writes it (a comment saying "20 vars"). */
void strace_put_string_array_count(gaddr a) {
  strace_put_addr(a);
  if (!a) return;
  u64 n = 0, s;
  while (n < 1u << 20 && copy_from_guest(&s, a + n * sizeof s, sizeof s) == 0 && s) n++;
  strace_put(" /* %llu var%s */", (unsigned long long)n, n == 1 ? "" : "s");
}

void strace_put_wait_status_ptr(gaddr a) {
  u32 s;
  if (!fetch(&s, a, sizeof s)) return;
  strace_put_wait_status(s);
}

/* struct statx (linux/stat.h, the same everywhere): what strace shows of
   it. */
void strace_put_statx(gaddr a) {
  struct {
    u32 mask, blksize;
    u64 attributes;
    u32 nlink, uid, gid;
    u16 mode, pad;
    u64 ino, size;
  } sx;
  if (!fetch(&sx, a, sizeof sx)) return;
  strace_put("{stx_mask=");
  strace_put_statx_mask(sx.mask);
  strace_put(", stx_attributes=%#llx, stx_mode=", (unsigned long long)sx.attributes);
  strace_put_file_mode(sx.mode);
  strace_put(", stx_size=%llu, ...}", (unsigned long long)sx.size);
}

/* epoll_wait's ready events: count of them, as the call returned. */
void strace_put_epoll_events_array(gaddr a, u64 count) {
  strace_put("[");
  for (u64 i = 0; i < count; i++) {
    if (i == ELEMENTS_SHOWN) {
      strace_put(", ...");
      break;
    }
    if (i) strace_put(", ");
    strace_put_epoll_event(a + i * sizeof(struct a64_epoll_event));
  }
  strace_put("]");
}

/* getsockopt's value and length after the call: an int shown as [1],
   anything else as its address, then the length as [4]. */
void strace_put_sockopt_out(gaddr value, gaddr lenp) {
  u32 len;
  if (copy_from_guest(&len, lenp, sizeof len) < 0) {
    strace_put_addr(value);
    strace_put(", ");
    strace_put_addr(lenp);
    return;
  }
  if (len == 4) strace_put_int_ptr(value);
  else strace_put_addr(value);
  strace_put(", [%u]", len);
}
