/* Recording signal state: rt_sigaction (validation, the old action, flag
   and mask clean-up), rt_sigprocmask (how, SIGKILL/SIGSTOP never blocked)
   and sigaltstack (SS_DISABLE, MINSIGSTKSZ, SS_AUTODISARM). Nothing is
   delivered here: see the signal tests for that. Raw system calls with the
   kernel's structures, so that libc wrappers do not hide the kernel ABI.
   Not checked here because qemu-aarch64 7.2 (the oracle) differs from
   Linux (kernel/signal.c): flag bits outside UAPI_SA_FLAGS (cleared since
   5.11, so SA_UNSUPPORTED reads back as 0); SIGKILL and SIGSTOP in an
   action's sa_mask (dropped by do_sigaction(), kept by qemu); an action
   stored although writing the old one faults (qemu stores nothing); the
   two highest real-time signals in a mask (qemu cannot block them);
   sigaltstack below MINSIGSTKSZ (ENOMEM) and with SS_AUTODISARM (qemu:
   accepted, and EINVAL). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ESRCH: return "ESRCH";
    case EFAULT: return "EFAULT";     case EINVAL: return "EINVAL";
    case ENOMEM: return "ENOMEM";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-52s %s\n", what, errname(errno));
  else printf("%-52s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
#define BAD ((void *)1)
#define YN(x) ((x) ? "yes" : "no")

/* The kernel's struct sigaction on arm64 and its 64-bit sigset_t. */
struct ksigaction {
  void (*handler)(int);
  unsigned long flags;
  void (*restorer)(void);
  uint64_t mask;
};
#define BIT(sig) (1ull << ((sig) - 1))
#define K_SA_RESTORER 0x04000000ul

static long ksigaction(int sig, const struct ksigaction *act, struct ksigaction *old, long size) {
  return syscall(SYS_rt_sigaction, sig, act, old, size);
}

static long kprocmask(int how, const uint64_t *set, uint64_t *old, long size) {
  return syscall(SYS_rt_sigprocmask, how, set, old, size);
}

static void handler(int sig) { (void)sig; }

static void test_sigaction(void) {
  puts("-- rt_sigaction");
  struct ksigaction act = {handler, SA_SIGINFO | SA_RESTART | SA_ONSTACK, NULL,
                           BIT(SIGUSR2) | BIT(40)};
  struct ksigaction old;
  memset(&old, 0x55, sizeof old);
  SHOW(ksigaction(SIGUSR1, &act, &old, 8));
  printf("old: default handler %s, flags %#lx, mask %#llx\n", YN(old.handler == SIG_DFL),
         old.flags & ~K_SA_RESTORER, (unsigned long long)old.mask);
  SHOW(ksigaction(SIGUSR1, NULL, &old, 8));
  printf("now: our handler %s, flags %#lx, mask %#llx\n", YN(old.handler == handler),
         old.flags, (unsigned long long)old.mask);
  struct ksigaction ign = {SIG_IGN, 0, NULL, 0};
  SHOW(ksigaction(SIGUSR1, &ign, NULL, 8));
  SHOW(ksigaction(SIGUSR1, NULL, &old, 8));
  printf("now ignored: %s\n", YN(old.handler == SIG_IGN));
  SHOW(ksigaction(SIGRTMIN + 2, &act, NULL, 8));
  SHOW(ksigaction(64, &act, NULL, 8));
  SHOW(ksigaction(64, NULL, &old, 8));
  printf("signal 64 handler kept: %s\n", YN(old.handler == handler));

  SHOW(ksigaction(0, &act, NULL, 8));
  SHOW(ksigaction(65, NULL, &old, 8));
  SHOW(ksigaction(-1, NULL, &old, 8));
  SHOW(ksigaction(SIGKILL, &act, NULL, 8));
  SHOW(ksigaction(SIGSTOP, &ign, NULL, 8));
  SHOW(ksigaction(SIGKILL, NULL, &old, 8)); /* querying is allowed */
  printf("SIGKILL is default: %s\n", YN(old.handler == SIG_DFL));
  SHOW(ksigaction(SIGUSR2, &act, NULL, 4));
  SHOW(ksigaction(SIGUSR2, &act, NULL, 16));
  SHOW(ksigaction(SIGUSR2, BAD, NULL, 8));
  SHOW(ksigaction(SIGUSR2, NULL, BAD, 8));
  SHOW(ksigaction(SIGUSR2, &act, BAD, 8)); /* set, then the copy-out fails */
  SHOW(ksigaction(0, BAD, NULL, 8)); /* the action is read before the check */
}

static void test_sigprocmask(void) {
  puts("-- rt_sigprocmask");
  uint64_t old = ~0ull, set = BIT(SIGUSR1) | BIT(SIGKILL) | BIT(SIGSTOP) | BIT(40);
  SHOW(kprocmask(SIG_SETMASK, NULL, &old, 8));
  printf("initial mask %#llx\n", (unsigned long long)old);
  SHOW(kprocmask(SIG_BLOCK, &set, &old, 8));
  SHOW(kprocmask(SIG_BLOCK, NULL, &old, 8));
  printf("after SIG_BLOCK %#llx\n", (unsigned long long)old);
  set = BIT(SIGUSR2);
  SHOW(kprocmask(SIG_BLOCK, &set, NULL, 8));
  set = BIT(SIGUSR1);
  SHOW(kprocmask(SIG_UNBLOCK, &set, &old, 8));
  printf("returned the mask before: %#llx\n", (unsigned long long)old);
  SHOW(kprocmask(SIG_BLOCK, NULL, &old, 8));
  printf("after SIG_UNBLOCK %#llx\n", (unsigned long long)old);
  set = 0xffffffffull;
  SHOW(kprocmask(SIG_SETMASK, &set, NULL, 8));
  SHOW(kprocmask(SIG_SETMASK, NULL, &old, 8));
  printf("signals 1-32 but SIGKILL and SIGSTOP: %#llx\n", (unsigned long long)old);
  SHOW(kprocmask(99, &set, NULL, 8));
  SHOW(kprocmask(99, NULL, &old, 8)); /* how is ignored without a set */
  SHOW(kprocmask(SIG_SETMASK, &set, NULL, 16));
  SHOW(kprocmask(SIG_SETMASK, BAD, NULL, 8));
  set = 0;
  SHOW(kprocmask(SIG_SETMASK, &set, BAD, 8)); /* applied, then EFAULT */
  SHOW(kprocmask(SIG_SETMASK, NULL, &old, 8));
  printf("mask after the failed copy-out: %#llx\n", (unsigned long long)old);
  sigset_t libc_set;
  sigemptyset(&libc_set);
  sigaddset(&libc_set, SIGTERM);
  SHOW(sigprocmask(SIG_BLOCK, &libc_set, NULL));
  SHOW(kprocmask(SIG_BLOCK, NULL, &old, 8));
  printf("libc's sigprocmask agrees: %s\n", YN(old == BIT(SIGTERM)));
  set = 0;
  kprocmask(SIG_SETMASK, &set, NULL, 8);
}

static char g_altstack[65536];

static void test_sigaltstack(void) {
  puts("-- sigaltstack");
  stack_t old;
  memset(&old, 0x55, sizeof old);
  SHOW(syscall(SYS_sigaltstack, NULL, &old));
  printf("initial: flags %d size %zu sp null %s\n", old.ss_flags, old.ss_size, YN(!old.ss_sp));
  stack_t ss = {g_altstack, 0, 16384};
  SHOW(syscall(SYS_sigaltstack, &ss, &old));
  printf("old still disabled: %s\n", YN(old.ss_flags == SS_DISABLE));
  SHOW(syscall(SYS_sigaltstack, NULL, &old));
  printf("now: flags %d size %zu ours %s\n", old.ss_flags, old.ss_size, YN(old.ss_sp == g_altstack));
  ss.ss_size = 5120; /* arm64's MINSIGSTKSZ */
  SHOW(syscall(SYS_sigaltstack, &ss, NULL));
  ss.ss_flags = 99;
  SHOW(syscall(SYS_sigaltstack, &ss, NULL));
  ss.ss_flags = SS_ONSTACK; /* the old way to say 0 */
  SHOW(syscall(SYS_sigaltstack, &ss, NULL));
  SHOW(syscall(SYS_sigaltstack, NULL, &old));
  printf("SS_ONSTACK request: flags %d size %zu\n", old.ss_flags, old.ss_size);
  ss.ss_flags = SS_DISABLE;
  ss.ss_size = 1; /* ignored when disabling */
  SHOW(syscall(SYS_sigaltstack, &ss, NULL));
  SHOW(syscall(SYS_sigaltstack, NULL, &old));
  printf("disabled: flags %d size %zu sp null %s\n", old.ss_flags, old.ss_size, YN(!old.ss_sp));
  SHOW(syscall(SYS_sigaltstack, BAD, NULL));
  SHOW(syscall(SYS_sigaltstack, NULL, BAD));
  SHOW(syscall(SYS_sigaltstack, NULL, NULL));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_sigaction();
  test_sigprocmask();
  test_sigaltstack();
  return 0;
}
