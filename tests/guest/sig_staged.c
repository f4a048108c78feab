/* A process-directed signal stays the process's until a thread takes it
   (kernel/signal.c: kill() queues on the shared pending list; a thread that
   blocks it or exits leaves it there for the others, and rt_sigpending of
   any thread shows it). Thread T unblocks SIGUSR1 and SIGUSR2, both already
   sent to the process by kill(); SIGUSR1's handler blocks SIGUSR2 (sa_mask),
   so T takes only SIGUSR1. Then:
     exit:    T leaves the handler by siglongjmp, which blocks both signals
              again, and returns (ends); the main thread must find
              SIGUSR2 still pending and receive it once it unblocks it;
     blocked: while T is still in the handler, the main thread must find
              SIGUSR2 pending and receive it when it unblocks it.
   The siginfo that arrives is still the one kill() made. Oracle: the same
   program built for x86-64, run natively (the rules are the kernel's own,
   the same on both; qemu-aarch64 keeps signals in its own queues). */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t g_main_tid;
static int g_exit_in_handler;
static sem_t g_in_handler, g_main_done;
static sigjmp_buf g_leave;
static volatile int g_usr1_where, g_usr2_where, g_usr2_code, g_usr2_from_self;

/* 1: the main thread, 2: another thread. */
static int where(void) { return syscall(SYS_gettid) == g_main_tid ? 1 : 2; }

static void on_usr1(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)si, (void)uc;
  g_usr1_where = where();
  sem_post(&g_in_handler);
  if (g_exit_in_handler) siglongjmp(g_leave, 1);
  sem_wait(&g_main_done); /* SIGUSR2 stays blocked here meanwhile */
}

static void on_usr2(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  g_usr2_where = where();
  g_usr2_code = si->si_code;
  g_usr2_from_self = si->si_pid == getpid();
}

static void *thread_t(void *arg) {
  (void)arg;
  sigset_t both;
  sigemptyset(&both);
  sigaddset(&both, SIGUSR1);
  sigaddset(&both, SIGUSR2);
  if (sigsetjmp(g_leave, 1)) return NULL; /* the mask saved: both blocked */
  pthread_sigmask(SIG_UNBLOCK, &both, NULL);
  return NULL;
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *), int also_block) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = fn;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  if (also_block) sigaddset(&sa.sa_mask, also_block);
  sigaction(sig, &sa, NULL);
}

static int pending(int sig) {
  sigset_t set;
  sigpending(&set);
  return sigismember(&set, sig);
}

static void scenario(const char *name, int exit_in_handler) {
  g_exit_in_handler = exit_in_handler;
  g_usr1_where = g_usr2_where = g_usr2_code = g_usr2_from_self = 0;
  sigset_t both, usr2;
  sigemptyset(&both);
  sigaddset(&both, SIGUSR1);
  sigaddset(&both, SIGUSR2);
  sigemptyset(&usr2);
  sigaddset(&usr2, SIGUSR2);
  pthread_sigmask(SIG_BLOCK, &both, NULL);
  kill(getpid(), SIGUSR1);
  kill(getpid(), SIGUSR2);
  pthread_t th;
  pthread_create(&th, NULL, thread_t, NULL);
  sem_wait(&g_in_handler);
  if (exit_in_handler) pthread_join(th, NULL);
  int usr1_pending = pending(SIGUSR1), usr2_pending = pending(SIGUSR2);
  pthread_sigmask(SIG_UNBLOCK, &usr2, NULL); /* delivers it before returning */
  int got = g_usr2_where;
  pthread_sigmask(SIG_BLOCK, &usr2, NULL);
  if (!exit_in_handler) {
    sem_post(&g_main_done);
    pthread_join(th, NULL);
  }
  printf("%s: SIGUSR1 taken by %s; pending in main after: SIGUSR1 %d, SIGUSR2 %d\n", name,
         g_usr1_where == 2 ? "thread" : "main", usr1_pending, usr2_pending);
  printf("%s: SIGUSR2 %s on unblocking in main (finally taken by %s), si_code %d, "
         "from this process %d\n",
         name, got == 1 ? "received" : "NOT received",
         g_usr2_where == 1 ? "main" : g_usr2_where == 2 ? "thread" : "nobody", g_usr2_code,
         g_usr2_from_self);
}

int main(void) {
  g_main_tid = (pid_t)syscall(SYS_gettid);
  sem_init(&g_in_handler, 0, 0);
  sem_init(&g_main_done, 0, 0);
  install(SIGUSR1, on_usr1, SIGUSR2);
  install(SIGUSR2, on_usr2, 0);
  scenario("exit", 1);
  scenario("blocked", 0);
  return 0;
}
