/* Socket calls given bad arguments: EFAULT for every kind of bad pointer
   (an unmapped low page, and an address far above anything mapped, which
   under elfrun is outside the guest window), including the pointers
   inside struct msghdr (name, iovec array, iov_base, control) and
   mmsghdr; EBADF for descriptors that are not open (-1, 1000, which under
   elfrun is its own, and a closed one); ENOTSOCK for a pipe; EAFNOSUPPORT
   for an unknown family and a mismatched address; EINVAL for bad lengths
   and flags; EMSGSIZE for too many iovec segments; EBADF taking precedence
   over EFAULT as in net/socket.c (the descriptor is looked up first).
   Every call is a raw syscall(): musl copies msghdr in user space and
   loops over mmsghdr itself, so bad pointers would fault in libc.
   Oracle: native (net_errors.oracle): qemu 7.2 checks guest pointers
   before the descriptor (EFAULT where Linux says EBADF or ENOTSOCK),
   returns 0 from sendmsg/recvmsg with no iovec on any descriptor, and
   accepts unknown SOCK_* flag bits; the order of these checks is
   net/socket.c's, the same on every architecture. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EBADF: return "EBADF";             case EINVAL: return "EINVAL";
    case EFAULT: return "EFAULT";           case ENOTSOCK: return "ENOTSOCK";
    case EAFNOSUPPORT: return "EAFNOSUPPORT"; case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
    case ESOCKTNOSUPPORT: return "ESOCKTNOSUPPORT"; case EMSGSIZE: return "EMSGSIZE";
    case ENOTCONN: return "ENOTCONN";       case EOPNOTSUPP: return "EOPNOTSUPP";
    case EDESTADDRREQ: return "EDESTADDRREQ"; case EISCONN: return "EISCONN";
    case EPIPE: return "EPIPE";             case ENOENT: return "ENOENT";
    case ENOBUFS: return "ENOBUFS";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r < 0) printf("%-48s -1 %s\n", what, errname(errno));
  else printf("%-48s %ld\n", what, r);
}

/* Raw system calls, so that libc adds nothing of its own. */
#define socket(d, t, p) syscall(SYS_socket, d, t, p)
#define socketpair(d, t, p, sv) syscall(SYS_socketpair, d, t, p, sv)
#define bind(s, a, l) syscall(SYS_bind, s, a, l)
#define connect(s, a, l) syscall(SYS_connect, s, a, l)
#define listen(s, n) syscall(SYS_listen, s, n)
#define accept(s, a, l) syscall(SYS_accept, s, a, l)
#define accept4(s, a, l, f) syscall(SYS_accept4, s, a, l, f)
#define getsockname(s, a, l) syscall(SYS_getsockname, s, a, l)
#define getpeername(s, a, l) syscall(SYS_getpeername, s, a, l)
#define send(s, b, n, f) syscall(SYS_sendto, s, b, n, f, NULL, 0)
#define recv(s, b, n, f) syscall(SYS_recvfrom, s, b, n, f, NULL, NULL)
#define sendto(s, b, n, f, a, l) syscall(SYS_sendto, s, b, n, f, a, l)
#define recvfrom(s, b, n, f, a, l) syscall(SYS_recvfrom, s, b, n, f, a, l)
#define sendmsg(s, m, f) syscall(SYS_sendmsg, s, m, f)
#define recvmsg(s, m, f) syscall(SYS_recvmsg, s, m, f)
#define sendmmsg(s, v, n, f) syscall(SYS_sendmmsg, s, v, n, f)
#define recvmmsg(s, v, n, f, t) syscall(SYS_recvmmsg, s, v, n, f, t)
#define shutdown(s, h) syscall(SYS_shutdown, s, h)

#define LOW ((void *)8)
#define HIGH ((void *)(1ull << 47))

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int p[2], sv[2];
  pipe(p);
  socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
  int u = socket(AF_INET, SOCK_DGRAM, 0);
  int closed = socket(AF_INET, SOCK_DGRAM, 0);
  close(closed);
  struct sockaddr_in in = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  char buf[8] = "data";

  printf("-- socket, socketpair\n");
  show("socket(12345, SOCK_STREAM)", socket(12345, SOCK_STREAM, 0));
  show("socket(AF_INET, SOCK_STREAM, 17 udp)", socket(AF_INET, SOCK_STREAM, IPPROTO_UDP));
  show("socket(AF_INET, type 99)", socket(AF_INET, 99, 0));
  show("socket(AF_UNIX, bad type flag)", socket(AF_UNIX, SOCK_STREAM | 0x100000, 0));
  int sv2[2];
  show("socketpair(AF_INET)", socketpair(AF_INET, SOCK_STREAM, 0, sv2));
  show("socketpair bad sv (low)", socketpair(AF_UNIX, SOCK_STREAM, 0, LOW));
  show("socketpair bad sv (high)", socketpair(AF_UNIX, SOCK_STREAM, 0, HIGH));

  printf("-- descriptors\n");
  show("bind(-1)", bind(-1, (struct sockaddr *)&in, sizeof in));
  show("bind(1000)", bind(1000, (struct sockaddr *)&in, sizeof in));
  show("bind(closed)", bind(closed, (struct sockaddr *)&in, sizeof in));
  show("bind(pipe)", bind(p[0], (struct sockaddr *)&in, sizeof in));
  show("listen(pipe)", listen(p[0], 1));
  show("listen(1000)", listen(1000, 1));
  show("accept(pipe)", accept(p[0], NULL, NULL));
  show("connect(1000)", connect(1000, (struct sockaddr *)&in, sizeof in));
  show("getsockname(pipe)", getsockname(p[0], (struct sockaddr *)&in, &(socklen_t){16}));
  show("getpeername(1000)", getpeername(1000, (struct sockaddr *)&in, &(socklen_t){16}));
  show("send(pipe)", send(p[1], buf, 1, 0));
  show("recv(1000)", recv(1000, buf, 1, 0));
  show("shutdown(pipe)", shutdown(p[0], SHUT_RD));
  show("shutdown(1000)", shutdown(1000, SHUT_RD));
  struct msghdr m = {0};
  show("sendmsg(1000)", sendmsg(1000, &m, 0));
  show("recvmsg(pipe)", recvmsg(p[0], &m, 0));
  show("sendmmsg(1000)", sendmmsg(1000, NULL, 1, 0));
  show("recvmmsg(pipe)", recvmmsg(p[0], NULL, 1, 0, NULL));
  show("bind(1000) with a bad address too", bind(1000, LOW, 16));
  show("sendmsg(pipe) with a bad header too", sendmsg(p[1], LOW, 0));
  show("recvmsg(-1) with a bad header too", recvmsg(-1, HIGH, 0));

  printf("-- addresses\n");
  struct sockaddr_un un = {.sun_family = AF_UNIX, .sun_path = "/tmp/x"};
  show("bind(AF_INET socket, AF_UNIX address)", bind(u, (struct sockaddr *)&un, sizeof in));
  show("bind address length 200", bind(u, (struct sockaddr *)&in, 200));
  show("bind address length -1", bind(u, (struct sockaddr *)&in, -1));
  show("bind address length 4", bind(u, (struct sockaddr *)&in, 4));
  show("bind bad address (low)", bind(u, LOW, sizeof in));
  show("bind bad address (high)", bind(u, HIGH, sizeof in));
  show("connect bad address", connect(u, HIGH, sizeof in));
  show("sendto bad address", sendto(u, buf, 1, 0, LOW, sizeof in));
  show("sendto bad buffer", sendto(u, HIGH, 1, 0, (struct sockaddr *)&in, sizeof in));
  struct sockaddr_un missing = {.sun_family = AF_UNIX, .sun_path = "/nonexistent-dir/s"};
  show("bind AF_UNIX to a missing directory", bind(sv[0], &missing, sizeof missing));
  show("getsockname bad length pointer", getsockname(u, (struct sockaddr *)&in, HIGH));
  show("getsockname bad address", getsockname(u, HIGH, &(socklen_t){16}));
  show("getsockname length -1", getsockname(u, (struct sockaddr *)&in, &(socklen_t){-1}));
  show("getpeername unconnected", getpeername(u, (struct sockaddr *)&in, &(socklen_t){16}));
  show("accept on a datagram socket", accept(u, NULL, NULL));
  show("accept4 bad flags", accept4(u, NULL, NULL, 0x1));

  printf("-- data\n");
  show("send unconnected datagram", send(u, buf, 1, 0));
  show("send bad buffer (socketpair)", send(sv[0], LOW, 4, 0));
  show("recv bad buffer (socketpair)", send(sv[1], buf, 4, 0) == 4 ? recv(sv[0], HIGH, 4, 0) : -9);
  show("recvfrom bad address length", send(sv[1], buf, 4, 0) == 4
                                           ? recvfrom(sv[0], buf, 4, 0, (struct sockaddr *)&un, HIGH) : -9);

  printf("-- msghdr\n");
  struct iovec iov = {buf, 4};
  struct msghdr ok = {.msg_iov = &iov, .msg_iovlen = 1};
  show("sendmsg ok", sendmsg(sv[0], &ok, 0));
  show("recvmsg ok", recvmsg(sv[1], &ok, 0));
  show("sendmsg header low", sendmsg(sv[0], LOW, 0));
  show("recvmsg header high", recvmsg(sv[1], HIGH, 0));
  m = ok;
  m.msg_iov = HIGH;
  show("sendmsg iovec array high", sendmsg(sv[0], &m, 0));
  struct iovec badiov[2] = {{buf, 4}, {HIGH, 4}};
  m = ok;
  m.msg_iov = badiov;
  m.msg_iovlen = 2;
  show("sendmsg iov_base high", sendmsg(sv[0], &m, 0));
  m.msg_iovlen = 2000;
  show("sendmsg 2000 segments", sendmsg(sv[0], &m, 0));
  m = ok;
  m.msg_name = HIGH;
  m.msg_namelen = sizeof in;
  show("sendmsg name high (udp)", sendmsg(u, &m, 0));
  m.msg_name = &in;
  m.msg_namelen = -1;
  show("sendmsg name length -1", sendmsg(u, &m, 0));
  m = ok;
  m.msg_control = LOW;
  m.msg_controllen = 32;
  show("sendmsg control low", sendmsg(sv[0], &m, 0));
  char ctl[32] = {0};
  m.msg_control = ctl;
  m.msg_controllen = 8;
  show("sendmsg control shorter than a header", sendmsg(sv[0], &m, 0));
  struct cmsghdr *c = (struct cmsghdr *)ctl;
  c->cmsg_len = 64;
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  m.msg_controllen = sizeof ctl;
  show("sendmsg cmsg_len past the buffer", sendmsg(sv[0], &m, 0));
  show("sendmsg flags MSG_CMSG_COMPAT", sendmsg(sv[0], &ok, 0x80000000));
  show("recv: nothing was queued", recv(sv[1], buf, 4, MSG_DONTWAIT) < 0 ? 0 : -9);
  m = ok;
  m.msg_iov = HIGH;
  show("recvmsg iovec array high", recvmsg(sv[1], &m, MSG_DONTWAIT));

  printf("-- mmsghdr\n");
  show("sendmmsg vector high", sendmmsg(sv[0], HIGH, 2, 0));
  struct mmsghdr mm[2] = {{ok, 0}, {ok, 0}};
  mm[1].msg_hdr.msg_iov = HIGH;
  show("sendmmsg second message bad", sendmmsg(sv[0], mm, 2, 0));
  printf("first msg_len %u\n", mm[0].msg_len);
  show("recvmmsg vector low", recvmmsg(sv[1], LOW, 2, 0, NULL));
  show("recvmmsg bad timeout", recvmmsg(sv[1], mm, 1, 0, HIGH));
  struct mmsghdr rm[1] = {{ok, 0}};
  show("recvmmsg the one sent", recvmmsg(sv[1], rm, 1, 0, NULL));
  show("sendmmsg vlen 0", sendmmsg(sv[0], mm, 0, 0));
  return 0;
}
