/* AF_UNIX sockets: socketpair with SCM_RIGHTS (a pipe's descriptor
   crosses and still works) and SCM_CREDENTIALS (pid, uid and gid match the
   sender's), then
   stream, datagram and seqpacket sockets bound to a filesystem name in
   /tmp and to an abstract name: bind, listen, connect, accept4,
   getsockname/getpeername, sendto/recvfrom with the sender's name,
   record boundaries, shutdown.
   Names carry the pid so that runs in parallel do not meet; the pid is
   never printed.
   Oracle: qemu-aarch64 (passes these calls through unchanged).
   See also net_rights.c (truncated and refused descriptors), net_tcp.c, net_udp.c, net_sockopt.c, net_errors.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EBADF: return "EBADF";             case EINVAL: return "EINVAL";
    case ENOENT: return "ENOENT";           case EADDRINUSE: return "EADDRINUSE";
    case ECONNREFUSED: return "ECONNREFUSED"; case EPIPE: return "EPIPE";
    case EAGAIN: return "EAGAIN";           case ENOTCONN: return "ENOTCONN";
    case EFAULT: return "EFAULT";           case EMSGSIZE: return "EMSGSIZE";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r < 0) printf("%-40s -1 %s\n", what, errname(errno));
  else printf("%-40s %ld\n", what, r);
}

static void test_rights(void) {
  int sv[2], p[2];
  show("socketpair(AF_UNIX, SOCK_STREAM)", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
  show("pipe", pipe(p));
  char data = 'R';
  struct iovec iov = {&data, 1};
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } u;
  memset(&u, 0, sizeof u);
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
                       .msg_controllen = sizeof u.buf};
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &p[1], sizeof(int));
  show("sendmsg SCM_RIGHTS (pipe write end)", sendmsg(sv[0], &msg, 0));

  char got = 0;
  struct iovec riov = {&got, 1};
  union {
    char buf[CMSG_SPACE(sizeof(int)) + 64];
    struct cmsghdr align;
  } r;
  memset(&r, 0, sizeof r);
  struct msghdr rmsg = {.msg_iov = &riov, .msg_iovlen = 1, .msg_control = r.buf,
                        .msg_controllen = sizeof r.buf};
  show("recvmsg", recvmsg(sv[1], &rmsg, MSG_CMSG_CLOEXEC));
  printf("data %c flags 0x%x controllen %zu\n", got, rmsg.msg_flags,
         (size_t)rmsg.msg_controllen);
  struct cmsghdr *rc = CMSG_FIRSTHDR(&rmsg);
  int fd = -1;
  if (rc && rc->cmsg_level == SOL_SOCKET && rc->cmsg_type == SCM_RIGHTS) {
    printf("SCM_RIGHTS len %zu\n", (size_t)rc->cmsg_len);
    memcpy(&fd, CMSG_DATA(rc), sizeof fd);
  }
  printf("received fd differs from sent: %s\n", fd >= 0 && fd != p[1] ? "yes" : "no");
  printf("received fd close-on-exec: %s\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) ? "yes" : "no");
  show("write through received fd", write(fd, "via", 3));
  char buf[8] = {0};
  show("read from pipe", read(p[0], buf, sizeof buf));
  printf("pipe says %s\n", buf);
  close(fd);

  close(p[0]);
  close(p[1]);
  close(sv[0]);
  close(sv[1]);
}

static void test_credentials(void) {
  int sv[2], on = 1;
  show("socketpair(AF_UNIX, SOCK_DGRAM)", socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
  show("setsockopt SO_PASSCRED", setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on));
  union {
    char buf[CMSG_SPACE(sizeof(struct ucred))];
    struct cmsghdr align;
  } u;
  memset(&u, 0, sizeof u);
  char data = 'C';
  struct iovec iov = {&data, 1};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
                       .msg_controllen = sizeof u.buf};
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_CREDENTIALS;
  c->cmsg_len = CMSG_LEN(sizeof(struct ucred));
  struct ucred me = {getpid(), getuid(), getgid()};
  memcpy(CMSG_DATA(c), &me, sizeof me);
  show("sendmsg SCM_CREDENTIALS", sendmsg(sv[0], &msg, 0));
  memset(&u, 0, sizeof u);
  data = 0;
  show("recvmsg", recvmsg(sv[1], &msg, 0));
  c = CMSG_FIRSTHDR(&msg);
  if (c && c->cmsg_type == SCM_CREDENTIALS) {
    struct ucred got;
    memcpy(&got, CMSG_DATA(c), sizeof got);
    printf("credentials: pid %s uid %s gid %s\n", got.pid == me.pid ? "same" : "differs",
           got.uid == me.uid ? "same" : "differs", got.gid == me.gid ? "same" : "differs");
  } else {
    printf("no credentials\n");
  }
  struct ucred peer;
  socklen_t len = sizeof peer;
  show("getsockopt SO_PEERCRED", getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &peer, &len));
  printf("peer pid %s len %u\n", peer.pid == getpid() ? "same" : "differs", (unsigned)len);
  close(sv[0]);
  close(sv[1]);
}

/* Fills *a with a filesystem name (abstract false) or an abstract one;
   returns the address length. */
static socklen_t make_name(struct sockaddr_un *a, const char *tag, int abstract) {
  memset(a, 0, sizeof *a);
  a->sun_family = AF_UNIX;
  if (abstract) {
    int n = snprintf(a->sun_path + 1, sizeof a->sun_path - 1, "elfrun-net-%d-%s",
                     (int)getpid(), tag);
    return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n);
  }
  snprintf(a->sun_path, sizeof a->sun_path, "/tmp/elfrun-net-%d-%s", (int)getpid(), tag);
  return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(a->sun_path) + 1);
}

static void print_name(const char *what, const struct sockaddr_un *a, socklen_t len,
                       const struct sockaddr_un *want, socklen_t want_len) {
  const char *kind = len <= offsetof(struct sockaddr_un, sun_path) ? "unnamed"
                     : a->sun_path[0] ? "path" : "abstract";
  printf("%s: family %s, %s, %s\n", what, a->sun_family == AF_UNIX ? "AF_UNIX" : "?", kind,
         want && len == want_len && !memcmp(a, want, len) ? "matches" : "-");
}

static void test_stream(int type, const char *tname, int abstract) {
  printf("-- %s, %s name\n", tname, abstract ? "abstract" : "filesystem");
  struct sockaddr_un addr, got;
  socklen_t alen = make_name(&addr, tname, abstract), glen;
  if (!abstract) unlink(addr.sun_path);
  int srv = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
  show("bind", bind(srv, (struct sockaddr *)&addr, alen));
  show("bind again (in use)", bind(socket(AF_UNIX, type, 0), (struct sockaddr *)&addr, alen));
  show("listen", listen(srv, 4));
  if (!abstract) {
    struct stat st;
    show("stat the name", stat(addr.sun_path, &st));
    printf("is a socket: %s\n", S_ISSOCK(st.st_mode) ? "yes" : "no");
  }
  int cli = socket(AF_UNIX, type, 0);
  show("connect", connect(cli, (struct sockaddr *)&addr, alen));
  glen = sizeof got;
  int acc = accept4(srv, (struct sockaddr *)&got, &glen, SOCK_NONBLOCK);
  show("accept4", acc >= 0 ? 0 : -1);
  print_name("accepted peer", &got, glen, NULL, 0);
  printf("accepted non-blocking: %s\n", (fcntl(acc, F_GETFL) & O_NONBLOCK) ? "yes" : "no");
  glen = sizeof got;
  show("getsockname(server)", getsockname(srv, (struct sockaddr *)&got, &glen));
  print_name("server name", &got, glen, &addr, alen);
  glen = sizeof got;
  show("getpeername(client)", getpeername(cli, (struct sockaddr *)&got, &glen));
  print_name("client's peer", &got, glen, &addr, alen);
  show("send 3", send(cli, "abc", 3, 0));
  show("send 2", send(cli, "de", 2, 0));
  char buf[16] = {0};
  show("recv (seqpacket keeps records)", recv(acc, buf, sizeof buf, 0));
  printf("got %s\n", buf);
  show("recv again", recv(acc, buf, sizeof buf, 0));
  show("shutdown(client, SHUT_WR)", shutdown(cli, SHUT_WR));
  int n;
  while ((n = (int)recv(acc, buf, sizeof buf, 0)) > 0) {}
  show("recv after shutdown", n);
  close(acc);
  close(cli);
  close(srv);
  if (!abstract) show("unlink the name", unlink(addr.sun_path));
}

static void test_dgram(int abstract) {
  printf("-- datagram, %s names\n", abstract ? "abstract" : "filesystem");
  struct sockaddr_un a, b, from;
  socklen_t alen = make_name(&a, "dga", abstract), blen = make_name(&b, "dgb", abstract);
  if (!abstract) {
    unlink(a.sun_path);
    unlink(b.sun_path);
  }
  int sa = socket(AF_UNIX, SOCK_DGRAM, 0), sb = socket(AF_UNIX, SOCK_DGRAM, 0);
  show("bind a", bind(sa, (struct sockaddr *)&a, alen));
  show("bind b", bind(sb, (struct sockaddr *)&b, blen));
  show("sendto b", sendto(sa, "hello", 5, 0, (struct sockaddr *)&b, blen));
  char buf[16] = {0};
  socklen_t flen = sizeof from;
  show("recvfrom", recvfrom(sb, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen));
  printf("got %s\n", buf);
  print_name("sender", &from, flen, &a, alen);
  struct sockaddr_un none;
  socklen_t nlen = make_name(&none, "nobody", abstract);
  show("sendto a missing name", sendto(sa, "x", 1, 0, (struct sockaddr *)&none, nlen));
  close(sa);
  close(sb);
  if (!abstract) {
    unlink(a.sun_path);
    unlink(b.sun_path);
  }
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_rights();
  test_credentials();
  for (int abstract = 0; abstract < 2; abstract++) {
    test_stream(SOCK_STREAM, "stream", abstract);
    test_stream(SOCK_SEQPACKET, "seqpacket", abstract);
    test_dgram(abstract);
  }
  return 0;
}
