/* How threads end. One run per argument (thr_exit.args):
     group       a thread calls exit_group(5) while others compute, sleep in
                 a futex wait and in pthread_join: every thread ends;
     libc_exit   a thread calls exit(6): stdio flushed, then exit_group;
     thread      threads end with pthread_exit (the exit system call) while
                 main goes on and joins them (thr_clone.c covers the exit
                 system call made directly);
     main        main calls the exit system call (3) while a thread goes on:
                 the process lives until the last thread's exit (7), whose
                 status it ends with (the same on x86-64 natively);
     main_pthread_exit  main calls pthread_exit; the last thread to return
                 ends the process with status 0. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define FUTEX_WAIT_PRIVATE 128 /* linux/futex.h */

static volatile int forever;

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&ts, NULL);
}

static void *compute(void *arg) {
  (void)arg;
  volatile unsigned long x = 1;
  for (;;) x = x * 6364136223846793005ul + 1442695040888963407ul;
  return NULL;
}

static void *sleep_in_futex(void *arg) {
  (void)arg;
  for (;;) syscall(SYS_futex, &forever, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
  return NULL;
}

static void *group_exit(void *arg) {
  sleep_ms(20);
  printf("thread: calling %s\n", arg ? "exit(6)" : "exit_group(5)");
  if (arg) exit(6);
  syscall(SYS_exit_group, 5);
  return NULL;
}

static void run_group(int libc) {
  pthread_t th[4];
  pthread_create(&th[0], NULL, compute, NULL);
  pthread_create(&th[1], NULL, compute, NULL);
  pthread_create(&th[2], NULL, sleep_in_futex, NULL);
  pthread_create(&th[3], NULL, group_exit, libc ? "libc" : NULL);
  pthread_join(th[0], NULL);
  printf("main: not reached\n");
}

static void *thread_exit(void *arg) {
  long i = (long)arg;
  if (i % 2) sleep_ms(5);
  pthread_exit((void *)(9 + i)); /* the exit system call, after libc's cleanup */
}

static void run_thread(void) {
  pthread_t th[8];
  for (long i = 0; i < 8; i++) pthread_create(&th[i], NULL, thread_exit, (void *)i);
  long sum = 0;
  for (int i = 0; i < 8; i++) {
    void *ret;
    pthread_join(th[i], &ret);
    sum += (long)ret;
  }
  printf("main: joined 8 threads that called pthread_exit, values sum to %ld\n", sum);
  volatile unsigned long x = 1;
  for (int i = 0; i < 100000; i++) x = x * 6364136223846793005ul + 1;
  printf("main: still running alone\n");
}

static void *outlive_main(void *arg) {
  (void)arg;
  sleep_ms(50);
  printf("thread: outlived main\n");
  if (!strcmp(arg ? arg : "", "return")) return NULL;
  syscall(SYS_exit, 7);
  return NULL;
}

static void run_main(int use_pthread_exit) {
  pthread_t th;
  pthread_create(&th, NULL, outlive_main, use_pthread_exit ? "return" : NULL);
  printf("main: leaving\n");
  if (use_pthread_exit) pthread_exit(NULL);
  syscall(SYS_exit, 3);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  const char *what = argc > 1 ? argv[1] : "";
  if (!strcmp(what, "group")) run_group(0);
  else if (!strcmp(what, "libc_exit")) run_group(1);
  else if (!strcmp(what, "thread")) run_thread();
  else if (!strcmp(what, "main")) run_main(0);
  else if (!strcmp(what, "main_pthread_exit")) run_main(1);
  else return 2;
  return 0;
}
