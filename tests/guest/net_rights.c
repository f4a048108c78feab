/* SCM_RIGHTS at its edges: several descriptors in one message; a control
   buffer too small for the descriptors (MSG_CTRUNC, the ones that do not
   fit are not installed); a receiver whose RLIMIT_NOFILE leaves no room
   (MSG_CTRUNC, nothing installed); a sender naming a descriptor that is
   not open (EBADF; under elfrun fd 1000 is elfrun's own, which the guest
   must see as not open) and one past the guest's limit.
   Oracle: native (tests/guest/net_rights.oracle). qemu 7.2 gets the
   truncation wrong: it receives into a buffer of its own size, so it
   installs descriptors that do not fit and never sets MSG_CTRUNC. What
   scm_detach_fds() (net/core/scm.c) does is the same on every
   architecture. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

static void show(const char *what, long r) {
  if (r < 0) printf("%-40s -1 %s\n", what, errno == EBADF ? "EBADF" : errno == EINVAL ? "EINVAL" : "E?");
  else printf("%-40s %ld\n", what, r);
}

/* Sends one byte with the n descriptors in fds. */
static long send_fds(int sock, const int *fds, int n) {
  char data = 'x';
  struct iovec iov = {&data, 1};
  union {
    char buf[CMSG_SPACE(8 * sizeof(int))];
    struct cmsghdr align;
  } u;
  memset(&u, 0, sizeof u);
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
                       .msg_controllen = CMSG_SPACE(n * sizeof(int))};
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(n * sizeof(int));
  memcpy(CMSG_DATA(c), fds, n * sizeof(int));
  return sendmsg(sock, &msg, 0);
}

/* Receives with a control buffer of room bytes; prints what came and
   closes the descriptors that did. */
static void recv_fds(int sock, size_t room) {
  char data;
  struct iovec iov = {&data, 1};
  union {
    char buf[256];
    struct cmsghdr align;
  } u;
  memset(&u, 0, sizeof u);
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
                       .msg_controllen = room};
  show("recvmsg", recvmsg(sock, &msg, 0));
  printf("  MSG_CTRUNC %s, controllen %zu\n", (msg.msg_flags & MSG_CTRUNC) ? "set" : "clear",
         (size_t)msg.msg_controllen);
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_type != SCM_RIGHTS) continue;
    int n = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
    printf("  SCM_RIGHTS with %d descriptors\n", n);
    for (int i = 0; i < n; i++) {
      int fd;
      memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
      printf("  descriptor %d open: %s\n", i, fcntl(fd, F_GETFD) >= 0 ? "yes" : "no");
      close(fd);
    }
  }
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int sv[2], p[2];
  show("socketpair", socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
  show("pipe", pipe(p));
  int three[3] = {p[0], p[1], p[0]};

  printf("-- three descriptors, room for all\n");
  show("sendmsg", send_fds(sv[0], three, 3));
  recv_fds(sv[1], CMSG_SPACE(3 * sizeof(int)));

  printf("-- three descriptors, room for one\n");
  show("sendmsg", send_fds(sv[0], three, 3));
  recv_fds(sv[1], CMSG_SPACE(sizeof(int)));

  printf("-- room for the header only\n");
  show("sendmsg", send_fds(sv[0], three, 1));
  recv_fds(sv[1], sizeof(struct cmsghdr));

  printf("-- no room in the descriptor table\n");
  struct rlimit old, rl;
  getrlimit(RLIMIT_NOFILE, &old);
  int lowest_free = dup(0);
  close(lowest_free);
  rl.rlim_cur = lowest_free; /* every descriptor below is open */
  rl.rlim_max = old.rlim_max;
  show("sendmsg", send_fds(sv[0], three, 2));
  show("setrlimit NOFILE to the lowest free", setrlimit(RLIMIT_NOFILE, &rl));
  recv_fds(sv[1], CMSG_SPACE(2 * sizeof(int)));
  show("setrlimit back", setrlimit(RLIMIT_NOFILE, &old));

  printf("-- sending descriptors that are not open\n");
  int bad[2] = {p[0], 1000};
  show("sendmsg with fd 1000", send_fds(sv[0], bad, 2));
  bad[1] = 999;
  show("sendmsg with fd 999", send_fds(sv[0], bad, 2));
  bad[1] = -1;
  show("sendmsg with fd -1", send_fds(sv[0], bad, 2));
  show("nothing was queued", recv(sv[1], bad, 1, MSG_DONTWAIT) < 0 && errno == EAGAIN ? 0 : 1);
  return 0;
}
