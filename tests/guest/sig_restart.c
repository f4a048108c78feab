/* A signal interrupting read on an empty pipe: without SA_RESTART read
   fails with EINTR; with SA_RESTART it is restarted and returns the byte a
   child writes later. Also: a handler running in a thread other than the
   main one (pthread_kill), and the thread's own mask. Oracle: qemu-aarch64. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_alarm(int sig) { (void)sig; }

static volatile pid_t handler_tid;
static void on_usr2(int sig) {
  (void)sig;
  handler_tid = gettid();
}

static volatile pid_t worker_tid;
static volatile int worker_blocked;
static void *worker(void *arg) {
  (void)arg;
  worker_tid = gettid();
  /* First the handler runs here; then the signal is blocked and taken
     with sigwait instead. */
  while (handler_tid == 0) usleep(1000);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  worker_blocked = 1;
  int sig = 0;
  sigwait(&set, &sig);
  return (void *)(long)sig;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int p[2];
  if (pipe(p)) return 1;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigaction(SIGALRM, &sa, NULL);
  alarm(1);
  char c;
  ssize_t n = read(p[0], &c, 1);
  printf("read without SA_RESTART: n=%zd errno=%s\n", n, n < 0 ? strerror(errno) : "-");

  sa.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &sa, NULL);
  pid_t child = fork();
  if (child == 0) {
    sleep(2);
    if (write(p[1], "x", 1) != 1) _exit(1);
    _exit(0);
  }
  alarm(1);
  n = read(p[0], &c, 1);
  printf("read with SA_RESTART: n=%zd c=%c\n", n, n == 1 ? c : '?');
  waitpid(child, NULL, 0);

  /* pthread_kill runs the handler on the target thread. */
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr2;
  sigaction(SIGUSR2, &sa, NULL);
  pthread_t th;
  pthread_create(&th, NULL, worker, NULL);
  while (worker_tid == 0) usleep(1000);
  pthread_kill(th, SIGUSR2);
  while (handler_tid == 0) usleep(1000);
  printf("handler ran on the target thread: %s\n", handler_tid == worker_tid ? "yes" : "no");
  /* Blocked in the worker now: sigwait takes the second one. */
  while (!worker_blocked) usleep(1000);
  pthread_kill(th, SIGUSR2);
  void *got;
  pthread_join(th, &got);
  printf("sigwait in the thread returned signal %ld\n", (long)got);
  return 0;
}
