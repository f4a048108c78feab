/* Signal delivery: handlers with siginfo, blocking and pending, a SIGSEGV
   handler that fixes the page and resumes, siglongjmp out of SIGILL, the
   alternate stack, a handler that changes the interrupted context (seen by
   the code after sigreturn), queued real-time signals, and sigsuspend.
   Expected output: qemu-aarch64. See also sig_restart.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int hits, last_sig, last_code;
static void on_usr(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  hits++;
  last_sig = sig;
  last_code = si->si_code;
}

static char *page;
static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  printf("segv sig=%d code=%d addr_ok=%d\n", sig, si->si_code, (char *)si->si_addr == page + 8);
  mprotect(page, 4096, PROT_READ | PROT_WRITE);
}

static sigjmp_buf jb;
static void on_ill(int sig) { siglongjmp(jb, sig); }

/* In a function of its own so that no local of main lives across the
   longjmp. */
static int try_udf(void) {
  signal(SIGILL, on_ill);
  int r = sigsetjmp(jb, 1);
  if (r == 0) __asm__ volatile(".inst 0x00000000"); /* udf #0 */
  return r;
}

static void on_alt(int sig) {
  int local;
  static char *alt;
  (void)sig;
  alt = (char *)&local;
  printf("on altstack: %s\n", alt > (char *)0 ? "yes" : "no");
}

static void on_ctx(int sig, siginfo_t *si, void *ucv) {
  (void)sig; (void)si;
  ucontext_t *uc = ucv;
  uc->uc_mcontext.regs[19] = 0x1234; /* modify a callee-saved register */
}

static int rt_count;
static void on_rt(int sig) { (void)sig; rt_count++; }

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_usr;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  printf("usr1 hits=%d sig=%d code=%d\n", hits, last_sig, last_code);

  /* blocked then unblocked */
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, &old);
  raise(SIGUSR1);
  printf("while blocked hits=%d\n", hits);
  sigset_t pend;
  sigpending(&pend);
  printf("pending usr1=%d\n", sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("after unblock hits=%d\n", hits);

  /* SIGSEGV handler fixes the fault and the store resumes */
  page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  page[8] = 42;
  printf("after segv page[8]=%d\n", page[8]);

  /* SIGILL, left with siglongjmp */
  printf("sigill longjmp r=%d\n", try_udf());

  /* alternate stack */
  stack_t ss = {.ss_sp = malloc(65536), .ss_size = 65536};
  sigaltstack(&ss, NULL);
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alt;
  sa.sa_flags = SA_ONSTACK;
  sigaction(SIGUSR2, &sa, NULL);
  raise(SIGUSR2);

  /* handler modifies the interrupted context */
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_ctx;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGWINCH, &sa, NULL);
  register long x19 __asm__("x19") = 7;
  __asm__ volatile("mov x0, #0\n mov x1, #0\n mov x2, #28\n mov x8, #131\n"
                   "mov x0, %1\n mov x1, %2\n svc #0"
                   : "+r"(x19) : "r"((long)getpid()), "r"((long)gettid()) : "x0", "x1", "x2", "x8", "memory");
  printf("x19 after handler=0x%lx\n", x19);

  /* real-time signals queue */
  signal(SIGRTMIN + 1, on_rt);
  sigemptyset(&set);
  sigaddset(&set, SIGRTMIN + 1);
  sigprocmask(SIG_BLOCK, &set, &old);
  for (int i = 0; i < 5; i++) {
    union sigval v = {.sival_int = i};
    sigqueue(getpid(), SIGRTMIN + 1, v);
  }
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("rt count=%d\n", rt_count);

  /* sigsuspend */
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, &old);
  hits = 0;
  kill(getpid(), SIGUSR1);
  sigset_t empty;
  sigemptyset(&empty);
  int r = sigsuspend(&empty);
  sigprocmask(SIG_SETMASK, NULL, &set);
  printf("sigsuspend r=%d errno=%s hits=%d usr1 still blocked=%d\n", r, strerror(errno), hits,
         sigismember(&set, SIGUSR1));
  return 0;
}
