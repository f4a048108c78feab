/* gdb test program: two named worker threads, each blocked in read() on a
   pipe when main reaches all_ready(), where the test stops to list and
   switch threads. Then main releases them, joins them and exits 0. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int ready_pipe[2], go_pipe[2];
static volatile pid_t worker_tid;

/* Waits until thread tid sleeps in the kernel: after its "ready" byte the
   only call of a worker that can sleep is its read() of go_pipe. */
static void wait_until_sleeping(pid_t tid) {
  char path[64], stat[256];
  snprintf(path, sizeof path, "/proc/self/task/%d/stat", (int)tid);
  for (;;) {
    FILE *f = fopen(path, "r");
    if (!f) return;
    size_t n = fread(stat, 1, sizeof stat - 1, f);
    fclose(f);
    stat[n] = 0;
    char *state = strrchr(stat, ')');
    if (state && state[1] == ' ' && state[2] == 'S') return;
    sched_yield();
  }
}

static void *worker(void *arg) {
  char name[16], c;
  snprintf(name, sizeof name, "worker-%ld", (long)arg);
  pthread_setname_np(pthread_self(), name);
  worker_tid = gettid();
  if (write(ready_pipe[1], "r", 1) != 1) return NULL;
  if (read(go_pipe[0], &c, 1) != 1) return NULL;
  return arg;
}

void __attribute__((noinline)) all_ready(void) { __asm__ volatile("" ::: "memory"); }

int main(void) {
  pthread_t th[2];
  char c;
  if (pipe(ready_pipe) || pipe(go_pipe)) return 1;
  for (long i = 0; i < 2; i++) {
    pthread_create(&th[i], NULL, worker, (void *)(i + 1));
    if (read(ready_pipe[0], &c, 1) != 1) return 1; /* threads start in order */
    wait_until_sleeping(worker_tid);
  }
  all_ready();
  if (write(go_pipe[1], "gg", 2) != 2) return 1;
  long sum = 0;
  for (int i = 0; i < 2; i++) {
    void *r;
    pthread_join(th[i], &r);
    sum += (long)r;
  }
  printf("joined, sum %ld\n", sum);
  return 0;
}
