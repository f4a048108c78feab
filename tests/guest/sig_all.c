/* Every signal number that can be caught is caught: 1..64 except SIGKILL
   and SIGSTOP, including 32 to 34 (reserved by glibc or musl, set here with
   the raw system call) and SIGRTMAX-1/SIGRTMAX, which qemu-aarch64 cannot
   deliver. Oracle: the same program built for x86-64 and run natively
   (signal numbers and this behaviour are the same on both). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile int caught[65];

static void on_sig(int sig) { caught[sig]++; }

/* The kernel's struct sigaction (the same on aarch64 and x86-64 but for
   SA_RESTORER, which x86-64 requires: give it glibc's own via sigaction for
   the numbers glibc allows, and skip 32/33 on x86-64). */
struct ksigaction {
  void (*handler)(int);
  unsigned long flags;
  void (*restorer)(void);
  unsigned long mask;
};

static int install(int sig) {
#if defined(__aarch64__)
  if (sig >= 32 && sig <= 34) { /* arm64 needs no restorer */
    struct ksigaction ka = {.handler = on_sig};
    return (int)syscall(SYS_rt_sigaction, sig, &ka, NULL, 8);
  }
#else
  if (sig == 32 || sig == 33) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    /* glibc refuses 32 and 33; borrow the restorer it installs for SIGUSR1 */
    sa.sa_handler = on_sig;
    sigaction(SIGUSR1, &sa, NULL);
    struct ksigaction ka;
    syscall(SYS_rt_sigaction, SIGUSR1, NULL, &ka, 8);
    return (int)syscall(SYS_rt_sigaction, sig, &ka, NULL, 8);
  }
#endif
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sig;
  return sigaction(sig, &sa, NULL);
}

int main(void) {
  int ok = 0;
  for (int sig = 1; sig <= 64; sig++) {
    if (sig == SIGKILL || sig == SIGSTOP) continue;
    if (install(sig) != 0) {
      printf("signal %d: cannot install\n", sig);
      continue;
    }
    syscall(SYS_tgkill, getpid(), gettid(), sig);
    if (caught[sig] == 1) ok++;
    else printf("signal %d: caught %d times\n", sig, caught[sig]);
  }
  printf("caught %d of 62 signals\n", ok);
  return 0;
}
