/* TCP over 127.0.0.1 and ::1: a forked server blocks in accept4 while
   the client connects; getsockname/getpeername on both ends (the family,
   and that the ports match, never the port numbers), send/recv both ways,
   MSG_PEEK, shutdown(SHUT_WR) seen as end of file, then a connect to a
   port nobody listens on. The listening port is chosen by the kernel
   (bind to port 0).
   Oracle: qemu-aarch64. See also net_unix.c, net_udp.c. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
  if (r < 0) printf("%-40s -1 %s\n", what, errno == ECONNREFUSED ? "ECONNREFUSED"
                                          : errno == ENOTCONN  ? "ENOTCONN"
                                          : errno == EINVAL    ? "EINVAL"
                                                               : "E?");
  else printf("%-40s %ld\n", what, r);
}

static const char *family(int f) {
  return f == AF_INET ? "AF_INET" : f == AF_INET6 ? "AF_INET6" : "?";
}

static unsigned port_of(const struct sockaddr_storage *ss) {
  if (ss->ss_family == AF_INET) return ntohs(((const struct sockaddr_in *)ss)->sin_port);
  return ntohs(((const struct sockaddr_in6 *)ss)->sin6_port);
}

static int is_loopback(const struct sockaddr_storage *ss) {
  if (ss->ss_family == AF_INET)
    return ((const struct sockaddr_in *)ss)->sin_addr.s_addr == htonl(INADDR_LOOPBACK);
  return IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)ss)->sin6_addr);
}

static void loopback(int fam, struct sockaddr_storage *ss, socklen_t *len) {
  memset(ss, 0, sizeof *ss);
  if (fam == AF_INET) {
    struct sockaddr_in *in = (struct sockaddr_in *)ss;
    in->sin_family = AF_INET;
    in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    *len = sizeof *in;
  } else {
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
    in6->sin6_family = AF_INET6;
    in6->sin6_addr = in6addr_loopback;
    *len = sizeof *in6;
  }
}

/* The child: accept one connection, answer each message in upper case,
   stop at end of file. It prints nothing, so output order is fixed. */
static void serve(int srv) {
  struct sockaddr_storage peer;
  socklen_t plen = sizeof peer;
  int c = accept4(srv, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
  if (c < 0) _exit(1);
  char buf[64];
  ssize_t n;
  while ((n = recv(c, buf, sizeof buf, 0)) > 0) {
    for (ssize_t i = 0; i < n; i++)
      if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] -= 32;
    if (send(c, buf, n, 0) != n) _exit(2);
  }
  _exit(n == 0 && plen > 0 && is_loopback(&peer) ? 0 : 3);
}

static void test_family(int fam) {
  printf("-- %s\n", family(fam));
  struct sockaddr_storage addr, got;
  socklen_t alen, glen;
  loopback(fam, &addr, &alen);
  int srv = socket(fam, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  show("setsockopt SO_REUSEADDR", setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
  show("bind port 0", bind(srv, (struct sockaddr *)&addr, alen));
  show("listen", listen(srv, 1));
  glen = sizeof got;
  show("getsockname(server)", getsockname(srv, (struct sockaddr *)&got, &glen));
  printf("server: %s, loopback %s, port chosen %s\n", family(got.ss_family),
         is_loopback(&got) ? "yes" : "no", port_of(&got) ? "yes" : "no");
  unsigned port = port_of(&got);
  addr = got;
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) serve(srv);
  close(srv);

  int cli = socket(fam, SOCK_STREAM, 0);
  show("connect", connect(cli, (struct sockaddr *)&addr, alen));
  glen = sizeof got;
  show("getpeername(client)", getpeername(cli, (struct sockaddr *)&got, &glen));
  printf("peer: %s, port matches %s, length %s\n", family(got.ss_family),
         port_of(&got) == port ? "yes" : "no", glen == alen ? "right" : "wrong");
  glen = sizeof got;
  show("getsockname(client)", getsockname(cli, (struct sockaddr *)&got, &glen));
  printf("client: %s, loopback %s, port differs %s\n", family(got.ss_family),
         is_loopback(&got) ? "yes" : "no", port_of(&got) != port ? "yes" : "no");
  show("setsockopt TCP_NODELAY", setsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));

  char buf[64] = {0};
  show("send", send(cli, "hello tcp", 9, 0));
  show("recv MSG_PEEK", recv(cli, buf, 9, MSG_PEEK | MSG_WAITALL));
  memset(buf, 0, sizeof buf);
  show("recv MSG_WAITALL", recv(cli, buf, 9, MSG_WAITALL));
  printf("got %s\n", buf);
  show("sendto (no address)", sendto(cli, "again", 5, 0, NULL, 0));
  memset(buf, 0, sizeof buf);
  show("recvfrom MSG_WAITALL", recvfrom(cli, buf, 5, MSG_WAITALL, NULL, NULL));
  printf("got %s\n", buf);
  show("shutdown(SHUT_WR)", shutdown(cli, SHUT_WR));
  show("recv at end of file", recv(cli, buf, sizeof buf, 0));
  int status;
  waitpid(pid, &status, 0);
  printf("server exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  close(cli);

  /* The port is free again once both ends are closed... but may be in
     TIME_WAIT; a fresh socket of the family, never listened on, is
     refused for sure: connect to its own port. */
  int lone = socket(fam, SOCK_STREAM, 0);
  loopback(fam, &addr, &alen);
  bind(lone, (struct sockaddr *)&addr, alen);
  glen = sizeof got;
  getsockname(lone, (struct sockaddr *)&got, &glen);
  int other = socket(fam, SOCK_STREAM, 0);
  show("connect to a port nobody listens on", connect(other, (struct sockaddr *)&got, glen));
  show("getpeername unconnected", getpeername(other, (struct sockaddr *)&got, &glen));
  close(other);
  close(lone);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_family(AF_INET);
  test_family(AF_INET6);
  return 0;
}
