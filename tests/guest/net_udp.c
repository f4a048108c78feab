/* UDP over 127.0.0.1: sendmmsg of four datagrams (two with two iovec
   segments), recvmmsg of them with MSG_WAITFORONE and with a timeout (the
   sender's address and each msg_len), a recvmmsg that times out with
   nothing queued, sendmsg/recvmsg with IP_PKTINFO ancillary data, and
   MSG_TRUNC for a datagram larger than the buffer.
   Oracle: qemu-aarch64. See also net_tcp.c, net_unix.c. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long r) {
  if (r < 0) printf("%-40s -1 %s\n", what, errno == EAGAIN ? "EAGAIN" : errno == EINVAL ? "EINVAL" : "E?");
  else printf("%-40s %ld\n", what, r);
}

static int udp_socket(struct sockaddr_in *bound) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  bind(s, (struct sockaddr *)&a, sizeof a);
  socklen_t len = sizeof *bound;
  getsockname(s, (struct sockaddr *)bound, &len);
  return s;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sockaddr_in ra, sa;
  int r = udp_socket(&ra), s = udp_socket(&sa);
  show("connect sender to receiver", connect(s, (struct sockaddr *)&ra, sizeof ra));

  const char *words[] = {"one", "two", "three", "four"};
  struct iovec iov[6];
  struct mmsghdr out[4];
  memset(out, 0, sizeof out);
  int k = 0;
  for (int i = 0; i < 4; i++) {
    out[i].msg_hdr.msg_iov = &iov[k];
    if (i % 2) { /* two segments: the word, then "!" */
      iov[k++] = (struct iovec){(void *)words[i], strlen(words[i])};
      iov[k++] = (struct iovec){"!", 1};
      out[i].msg_hdr.msg_iovlen = 2;
    } else {
      iov[k++] = (struct iovec){(void *)words[i], strlen(words[i])};
      out[i].msg_hdr.msg_iovlen = 1;
    }
  }
  show("sendmmsg 4", sendmmsg(s, out, 4, 0));
  for (int i = 0; i < 4; i++) printf("sent msg_len[%d] %u\n", i, out[i].msg_len);

  char bufs[4][16];
  struct iovec riov[4];
  struct sockaddr_in from[4];
  struct mmsghdr in[4];
  memset(in, 0, sizeof in);
  memset(bufs, 0, sizeof bufs);
  for (int i = 0; i < 4; i++) {
    riov[i] = (struct iovec){bufs[i], sizeof bufs[i] - 1};
    in[i].msg_hdr.msg_iov = &riov[i];
    in[i].msg_hdr.msg_iovlen = 1;
    in[i].msg_hdr.msg_name = &from[i];
    in[i].msg_hdr.msg_namelen = sizeof from[i];
  }
  show("recvmmsg 2, MSG_WAITFORONE", recvmmsg(r, in, 2, MSG_WAITFORONE, NULL));
  struct timespec tmo = {5, 0};
  show("recvmmsg 2 more, timeout 5 s", recvmmsg(r, in + 2, 2, 0, &tmo));
  for (int i = 0; i < 4; i++)
    printf("msg %d: %s len %u from %s, port matches %s, namelen %u\n", i, bufs[i],
           in[i].msg_len, from[i].sin_addr.s_addr == htonl(INADDR_LOOPBACK) ? "127.0.0.1" : "?",
           from[i].sin_port == sa.sin_port ? "yes" : "no", (unsigned)in[i].msg_hdr.msg_namelen);

  show("recvmmsg MSG_DONTWAIT, nothing queued", recvmmsg(r, in, 4, MSG_DONTWAIT, NULL));
  tmo = (struct timespec){0, 20 * 1000 * 1000};
  show("recvmmsg MSG_DONTWAIT, 20 ms timeout", recvmmsg(r, in, 1, MSG_WAITFORONE | MSG_DONTWAIT, &tmo));

  /* IP_PKTINFO: the destination address comes back as ancillary data. */
  int one = 1;
  show("setsockopt IP_PKTINFO", setsockopt(r, IPPROTO_IP, IP_PKTINFO, &one, sizeof one));
  show("send", send(s, "pkt", 3, 0));
  char data[8] = {0};
  struct iovec div = {data, sizeof data - 1};
  union {
    char buf[CMSG_SPACE(sizeof(struct in_pktinfo))];
    struct cmsghdr align;
  } u;
  struct msghdr m = {.msg_iov = &div, .msg_iovlen = 1, .msg_control = u.buf,
                     .msg_controllen = sizeof u.buf};
  show("recvmsg", recvmsg(r, &m, 0));
  struct cmsghdr *c = CMSG_FIRSTHDR(&m);
  if (c && c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
    struct in_pktinfo pi;
    memcpy(&pi, CMSG_DATA(c), sizeof pi);
    printf("IP_PKTINFO: destination %s, controllen %zu\n",
           pi.ipi_addr.s_addr == htonl(INADDR_LOOPBACK) ? "127.0.0.1" : "?",
           (size_t)m.msg_controllen);
  } else {
    printf("no IP_PKTINFO\n");
  }

  show("send 10 bytes", send(s, "0123456789", 10, 0));
  memset(data, 0, sizeof data);
  m = (struct msghdr){.msg_iov = &div, .msg_iovlen = 1};
  div.iov_len = 4;
  show("recvmsg into 4 bytes", recvmsg(r, &m, 0));
  printf("got %s, MSG_TRUNC %s\n", data, (m.msg_flags & MSG_TRUNC) ? "set" : "clear");
  show("recv MSG_TRUNC reports the full size", send(s, "0123456789", 10, 0) == 10
                                                 ? recv(r, data, 2, MSG_TRUNC) : -1);
  close(r);
  close(s);
  return 0;
}
