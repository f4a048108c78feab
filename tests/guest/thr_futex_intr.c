/* A futex wait interrupted by a signal, as Linux ends it: a wait without a
   timeout restarts after a SA_RESTART handler (ERESTARTSYS) and fails with
   EINTR after any other; a wait with a timeout fails with EINTR after any
   handler (ERESTART_RESTARTBLOCK).

   Deterministic: main sends the signal once the waiter sleeps on the word,
   waits for the handler to have run (the interrupted call has ended by
   then), and then either finds the waiter asleep on the word again
   (restarted: woken) or sees that the call returned. "Asleep" is counted
   with a CMP_REQUEUE of the word onto itself, which moves nobody: a waiter
   moved to another word would not stay there, since Linux's futex_wait()
   answers a spurious wake-up by queueing again on the word it was given. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* linux/futex.h (the musl toolchain has no kernel headers). */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAIT_BITSET 9

static volatile int word, waiter_tid, returned;
static volatile int handled;
static long result;
static int op;
static struct timespec timeout, *timeout_p;

static void handler(int sig) {
  (void)sig;
  handled++;
}

static void *waiter(void *arg) {
  (void)arg;
  waiter_tid = (int)syscall(SYS_gettid);
  long r = syscall(SYS_futex, &word, op, 0, timeout_p, NULL, ~0u);
  result = r < 0 ? -errno : r;
  returned = 1;
  return NULL;
}

/* True once the waiter sleeps on word, false if the call returned instead. */
static int asleep(void) {
  while (!returned) {
    if (syscall(SYS_futex, &word, FUTEX_CMP_REQUEUE, 0, INT_MAX, &word, 0) == 1) return 1;
    sched_yield();
  }
  return 0;
}

static void run(const char *name, int sa_flags, int wait_op, int timed) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = sa_flags;
  sigaction(SIGUSR1, &sa, NULL);
  handled = returned = 0;
  op = wait_op;
  timeout_p = NULL;
  if (timed) {
    timeout_p = &timeout;
    if (wait_op == FUTEX_WAIT) {
      timeout = (struct timespec){60, 0}; /* relative */
    } else {
      clock_gettime(CLOCK_MONOTONIC, &timeout); /* absolute */
      timeout.tv_sec += 60;
    }
  }
  pthread_t th;
  pthread_create(&th, NULL, waiter, NULL);
  asleep();
  syscall(SYS_tgkill, getpid(), waiter_tid, SIGUSR1);
  while (!handled) sched_yield();
  if (asleep()) { /* the wait was restarted: end it */
    while (syscall(SYS_futex, &word, FUTEX_WAKE, 1, NULL, NULL, 0) == 0) sched_yield();
  }
  pthread_join(th, NULL);
  printf("%-40s handled %d, %s\n", name, handled,
         result == -EINTR ? "EINTR" : result == 0 ? "restarted, then woken" : strerror((int)-result));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  run("WAIT, SA_RESTART", SA_RESTART, FUTEX_WAIT, 0);
  run("WAIT, no SA_RESTART", 0, FUTEX_WAIT, 0);
  run("WAIT with a timeout, SA_RESTART", SA_RESTART, FUTEX_WAIT, 1);
  run("WAIT_BITSET, SA_RESTART", SA_RESTART, FUTEX_WAIT_BITSET, 0);
  run("WAIT_BITSET with a deadline, SA_RESTART", SA_RESTART, FUTEX_WAIT_BITSET, 1);
  return 0;
}
