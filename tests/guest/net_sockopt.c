/* setsockopt/getsockopt round trips: SO_REUSEADDR, SO_KEEPALIVE,
   SO_RCVBUF (the kernel doubles what it is given: printed as > 0 and
   >= the request), TCP_NODELAY, SO_LINGER (struct linger), SO_RCVTIMEO
   and SO_SNDTIMEO (struct timeval, and a recv that times out with
   EAGAIN), SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ERROR, IP_TTL,
   IPV6_V6ONLY, SO_ATTACH_FILTER (a classic BPF program that drops every
   datagram) and the lengths the kernel writes back, a short optlen, and
   errors: ENOPROTOOPT, EINVAL (negative optlen), EFAULT (bad optval).
   Timeouts are multiples of 20 ms so that the kernel's round trip
   through jiffies gives them back exactly whatever its HZ.
   Oracle: native (net_sockopt.oracle): qemu 7.2 lacks SO_DETACH_FILTER
   (ENOPROTOOPT) and accepts a negative optlen, which Linux refuses with
   EINVAL (do_sock_setsockopt() in net/socket.c); none of these options
   differs between arm64 and x86-64 (asm-generic/socket.h on both).
   See also net_errors.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

/* linux/filter.h, which musl's headers lack. */
struct bpf_insn_classic {
  unsigned short code;
  unsigned char jt, jf;
  unsigned int k;
};
struct bpf_prog_classic {
  unsigned short len;
  struct bpf_insn_classic *filter;
};
#define BPF_RET_K 0x06

static const char *errname(int e) {
  switch (e) {
    case EBADF: return "EBADF";             case EINVAL: return "EINVAL";
    case EFAULT: return "EFAULT";           case ENOPROTOOPT: return "ENOPROTOOPT";
    case EAGAIN: return "EAGAIN";           case ENOTSOCK: return "ENOTSOCK";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r < 0) printf("%-44s -1 %s\n", what, errname(errno));
  else printf("%-44s %ld\n", what, r);
}

static void get_int(int s, int level, int name, const char *what) {
  int v = -1;
  socklen_t len = sizeof v;
  int r = getsockopt(s, level, name, &v, &len);
  if (r < 0) printf("%-44s -1 %s\n", what, errname(errno));
  else printf("%-44s %d (len %u)\n", what, v, (unsigned)len);
}

static void set_int(int s, int level, int name, int v, const char *what) {
  show(what, setsockopt(s, level, name, &v, sizeof v));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int t = socket(AF_INET, SOCK_STREAM, 0);
  get_int(t, SOL_SOCKET, SO_REUSEADDR, "SO_REUSEADDR before");
  set_int(t, SOL_SOCKET, SO_REUSEADDR, 1, "set SO_REUSEADDR 1");
  get_int(t, SOL_SOCKET, SO_REUSEADDR, "SO_REUSEADDR after");
  set_int(t, SOL_SOCKET, SO_KEEPALIVE, 1, "set SO_KEEPALIVE 1");
  get_int(t, SOL_SOCKET, SO_KEEPALIVE, "SO_KEEPALIVE after");
  get_int(t, IPPROTO_TCP, TCP_NODELAY, "TCP_NODELAY before");
  set_int(t, IPPROTO_TCP, TCP_NODELAY, 1, "set TCP_NODELAY 1");
  get_int(t, IPPROTO_TCP, TCP_NODELAY, "TCP_NODELAY after");
  get_int(t, SOL_SOCKET, SO_TYPE, "SO_TYPE (SOCK_STREAM 1)");
  get_int(t, SOL_SOCKET, SO_DOMAIN, "SO_DOMAIN (AF_INET 2)");
  get_int(t, SOL_SOCKET, SO_PROTOCOL, "SO_PROTOCOL (IPPROTO_TCP 6)");
  get_int(t, SOL_SOCKET, SO_ERROR, "SO_ERROR");
  set_int(t, IPPROTO_IP, IP_TTL, 33, "set IP_TTL 33");
  get_int(t, IPPROTO_IP, IP_TTL, "IP_TTL after");

  set_int(t, SOL_SOCKET, SO_RCVBUF, 8192, "set SO_RCVBUF 8192");
  int v = 0;
  socklen_t len = sizeof v;
  show("get SO_RCVBUF", getsockopt(t, SOL_SOCKET, SO_RCVBUF, &v, &len));
  printf("SO_RCVBUF > 0: %s, >= 8192: %s\n", v > 0 ? "yes" : "no", v >= 8192 ? "yes" : "no");

  struct linger lg = {1, 7}, lg2 = {0, 0};
  show("set SO_LINGER {1, 7}", setsockopt(t, SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
  len = sizeof lg2;
  show("get SO_LINGER", getsockopt(t, SOL_SOCKET, SO_LINGER, &lg2, &len));
  printf("linger {%d, %d} len %u\n", lg2.l_onoff, lg2.l_linger, (unsigned)len);

  int u = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  bind(u, (struct sockaddr *)&a, sizeof a);
  struct timeval tv = {0, 100000}, tv2 = {9, 9};
  show("set SO_RCVTIMEO 100 ms", setsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
  len = sizeof tv2;
  show("get SO_RCVTIMEO", getsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &tv2, &len));
  printf("timeval {%ld, %ld} len %u\n", (long)tv2.tv_sec, (long)tv2.tv_usec, (unsigned)len);
  tv.tv_sec = 3;
  show("set SO_SNDTIMEO 3.1 s", setsockopt(u, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv));
  len = sizeof tv2;
  show("get SO_SNDTIMEO", getsockopt(u, SOL_SOCKET, SO_SNDTIMEO, &tv2, &len));
  printf("timeval {%ld, %ld}\n", (long)tv2.tv_sec, (long)tv2.tv_usec);
  char buf[4];
  show("recv times out", recv(u, buf, sizeof buf, 0));

  /* A classic BPF filter returning 0 drops every datagram. */
  struct bpf_insn_classic drop[] = {{BPF_RET_K, 0, 0, 0}};
  struct bpf_prog_classic prog = {1, drop};
  show("SO_ATTACH_FILTER (drop all)", setsockopt(u, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog));
  socklen_t alen = sizeof a;
  getsockname(u, (struct sockaddr *)&a, &alen);
  int snd = socket(AF_INET, SOCK_DGRAM, 0);
  show("sendto the filtered socket", sendto(snd, "x", 1, 0, (struct sockaddr *)&a, sizeof a));
  show("recv MSG_DONTWAIT: dropped", recv(u, buf, sizeof buf, MSG_DONTWAIT));
  struct bpf_prog_classic badprog = {1, (struct bpf_insn_classic *)8};
  show("SO_ATTACH_FILTER, bad program pointer", setsockopt(u, SOL_SOCKET, SO_ATTACH_FILTER, &badprog, sizeof badprog));
  int zero = 0;
  show("SO_DETACH_FILTER", setsockopt(u, SOL_SOCKET, SO_DETACH_FILTER, &zero, sizeof zero));
  show("sendto again", sendto(snd, "y", 1, 0, (struct sockaddr *)&a, sizeof a));
  show("recv: delivered", recv(u, buf, sizeof buf, 0));

  int s6 = socket(AF_INET6, SOCK_STREAM, 0);
  set_int(s6, IPPROTO_IPV6, IPV6_V6ONLY, 1, "set IPV6_V6ONLY 1");
  get_int(s6, IPPROTO_IPV6, IPV6_V6ONLY, "IPV6_V6ONLY after");

  printf("-- lengths and errors\n");
  char small = 0x55;
  len = 1;
  show("get SO_TYPE into 1 byte", getsockopt(t, SOL_SOCKET, SO_TYPE, &small, &len));
  printf("byte %d len %u\n", small, (unsigned)len);
  len = 0;
  show("get SO_TYPE into 0 bytes", getsockopt(t, SOL_SOCKET, SO_TYPE, &v, &len));
  printf("len %u\n", (unsigned)len);
  show("setsockopt unknown option", setsockopt(t, SOL_SOCKET, 9999, &v, sizeof v));
  show("getsockopt unknown option", getsockopt(t, SOL_SOCKET, 9999, &v, &len));
  show("setsockopt short optlen", setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &v, 2));
  show("setsockopt optlen -1", setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &v, (socklen_t)-1));
  len = (socklen_t)-1;
  show("getsockopt optlen -1", getsockopt(t, SOL_SOCKET, SO_REUSEADDR, &v, &len));
  show("setsockopt bad optval", setsockopt(t, SOL_SOCKET, SO_REUSEADDR, (void *)8, 4));
  len = 4;
  show("getsockopt bad optval", getsockopt(t, SOL_SOCKET, SO_REUSEADDR, (void *)8, &len));
  show("getsockopt bad optlen", getsockopt(t, SOL_SOCKET, SO_REUSEADDR, &v, (socklen_t *)8));
  int p[2];
  pipe(p);
  show("setsockopt on a pipe", setsockopt(p[0], SOL_SOCKET, SO_REUSEADDR, &v, 4));
  show("setsockopt on fd 1000", setsockopt(1000, SOL_SOCKET, SO_REUSEADDR, &v, 4));
  return 0;
}
