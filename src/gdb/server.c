/* --gdb: the listening socket, the one client, and the server thread that
   talks to it.

   elfrun waits for the client before the guest runs anything, stopped at
   its first instruction, as `qemu-aarch64 -g` does (gdb expects a stopped
   target when it connects). The server thread then owns the socket: while
   the guest runs it waits for a stop event or a Ctrl-C (stop.c); while the
   guest is stopped it answers packets (stub.c) until one resumes it. Its
   host signals stay blocked, but SIGSEGV and SIGBUS, which its guarded
   copies of guest memory need, so every signal meant for the guest goes
   to a guest thread. */
#include "gdb/gdb.h"

#include <errno.h>
#include <fcntl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/config.h"
#include "base/log.h"
#include "cpu/block.h"
#include "gdb/points.h"
#include "gdb/server.h"
#include "gdb/signo.h"
#include "gdb/stub.h"
#include "linux/process.h"

static struct stub g_stub;
static bool g_client_gone;

void server_forget_client(void) { __atomic_store_n(&g_client_gone, true, __ATOMIC_SEQ_CST); }

/* Moves fd to elfrun's own numbers (>= ELFRUN_FD_BASE), close-on-exec. */
static int own_fd(int fd) {
  int high = fcntl(fd, F_DUPFD_CLOEXEC, ELFRUN_FD_BASE);
  close(fd);
  return high;
}

/* The address --gdb names: "PORT" is 127.0.0.1 (loopback only), "HOST:PORT"
   a numeric IPv4 or IPv6 address ("[::1]:PORT"), or "localhost". Numeric,
   because elfrun is linked statically and glibc's resolver is not. */
static bool parse_where(const char *where, struct sockaddr_in6 *a6, struct sockaddr_in *a4,
                        bool *v6) {
  char host[128] = "127.0.0.1";
  const char *colon = strrchr(where, ':'), *port = colon ? colon + 1 : where;
  if (colon) snprintf(host, sizeof host, "%.*s", (int)(colon - where), where);
  size_t hl = strlen(host);
  if (hl >= 2 && host[0] == '[' && host[hl - 1] == ']') memmove(host, host + 1, hl - 2), host[hl - 2] = 0;
  if (!strcmp(host, "localhost")) strcpy(host, "127.0.0.1");
  char *end;
  long p = strtol(port, &end, 10);
  if (!*port || *end || p < 0 || p > 65535) return false;
  memset(a4, 0, sizeof *a4);
  memset(a6, 0, sizeof *a6);
  a4->sin_family = AF_INET;
  a4->sin_port = htons((u16)p);
  a6->sin6_family = AF_INET6;
  a6->sin6_port = htons((u16)p);
  *v6 = false;
  if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) return true;
  *v6 = true;
  return inet_pton(AF_INET6, host, &a6->sin6_addr) == 1;
}

bool gdb_where_ok(const char *where) {
  struct sockaddr_in a4;
  struct sockaddr_in6 a6;
  bool v6;
  return parse_where(where, &a6, &a4, &v6);
}

/* Listens where --gdb says; *shown gets the address, with the port the
   kernel chose if it was 0. */
static int listen_on(const char *where, char *shown, size_t shown_len) {
  struct sockaddr_in a4;
  struct sockaddr_in6 a6;
  bool v6;
  if (!parse_where(where, &a6, &a4, &v6))
    die("--gdb takes PORT or HOST:PORT with a numeric HOST, not '%s'", where);
  struct sockaddr *sa = v6 ? (struct sockaddr *)&a6 : (struct sockaddr *)&a4;
  socklen_t len = v6 ? sizeof a6 : sizeof a4;
  int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
  if (fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (fd < 0 || bind(fd, sa, len) || listen(fd, 1) || getsockname(fd, sa, &len))
    die("--gdb: cannot listen on %s: %s", where, strerror(errno));
  char host[INET6_ADDRSTRLEN];
  inet_ntop(sa->sa_family, v6 ? (void *)&a6.sin6_addr : (void *)&a4.sin_addr, host, sizeof host);
  snprintf(shown, shown_len, v6 ? "[%s]:%u" : "%s:%u", host,
           ntohs(v6 ? a6.sin6_port : a4.sin_port));
  return fd;
}

static int wait_for_client(const char *where) {
  char shown[300];
  int lfd = listen_on(where, shown, sizeof shown);
  log_msg("waiting for gdb on %s", shown);
  int fd;
  do fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) die("--gdb: accept: %s", strerror(errno));
  close(lfd);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return own_fd(fd);
}

/* Answers packets until one resumes the guest (or the client leaves). */
static enum stub_result command_loop(struct stub *s) {
  for (;;) {
    int n = rsp_read_packet(&s->rsp, s->in, sizeof s->in);
    if (n == RSP_EOF) return STUB_GONE;
    if (n == RSP_INTERRUPT) continue; /* already stopped */
    enum stub_result r = stub_handle(s, s->in, n);
    if (r != STUB_STAY) return r;
  }
}

/* While the guest runs: a stop event, or a packet (only Ctrl-C is
   expected in all-stop mode). Returns false when the client is gone. */
static bool wait_while_running(struct stub *s, struct stop_event *ev) {
  for (;;) {
    bool sock_ready = false;
    if (stop_wait_event(ev, s->rsp.fd, &sock_ready)) return true;
    int n = rsp_read_packet(&s->rsp, s->in, sizeof s->in);
    if (n == RSP_EOF) return false;
    if (n == RSP_INTERRUPT) stop_request_interrupt();
  }
}

static void *server_main(void *arg) {
  struct stub *s = arg;
  bool first = true;
  for (;;) {
    struct stop_event ev;
    bool ignored;
    /* The stop at entry comes first: the client's first packets wait for it. */
    if (first) stop_wait_event(&ev, -1, &ignored);
    else if (!wait_while_running(s, &ev)) break;
    first = false;
    stop_all(&ev);
    if (ev.kind == STOP_ENTRY) s->last = ev; /* told on '?' */
    else stub_send_stop(s, &ev);
    enum stub_result r = command_loop(s);
    if (r == STUB_GONE) break;
  }
  /* The client detached or went away: the guest runs on without it. */
  server_forget_client();
  if (!stop_is_detached()) stop_detach();
  close(s->rsp.fd);
  s->rsp.fd = -1;
  return NULL;
}

static void start_server_thread(void) {
  sigset_t mask;
  sigfillset(&mask);
  sigdelset(&mask, SIGSEGV);
  sigdelset(&mask, SIGBUS);
  pthread_attr_t attr;
  pthread_t th;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setsigmask_np(&attr, &mask);
  if (pthread_create(&th, &attr, server_main, &g_stub)) die("--gdb: cannot start its thread");
  pthread_attr_destroy(&attr);
}

void gdb_start(struct thread *main, const char *where) {
  int fd = wait_for_client(where);
  rsp_init(&g_stub.rsp, fd);
  int wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (wake < 0) die("--gdb: eventfd: %s", strerror(errno));
  stop_init(main, own_fd(wake));
  g_code_debug.breakpoint_at = points_breakpoint_at;
  code_flush_all();
  g_gdb_active = true;
  start_server_thread();
  stop_at_entry(&main->cpu);
}

static void send_final(const char *fmt, int value) {
  if (!g_gdb_active || __atomic_exchange_n(&g_client_gone, true, __ATOMIC_SEQ_CST)) return;
  char buf[16];
  snprintf(buf, sizeof buf, fmt, value);
  rsp_send_final(&g_stub.rsp, buf);
}

/* Only the forking thread lives in the child: no server thread, so no
   stops; the child's memory loses the watchpoints' protections and its
   block cache the breakpoints. The client's socket stays the parent's. */
void gdb_after_fork(void) {
  g_gdb_active = false;
  g_client_gone = true;
  stop_forget_after_fork();
  points_forget_after_fork();
  g_code_debug = (struct code_debug){0};
  code_flush_all();
  close(g_stub.rsp.fd);
}

void gdb_exit(int status) { send_final("W%02x", status & 0xff); }
void gdb_killed(int sig) { send_final("X%02x", gdb_signal_from_linux(sig)); }
