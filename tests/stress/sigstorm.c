/* Signal storm: a child sends 10,000 queued real-time signals, each carrying
   its sequence number, plus a stream of SIGUSR1, to a process whose 8
   threads sit in futex waits, system calls and compute loops. Real-time
   signals must arrive exactly once each (standard ones may coalesce, as on
   Linux). Prints "ok" and exits 0, or names what went wrong and exits 1.
   Run by `make stress-signals` under elfrun, 20 times. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FUTEX_WAIT_PRIVATE 128 /* no <linux/futex.h> with musl */
#define RT_COUNT 10000
#define THREADS 8

static atomic_uchar seen[RT_COUNT];
static atomic_int rt_total, dup_count, usr1_count;
static atomic_int stop;
static atomic_int futex_word;

static void on_rt(int sig, siginfo_t *si, void *uc) {
  (void)sig; (void)uc;
  int n = si->si_value.sival_int;
  if (n < 0 || n >= RT_COUNT) return;
  if (atomic_fetch_add(&seen[n], 1)) atomic_fetch_add(&dup_count, 1);
  atomic_fetch_add(&rt_total, 1);
}

static void on_usr1(int sig) { (void)sig; atomic_fetch_add(&usr1_count, 1); }

static void *worker(void *arg) {
  long kind = (long)arg % 3;
  volatile unsigned long x = 1;
  while (!atomic_load(&stop)) {
    if (kind == 0) { /* futex wait with a timeout */
      struct timespec ts = {0, 2000000};
      syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0);
    } else if (kind == 1) { /* system calls */
      getppid();
      struct timespec ts;
      clock_gettime(CLOCK_MONOTONIC, &ts);
    } else { /* compute */
      for (int i = 0; i < 10000; i++) x = x * 6364136223846793005ul + 1;
    }
  }
  return NULL;
}

static int sender(pid_t target) {
  for (int i = 0; i < RT_COUNT; i++) {
    union sigval v = {.sival_int = i};
    while (sigqueue(target, SIGRTMIN + 2, v) != 0) {
      if (errno != EAGAIN) return 1;
      sched_yield();
    }
    if (i % 10 == 0) kill(target, SIGUSR1);
  }
  return 0;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_rt;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigaction(SIGRTMIN + 2, &sa, NULL);
  sa.sa_handler = on_usr1;
  sa.sa_flags = SA_RESTART;
  sigaction(SIGUSR1, &sa, NULL);

  pthread_t th[THREADS];
  for (long i = 0; i < THREADS; i++) pthread_create(&th[i], NULL, worker, (void *)i);
  pid_t parent = getpid(), child = fork();
  if (child == 0) _exit(sender(parent));
  int status;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
  for (int waited = 0; atomic_load(&rt_total) < RT_COUNT && waited < 2000; waited++)
    usleep(10000);
  atomic_store(&stop, 1);
  for (int i = 0; i < THREADS; i++) pthread_join(th[i], NULL);

  int missing = 0;
  for (int i = 0; i < RT_COUNT; i++) missing += atomic_load(&seen[i]) == 0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) || missing || atomic_load(&dup_count) ||
      atomic_load(&usr1_count) == 0) {
    printf("FAILED: sender status %d, missing %d, duplicated %d, SIGUSR1 %d\n", status,
           missing, atomic_load(&dup_count), atomic_load(&usr1_count));
    return 1;
  }
  printf("ok\n");
  return 0;
}
