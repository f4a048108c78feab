/* epoll: many descriptors, level- and edge-triggered readiness, ONESHOT,
   MOD and DEL, the 64-bit data word (arm64's struct epoll_event has it at
   offset 8, x86-64's packed one at 4: elfrun translates both ways), the
   wait's sigmask argument, and the error paths.
   Oracle: qemu-aarch64. Output has no descriptor numbers.
   See also io_sigmask.c (signals during the wait) and io_epoll2.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#define NPIPES 40

static const char *errname(int e) {
  switch (e) {
    case EBADF: return "EBADF";   case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL"; case EEXIST: return "EEXIST";
    case ENOENT: return "ENOENT"; case EPERM: return "EPERM";
    case ELOOP: return "ELOOP";   case EINTR: return "EINTR";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-40s %s\n", what, errname(errno));
  else printf("%-40s %ld\n", what, r);
}

static int g_pipes[NPIPES][2];

static uint64_t tag(int i) { return 0x1122334455660000ull + (uint64_t)i; }

/* Ready events sorted by data so the order does not matter. */
static void print_ready(const char *what, struct epoll_event *ev, int n) {
  uint64_t seen[NPIPES * 2];
  uint32_t evs[NPIPES * 2];
  for (int i = 0; i < n; i++) {
    seen[i] = ev[i].data.u64;
    evs[i] = ev[i].events;
  }
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && seen[j - 1] > seen[j]; j--) {
      uint64_t s = seen[j]; seen[j] = seen[j - 1]; seen[j - 1] = s;
      uint32_t e = evs[j]; evs[j] = evs[j - 1]; evs[j - 1] = e;
    }
  printf("%s: %d ready:", what, n);
  for (int i = 0; i < n; i++) printf(" %llx/%x", (unsigned long long)seen[i], evs[i]);
  printf("\n");
}

static int wait_now(int ep, const char *what) {
  struct epoll_event ev[NPIPES * 2];
  memset(ev, 0xa5, sizeof ev);
  int n = epoll_wait(ep, ev, NPIPES * 2, 0);
  if (n < 0) show(what, n);
  else print_ready(what, ev, n);
  return n;
}

static void test_level_and_edge(void) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  show("epoll_create1", ep >= 0);
  for (int i = 0; i < NPIPES; i++) {
    if (pipe2(g_pipes[i], O_NONBLOCK)) return;
    struct epoll_event ev = {.events = EPOLLIN | (i % 2 ? EPOLLET : 0), .data.u64 = tag(i)};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, g_pipes[i][0], &ev)) show("add", -1);
  }
  wait_now(ep, "none written");
  for (int i = 0; i < NPIPES; i += 3) (void)!write(g_pipes[i][1], "x", 1);
  wait_now(ep, "every third written");
  /* Level-triggered ones (even) stay ready; edge-triggered ones (odd) are
     reported once until new data arrives. */
  wait_now(ep, "again, nothing read");
  (void)!write(g_pipes[3][1], "y", 1);
  wait_now(ep, "one more byte to 3 (edge)");
  char buf[8];
  for (int i = 0; i < NPIPES; i += 3) (void)!read(g_pipes[i][0], buf, sizeof buf);
  wait_now(ep, "all drained");

  /* maxevents smaller than the ready set: the rest wait for the next call. */
  for (int i = 0; i < NPIPES; i += 2) (void)!write(g_pipes[i][1], "z", 1);
  struct epoll_event few[4];
  int n = epoll_wait(ep, few, 4, 0);
  show("maxevents 4 of 20 ready", n);
  for (int i = 0; i < NPIPES; i += 2) (void)!read(g_pipes[i][0], buf, sizeof buf);

  /* MOD to ONESHOT|OUT on a write end, then DEL. */
  struct epoll_event ev = {.events = EPOLLOUT | EPOLLONESHOT, .data.u64 = 0xfeedfacecafebeefull};
  show("add write end oneshot", epoll_ctl(ep, EPOLL_CTL_ADD, g_pipes[0][1], &ev));
  wait_now(ep, "oneshot armed");
  wait_now(ep, "oneshot spent");
  ev.events = EPOLLOUT;
  ev.data.u64 = 0x8000000000000001ull;
  show("mod rearms", epoll_ctl(ep, EPOLL_CTL_MOD, g_pipes[0][1], &ev));
  wait_now(ep, "after mod");
  show("del (NULL event)", epoll_ctl(ep, EPOLL_CTL_DEL, g_pipes[0][1], NULL));
  show("del again", epoll_ctl(ep, EPOLL_CTL_DEL, g_pipes[0][1], NULL));
  show("add twice", epoll_ctl(ep, EPOLL_CTL_ADD, g_pipes[1][0], &ev));
  show("mod unknown fd", epoll_ctl(ep, EPOLL_CTL_MOD, g_pipes[0][1], &ev));

  /* The guest's 16-byte layout: events at 0, data at 8, nothing packed. */
  (void)!write(g_pipes[5][1], "q", 1);
  unsigned char raw[16 * 2];
  memset(raw, 0xcc, sizeof raw);
  n = epoll_wait(ep, (struct epoll_event *)raw, 2, 0);
  printf("raw event: n=%d events=%02x data=", n, raw[0]);
  for (int i = 15; i >= 8; i--) printf("%02x", raw[i]);
  printf(" second untouched=%d\n", raw[16] == 0xcc);
  printf("sizeof(struct epoll_event)=%zu\n", sizeof(struct epoll_event));
  close(ep);
}

/* Hidden from the compiler, which would warn about them. */
static volatile int g_minus_one = -1;
static struct epoll_event *volatile g_bad_events = (void *)8;

static void test_errors(void) {
  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN}, out[2];
  show("create1 bad flags", epoll_create1(1));
  show("ctl bad event pointer", epoll_ctl(ep, EPOLL_CTL_ADD, g_pipes[2][0], (void *)8));
  show("ctl bad epfd", epoll_ctl(999, EPOLL_CTL_ADD, g_pipes[2][0], &ev));
  show("ctl bad fd", epoll_ctl(ep, EPOLL_CTL_ADD, 999, &ev));
  show("ctl epfd itself", epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev));
  show("ctl not epoll", epoll_ctl(g_pipes[2][0], EPOLL_CTL_ADD, g_pipes[2][1], &ev));
  show("ctl bad op", epoll_ctl(ep, 99, g_pipes[2][0], &ev));
  show("ctl regular file", epoll_ctl(ep, EPOLL_CTL_ADD, open("/proc/self/exe", O_RDONLY), &ev));
  show("wait maxevents 0", epoll_wait(ep, out, 0, 0));
  show("wait maxevents -1", epoll_wait(ep, out, g_minus_one, 0));
  show("wait bad buffer", epoll_wait(ep, g_bad_events, 2, 0));
  show("wait bad epfd", epoll_wait(999, out, 2, 0));
  show("wait not epoll", epoll_wait(g_pipes[2][0], out, 2, 0));
  sigset_t set;
  sigemptyset(&set);
  show("pwait empty mask, timeout 0", epoll_pwait(ep, out, 2, 0, &set));
  show("pwait bad mask", epoll_pwait(ep, out, 2, 0, (void *)8));
  close(ep);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_level_and_edge();
  test_errors();
  return 0;
}
