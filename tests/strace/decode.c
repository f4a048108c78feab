/* Calls whose --strace lines tests/strace/decode.expected pins: open flags
   (including the bits whose values differ between aarch64 and x86-64),
   mmap and mprotect, sockets on AF_UNIX (path and abstract) and AF_INET,
   sendmsg/recvmsg with SCM_RIGHTS, epoll_ctl, openat2 with RESOLVE_BENEATH,
   signal masks and actions, fcntl, ppoll, failing calls with their errno
   names and bad pointers. Every call is a raw syscall(), so that glibc,
   musl and a native x86-64 build make exactly the same calls; the lines
   between the two markers (write(-1, "strace-begin"...)) are compared.
   Runs in an empty scratch directory (it creates f.txt and sock there).
   See tests/strace/run.sh and docs/strace.md. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* linux/openat2.h, which musl's headers lack; 437 on both architectures. */
struct open_how_v0 {
  uint64_t flags, mode, resolve;
};
#define RESOLVE_BENEATH_FLAG 0x08
/* linux/netlink.h's struct sockaddr_nl, also missing from musl's. */
struct sockaddr_nl_v0 {
  unsigned short nl_family, nl_pad;
  uint32_t nl_pid, nl_groups;
};
#define NETLINK_ROUTE_PROTOCOL 0

/* linux/futex.h, also missing from musl's headers. */
#define FUTEX_WAKE_PRIVATE_OP 129
#ifndef SYS_openat2
#define SYS_openat2 437
#endif

/* The kernel's struct sigaction (not glibc's): the same on both. */
struct kernel_sigaction {
  uint64_t handler, flags, restorer, mask;
};

static void marker(const char *what) { syscall(SYS_write, -1, what, strlen(what)); }

static void files(void) {
  syscall(SYS_umask, 022);
  int fd = syscall(SYS_openat, AT_FDCWD, "f.txt", O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0640);
  syscall(SYS_write, fd, "hello\n\t\001", 8);
  struct stat st;
  syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
  char statx_buf[256];
  syscall(SYS_statx, AT_FDCWD, "f.txt", AT_SYMLINK_NOFOLLOW, 0x7ff /* STATX_BASIC_STATS */,
          statx_buf);
  syscall(SYS_fcntl, fd, F_GETFD);
  syscall(SYS_fcntl, fd, F_SETFD, 0);
  syscall(SYS_close, fd);
  fd = syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  syscall(SYS_close, fd);
  syscall(SYS_openat, AT_FDCWD, "missing", O_RDONLY | 0x40000000);
  syscall(SYS_faccessat, AT_FDCWD, "f.txt", R_OK | W_OK);
  syscall(SYS_faccessat, AT_FDCWD, "missing", F_OK);
  syscall(SYS_unlinkat, AT_FDCWD, "missing", AT_REMOVEDIR);
  struct open_how_v0 how = {.flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_BENEATH_FLAG};
  syscall(SYS_openat2, AT_FDCWD, "/etc/passwd", &how, sizeof how);
}

/* Calls whose later arguments are decoded by the ones before them. */
static void dependent_arguments(void) {
  int fds[2];
  syscall(SYS_pipe2, fds, O_CLOEXEC);
  syscall(SYS_dup3, fds[0], 10, O_CLOEXEC);
  syscall(SYS_close, 10);
  syscall(SYS_close, fds[0]);
  syscall(SYS_close, fds[1]);
  int fd = syscall(SYS_openat, AT_FDCWD, "f.txt", O_RDONLY);
  syscall(SYS_lseek, fd, 0, SEEK_END);
  struct termios_like {
    char bytes[64];
  } t;
  syscall(SYS_ioctl, fd, TCGETS, &t);
  syscall(SYS_close, fd);
  int word = 0; /* on the stack: its address is masked */
  syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE_OP, 1, NULL, NULL, 0);
  syscall(SYS_prctl, PR_SET_NAME, "strace-test", 0, 0, 0);
}

static void bad_pointers(void) {
  syscall(SYS_openat, AT_FDCWD, (char *)8, O_RDONLY);
  syscall(SYS_newfstatat, AT_FDCWD, "f.txt", (void *)8, 0);
  int fd = syscall(SYS_openat, AT_FDCWD, "f.txt", O_WRONLY);
  syscall(SYS_write, fd, (void *)8, 4);
  syscall(SYS_close, fd);
  syscall(SYS_rt_sigaction, SIGUSR2, (void *)8, NULL, 8);
}

/* Structures and strings that run into an unmapped page: the copy fails
   part-way and the address is shown, as strace shows it. */
static void torn_pointers(void) {
  char *p = (char *)syscall(SYS_mmap, NULL, 8192, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  syscall(SYS_munmap, p + 4096, 4096);
  memcpy(p + 4092, "abcd", 4);
  syscall(SYS_openat, AT_FDCWD, p + 4092, O_RDONLY);
  int s = syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
  struct sockaddr_un un = {.sun_family = AF_UNIX, .sun_path = "sock"};
  memcpy(p + 4096 - 16, &un, 16);
  syscall(SYS_connect, s, p + 4096 - 16, sizeof un);
  syscall(SYS_close, s);
  syscall(SYS_munmap, p, 4096);
}

static void memory(void) {
  void *p = (void *)syscall(SYS_mmap, NULL, 8192, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  syscall(SYS_mprotect, p, 4096, PROT_READ);
  syscall(SYS_mprotect, p, 4096, PROT_NONE);
  syscall(SYS_madvise, p, 4096, MADV_DONTNEED);
  syscall(SYS_munmap, p, 8192);
}

static void unix_sockets(void) {
  int srv = syscall(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  struct sockaddr_un un = {.sun_family = AF_UNIX, .sun_path = "sock"};
  syscall(SYS_bind, srv, &un, sizeof un);
  syscall(SYS_listen, srv, 4);
  int cli = syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
  syscall(SYS_connect, cli, &un, offsetof(struct sockaddr_un, sun_path) + 5);
  struct sockaddr_un peer;
  socklen_t len = sizeof peer;
  int acc = syscall(SYS_accept4, srv, &peer, &len, 0);
  len = sizeof peer;
  syscall(SYS_getsockname, srv, &peer, &len);
  struct sockaddr_un abstract = {.sun_family = AF_UNIX, .sun_path = "\0elfrun-no-such"};
  int s = syscall(SYS_socket, AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  syscall(SYS_connect, s, &abstract, offsetof(struct sockaddr_un, sun_path) + 15);
  syscall(SYS_connect, s, (void *)8, sizeof abstract);
  syscall(SYS_close, s);
  syscall(SYS_close, acc);
  syscall(SYS_close, cli);
  syscall(SYS_close, srv);
}

static void inet_sockets(void) {
  int s = syscall(SYS_socket, AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int one = 1;
  syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  syscall(SYS_setsockopt, s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  int type;
  socklen_t type_len = sizeof type;
  syscall(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &type, &type_len);
  struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(9),
                           .sin_addr.s_addr = htonl(0x7f000001)};
  syscall(SYS_connect, s, &in, sizeof in);
  syscall(SYS_sendto, s, "ping", 4, MSG_DONTWAIT | MSG_NOSIGNAL, NULL, 0);
  /* An IPv6 address on an IPv4 socket: EAFNOSUPPORT whether or not the
     machine has IPv6 (net/ipv4/udp.c, udp_sendmsg). */
  struct sockaddr_in6 in6 = {.sin6_family = AF_INET6, .sin6_port = htons(9),
                             .sin6_addr = IN6ADDR_LOOPBACK_INIT};
  syscall(SYS_sendto, s, "x", 1, 0, &in6, sizeof in6);
  syscall(SYS_close, s);
  s = syscall(SYS_socket, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE_PROTOCOL);
  struct sockaddr_nl_v0 nl = {.nl_family = AF_NETLINK};
  syscall(SYS_bind, s, &nl, sizeof nl);
  syscall(SYS_close, s);
}

static void messages(void) {
  int sv[2];
  syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
  char data[] = "hello";
  struct iovec iov = {.iov_base = data, .iov_len = 5};
  union {
    struct cmsghdr c;
    char buf[CMSG_SPACE(sizeof(int))];
  } control;
  memset(&control, 0, sizeof control);
  struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1,
                     .msg_control = control.buf, .msg_controllen = sizeof control.buf};
  struct cmsghdr *c = CMSG_FIRSTHDR(&m);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  int zero = 0;
  memcpy(CMSG_DATA(c), &zero, sizeof zero);
  syscall(SYS_sendmsg, sv[0], &m, MSG_NOSIGNAL);

  int ep = syscall(SYS_epoll_create1, 0);
  struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 7};
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, sv[1], &ev);
  struct epoll_event ready[4];
  syscall(SYS_epoll_pwait, ep, ready, 4, 0, NULL, 8);
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, sv[1], NULL);
  syscall(SYS_close, ep);

  struct pollfd pfd = {.fd = sv[1], .events = POLLIN | POLLOUT};
  struct timespec zero_ts = {0, 0};
  syscall(SYS_ppoll, &pfd, 1, &zero_ts, NULL, 8);

  char got[16];
  struct iovec riov = {.iov_base = got, .iov_len = sizeof got};
  memset(&control, 0, sizeof control);
  struct msghdr r = {.msg_iov = &riov, .msg_iovlen = 1,
                     .msg_control = control.buf, .msg_controllen = sizeof control.buf};
  int fd = syscall(SYS_recvmsg, sv[1], &r, MSG_CMSG_CLOEXEC);
  (void)fd;
  int passed;
  memcpy(&passed, CMSG_DATA(CMSG_FIRSTHDR(&r)), sizeof passed);
  syscall(SYS_close, passed);
  struct pollfd none = {.fd = sv[1], .events = POLLIN};
  syscall(SYS_ppoll, &none, 1, &zero_ts, NULL, 8);
  syscall(SYS_close, sv[0]);
  syscall(SYS_close, sv[1]);
}

static void signals(void) {
  struct kernel_sigaction sa = {.handler = (uintptr_t)SIG_IGN, .flags = SA_RESTART,
                                .mask = 1ull << (SIGUSR2 - 1)};
  struct kernel_sigaction old;
  syscall(SYS_rt_sigaction, SIGUSR1, &sa, &old, 8);
  syscall(SYS_rt_sigaction, SIGUSR1, &old, NULL, 8);
  uint64_t set = 1ull << (SIGUSR1 - 1) | 1ull << (SIGTERM - 1), before;
  syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &before, 8);
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &before, NULL, 8);
  syscall(SYS_kill, 0, 0);
  syscall(SYS_wait4, -1, NULL, WNOHANG, NULL);
}

int main(void) {
  marker("strace-begin");
  files();
  dependent_arguments();
  bad_pointers();
  torn_pointers();
  memory();
  unix_sockets();
  inet_sockets();
  messages();
  signals();
  marker("strace-end");
  puts("done");
  return 0;
}
