/* The sigmask argument of ppoll, pselect6 and epoll_pwait: a signal the
   program blocks, pending before the call, is unblocked by the call's
   mask, interrupts it (EINTR), and its handler runs with the call's mask
   (plus itself); once it returns, the old mask is back. A mask that keeps
   the signal blocked leaves it pending, and a call that finds a ready
   descriptor returns it without running the handler (the old mask comes
   back at once, as kernel/signal.c restore_saved_sigmask_unless() does).
   Oracle: qemu-aarch64. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

static volatile int g_runs, g_usr2_blocked_inside;

static void on_usr1(int sig) {
  (void)sig;
  sigset_t cur;
  sigprocmask(SIG_BLOCK, NULL, &cur);
  g_runs++;
  g_usr2_blocked_inside = sigismember(&cur, SIGUSR2);
}

static void report(const char *what, int r) {
  sigset_t cur, pend;
  sigprocmask(SIG_BLOCK, NULL, &cur);
  sigpending(&pend);
  printf("%-34s r=%d%s handler runs=%d usr2 blocked inside=%d | after: usr1 blocked=%d "
         "usr2 blocked=%d usr1 pending=%d\n",
         what, r, r < 0 ? (errno == EINTR ? " EINTR" : " E?") : "", g_runs,
         g_usr2_blocked_inside, sigismember(&cur, SIGUSR1), sigismember(&cur, SIGUSR2),
         sigismember(&pend, SIGUSR1));
  g_runs = 0;
  g_usr2_blocked_inside = 0;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  sigset_t usr1, only_usr2, both;
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  sigemptyset(&only_usr2);
  sigaddset(&only_usr2, SIGUSR2);
  both = only_usr2;
  sigaddset(&both, SIGUSR1);
  sigprocmask(SIG_BLOCK, &usr1, NULL);

  int p[2];
  if (pipe(p)) return 1;
  struct pollfd pf = {.fd = p[0], .events = POLLIN};
  struct timespec ten = {10, 0}, zero = {0, 0};

  raise(SIGUSR1);
  report("ppoll, mask keeps usr1 blocked", ppoll(&pf, 1, &zero, &both));
  report("ppoll, mask unblocks usr1", ppoll(&pf, 1, &ten, &only_usr2));

  raise(SIGUSR1);
  fd_set rd;
  FD_ZERO(&rd);
  FD_SET(p[0], &rd);
  report("pselect, mask unblocks usr1", pselect(p[0] + 1, &rd, NULL, NULL, &ten, &only_usr2));

  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN}, out[1];
  epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
  raise(SIGUSR1);
  report("epoll_pwait, mask unblocks usr1", epoll_pwait(ep, out, 1, 10000, &only_usr2));

  /* A ready descriptor wins over the pending signal. */
  (void)!write(p[1], "x", 1);
  raise(SIGUSR1);
  report("ppoll, fd ready", ppoll(&pf, 1, &ten, &only_usr2));
  report("epoll_pwait, fd ready", epoll_pwait(ep, out, 1, 10000, &only_usr2));
  FD_ZERO(&rd);
  FD_SET(p[0], &rd);
  report("pselect, fd ready", pselect(p[0] + 1, &rd, NULL, NULL, &ten, &only_usr2));
  /* Still pending: an empty mask now delivers it, even with timeout 0. */
  char c;
  (void)!read(p[0], &c, 1);
  sigset_t none;
  sigemptyset(&none);
  report("ppoll, timeout 0, empty mask", ppoll(&pf, 1, &zero, &none));
  report("ppoll, NULL mask", ppoll(&pf, 1, &zero, NULL));
  return 0;
}
