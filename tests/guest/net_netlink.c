/* A NETLINK_ROUTE dump of the network interfaces (RTM_GETLINK with
   NLM_F_DUMP): bind and getsockname of a netlink socket, sendto the
   kernel, recvmsg of the multipart answer until NLMSG_DONE, and the
   loopback interface found by name ("lo") with IFF_LOOPBACK set. Only
   what every Linux machine has is printed (not how many interfaces).
   Also RTM_GETADDR for 127.0.0.1 on lo, and an error answer (NLMSG_ERROR)
   for an unknown message type.
   The structures are spelled out here because musl's headers have no
   linux/ directory; they are the kernel's (linux/netlink.h,
   linux/rtnetlink.h, linux/if_link.h), identical on arm64 and x86-64.
   Oracle: qemu-aarch64. */
#define _GNU_SOURCE
#include <errno.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NETLINK_ROUTE 0
struct nl_addr { /* struct sockaddr_nl */
  unsigned short nl_family;
  unsigned short nl_pad;
  uint32_t nl_pid;
  uint32_t nl_groups;
};
struct nl_hdr { /* struct nlmsghdr */
  uint32_t len;
  uint16_t type;
  uint16_t flags;
  uint32_t seq;
  uint32_t pid;
};
struct if_info { /* struct ifinfomsg */
  unsigned char family, pad;
  unsigned short type;
  int index;
  unsigned flags, change;
};
struct if_addr { /* struct ifaddrmsg */
  uint8_t family, prefixlen, flags, scope;
  uint32_t index;
};
struct rt_attr { /* struct rtattr */
  unsigned short len, type;
};
#define NLMSG_ERR 2
#define NLMSG_END 3
#define NLM_REQUEST 1
#define NLM_DUMP 0x300
#define RTM_GETLINK_ 18
#define RTM_NEWLINK_ 16
#define RTM_GETADDR_ 22
#define RTM_NEWADDR_ 20
#define IFLA_IFNAME_ 3
#define IFA_LOCAL_ 2
#define ALIGN4(n) (((n) + 3u) & ~3u)

static int g_lo_index;

/* Walks one received buffer; returns 1 once NLMSG_DONE was seen. */
static int walk(const char *buf, size_t n, int *found) {
  for (size_t off = 0; off + sizeof(struct nl_hdr) <= n;) {
    struct nl_hdr h;
    memcpy(&h, buf + off, sizeof h);
    if (h.len < sizeof h || h.len > n - off) return 1;
    if (h.type == NLMSG_END) return 1;
    if (h.type == NLMSG_ERR) {
      int err;
      memcpy(&err, buf + off + sizeof h, sizeof err);
      printf("NLMSG_ERROR %s\n", err == -EOPNOTSUPP ? "EOPNOTSUPP" : err == -EINVAL ? "EINVAL" : err ? "other" : "0 (ack)");
      return 1;
    }
    size_t body = off + sizeof h;
    size_t fixed = h.type == RTM_NEWLINK_ ? sizeof(struct if_info) : sizeof(struct if_addr);
    struct if_info ii;
    struct if_addr ia;
    if (h.type == RTM_NEWLINK_) memcpy(&ii, buf + body, sizeof ii);
    if (h.type == RTM_NEWADDR_) memcpy(&ia, buf + body, sizeof ia);
    for (size_t a = body + ALIGN4(fixed); a + sizeof(struct rt_attr) <= off + h.len;) {
      struct rt_attr ra;
      memcpy(&ra, buf + a, sizeof ra);
      if (ra.len < sizeof ra) break;
      const char *data = buf + a + sizeof ra;
      if (h.type == RTM_NEWLINK_ && ra.type == IFLA_IFNAME_ && !strcmp(data, "lo")) {
        printf("found \"lo\": IFF_LOOPBACK %s, IFF_UP %s, index > 0 %s\n",
               (ii.flags & IFF_LOOPBACK) ? "set" : "clear", (ii.flags & IFF_UP) ? "set" : "clear",
               ii.index > 0 ? "yes" : "no");
        g_lo_index = ii.index;
        *found = 1;
      }
      if (h.type == RTM_NEWADDR_ && ra.type == IFA_LOCAL_ && ia.family == AF_INET &&
          (int)ia.index == g_lo_index && !memcmp(data, "\x7f\0\0\1", 4)) {
        printf("found 127.0.0.1/%u on lo\n", ia.prefixlen);
        *found = 1;
      }
      a += ALIGN4(ra.len);
    }
    off += ALIGN4(h.len);
  }
  return 0;
}

/* Sends a request of type with an empty family header, reads the answer. */
static void request(int s, uint16_t type, uint16_t flags, size_t fixed, unsigned char family,
                    uint32_t seq) {
  struct {
    struct nl_hdr h;
    char body[16];
  } req;
  memset(&req, 0, sizeof req);
  req.h.len = (uint32_t)(sizeof req.h + fixed);
  req.h.type = type;
  req.h.flags = flags;
  req.h.seq = seq;
  req.body[0] = (char)family;
  struct nl_addr kernel = {AF_NETLINK, 0, 0, 0};
  long r = sendto(s, &req, req.h.len, 0, (struct sockaddr *)&kernel, sizeof kernel);
  printf("sendto type %u: %s\n", type, r == (long)req.h.len ? "all sent" : "short");
  static char buf[32768];
  int found = 0, parts = 0;
  for (;;) {
    struct nl_addr from;
    struct iovec iov = {buf, sizeof buf};
    struct msghdr m = {.msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iov,
                       .msg_iovlen = 1};
    long n = recvmsg(s, &m, 0);
    if (n <= 0) {
      printf("recvmsg failed\n");
      break;
    }
    if (parts++ == 0)
      printf("answer from the kernel: %s\n", from.nl_family == AF_NETLINK && from.nl_pid == 0 ? "yes" : "no");
    if (walk(buf, (size_t)n, &found)) break;
  }
  if (!found && type != 0x7f) printf("not found\n");
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  printf("socket(AF_NETLINK, NETLINK_ROUTE): %s\n", s >= 0 ? "ok" : "failed");
  struct nl_addr me = {AF_NETLINK, 0, 0, 0};
  printf("bind: %d\n", bind(s, (struct sockaddr *)&me, sizeof me));
  socklen_t len = sizeof me;
  printf("getsockname: %d\n", getsockname(s, (struct sockaddr *)&me, &len));
  printf("family AF_NETLINK %s, port id assigned %s, len %u\n",
         me.nl_family == AF_NETLINK ? "yes" : "no", me.nl_pid ? "yes" : "no", (unsigned)len);
  request(s, RTM_GETLINK_, NLM_REQUEST | NLM_DUMP, sizeof(struct if_info), AF_UNSPEC, 1);
  request(s, RTM_GETADDR_, NLM_REQUEST | NLM_DUMP, sizeof(struct if_addr), AF_INET, 2);
  request(s, 0x7f, NLM_REQUEST, 0, 0, 3);
  close(s);
  return 0;
}
