/* Timers: setitimer/getitimer (and alarm, which aarch64 libcs build on
   setitimer), POSIX timers (timer_create with SIGEV_NONE, SIGEV_SIGNAL,
   SIGEV_THREAD_ID and the default event; timer_settime relative and
   absolute, timer_gettime, timer_getoverrun, timer_delete) and the sleeps
   they interrupt: nanosleep and clock_nanosleep, relative and
   TIMER_ABSTIME. A timer's signal either kills a child (its default action)
   or is taken with sigwaitinfo, or runs a handler that cuts a sleep short:
   EINTR even with SA_RESTART, and the time left. Times vary from run to
   run, so only their bounds are printed. Raw system calls where libc
   wrappers would hide the kernel's answer. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MS 1000000L

static const char *errname(int e) {
  switch (e) {
    case 0: return "0";             case EINVAL: return "EINVAL";
    case EFAULT: return "EFAULT";   case EINTR: return "EINTR";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-44s %s\n", what, errname(errno));
  else printf("%-44s %ld\n", what, r);
}

static long ns_of(const struct timespec *t) { return t->tv_sec * 1000000000L + t->tv_nsec; }

static const char *within(long v, long lo, long hi) { return v > lo && v <= hi ? "yes" : "no"; }

/* ---- interval timers ---- */

static void test_itimer(void) {
  puts("-- setitimer, getitimer, alarm");
  struct itimerval v = {{0, 250000}, {10, 0}}, old, now;
  show("setitimer(ITIMER_REAL, 10s every 0.25s)", syscall(SYS_setitimer, ITIMER_REAL, &v, &old));
  printf("%-44s %s\n", "old value was disarmed", !old.it_value.tv_sec && !old.it_value.tv_usec
                                                     ? "yes" : "no");
  show("getitimer(ITIMER_REAL)", syscall(SYS_getitimer, ITIMER_REAL, &now));
  long left = now.it_value.tv_sec * 1000000L + now.it_value.tv_usec;
  printf("%-44s %s\n", "value in (9s, 10s]", within(left, 9000000, 10000000));
  printf("%-44s %ld.%06ld\n", "interval", (long)now.it_interval.tv_sec,
         (long)now.it_interval.tv_usec);
  struct itimerval zero = {{0, 0}, {0, 0}};
  show("disarm, old value", syscall(SYS_setitimer, ITIMER_REAL, &zero, &old));
  printf("%-44s %s\n", "old value in (9s, 10s]",
         within(old.it_value.tv_sec * 1000000L + old.it_value.tv_usec, 9000000, 10000000));
  show("getitimer after disarm", syscall(SYS_getitimer, ITIMER_REAL, &now));
  printf("%-44s %ld %ld\n", "value", (long)now.it_value.tv_sec, (long)now.it_value.tv_usec);
  show("alarm(5)", alarm(5));
  show("alarm(0) returns what was left", alarm(0));
  show("setitimer(7, ...)", syscall(SYS_setitimer, 7, &zero, NULL));
  struct itimerval bad = {{0, 0}, {0, 1000000}};
  show("setitimer(tv_usec = 1000000)", syscall(SYS_setitimer, ITIMER_REAL, &bad, NULL));
  show("getitimer into a bad pointer", syscall(SYS_getitimer, ITIMER_REAL, (void *)8));
  show("setitimer from a bad pointer", syscall(SYS_setitimer, ITIMER_REAL, (void *)8, NULL));
}

/* A child that arms something, then sleeps or spins until it kills it. */
static void child_dies(const char *what, void (*arm)(void), int spin) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    arm();
    if (spin) for (volatile long i = 0;; i++) {}
    struct timespec ts = {5, 0};
    nanosleep(&ts, NULL);
    _exit(0);
  }
  int status = -1;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) printf("%-44s killed by %s\n", what, strsignal(WTERMSIG(status)));
  else printf("%-44s status %#x\n", what, status);
}

static void arm_real(void) {
  struct itimerval v = {{0, 0}, {0, 20000}};
  setitimer(ITIMER_REAL, &v, NULL);
}

static void arm_virtual(void) {
  struct itimerval v = {{0, 0}, {0, 20000}};
  setitimer(ITIMER_VIRTUAL, &v, NULL);
}

static void test_itimer_signals(void) {
  puts("-- their signals");
  child_dies("ITIMER_REAL, asleep", arm_real, 0);
  child_dies("ITIMER_VIRTUAL, spinning", arm_virtual, 1);
}

/* ---- POSIX timers ---- */

/* The kernel's struct sigevent (asm-generic/siginfo.h): libcs name the
   thread id field differently. */
struct ksigevent {
  union sigval value;
  int signo;
  int notify;
  union {
    int tid;
    int pad[12];
  } un;
};

static long k_timer_create(clockid_t clock, struct ksigevent *sev, timer_t *id) {
  int kid = -1;
  long r = syscall(SYS_timer_create, clock, sev, id ? (void *)&kid : (void *)8);
  if (id) *id = (timer_t)(long)kid;
  return r;
}

static long k_settime(timer_t id, int flags, const struct itimerspec *v, struct itimerspec *old) {
  return syscall(SYS_timer_settime, (int)(long)id, flags, v, old);
}

static long k_gettime(timer_t id, struct itimerspec *v) {
  return syscall(SYS_timer_gettime, (int)(long)id, v);
}

static void test_posix_timers(void) {
  puts("-- timer_create, SIGEV_NONE");
  struct ksigevent sev;
  memset(&sev, 0, sizeof sev);
  sev.notify = SIGEV_NONE;
  timer_t id;
  show("timer_create(CLOCK_MONOTONIC)", k_timer_create(CLOCK_MONOTONIC, &sev, &id));
  struct itimerspec v = {{0, 0}, {10, 0}}, old, now;
  show("timer_settime(10s)", k_settime(id, 0, &v, &old));
  printf("%-44s %s\n", "old value zero", !old.it_value.tv_sec && !old.it_value.tv_nsec
                                              ? "yes" : "no");
  show("timer_gettime", k_gettime(id, &now));
  printf("%-44s %s\n", "value in (9s, 10s]", within(ns_of(&now.it_value), 9000 * MS, 10000 * MS));
  show("timer_getoverrun", syscall(SYS_timer_getoverrun, (int)(long)id));
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  struct itimerspec past = {{0, 0}, {t.tv_sec - 1, 0}};
  show("TIMER_ABSTIME in the past", k_settime(id, TIMER_ABSTIME, &past, &old));
  printf("%-44s %s\n", "old value in (9s, 10s]", within(ns_of(&old.it_value), 9000 * MS, 10000 * MS));
  show("timer_gettime", k_gettime(id, &now));
  printf("%-44s %ld\n", "expired: value", ns_of(&now.it_value));
  show("timer_settime(NULL)", k_settime(id, 0, NULL, NULL));
  show("timer_settime(bad pointer)", k_settime(id, 0, (void *)8, NULL));
  struct itimerspec bad = {{0, 0}, {0, 1000000000}};
  show("timer_settime(tv_nsec = 1e9)", k_settime(id, 0, &bad, NULL));
  show("timer_gettime(bad pointer)", k_gettime(id, (void *)8));
  show("timer_delete", syscall(SYS_timer_delete, (int)(long)id));
  show("timer_gettime after delete", k_gettime(id, &now));
  show("timer_delete again", syscall(SYS_timer_delete, (int)(long)id));
  show("timer_getoverrun after delete", syscall(SYS_timer_getoverrun, (int)(long)id));

  puts("-- timer_create, errors");
  show("bad clock", k_timer_create(12345, &sev, &id));
  sev.notify = 7;
  show("bad sigev_notify", k_timer_create(CLOCK_MONOTONIC, &sev, &id));
  sev.notify = SIGEV_SIGNAL;
  sev.signo = 65;
  show("bad signal", k_timer_create(CLOCK_MONOTONIC, &sev, &id));
  sev.notify = SIGEV_THREAD_ID;
  sev.signo = SIGUSR1;
  sev.un.tid = 1;
  show("SIGEV_THREAD_ID, another process's tid", k_timer_create(CLOCK_MONOTONIC, &sev, &id));
  show("bad sigevent pointer", k_timer_create(CLOCK_MONOTONIC, (void *)8, &id));
  sev.notify = SIGEV_NONE;
  show("bad timer_t pointer", k_timer_create(CLOCK_MONOTONIC, &sev, NULL));
}

static void arm_posix(int notify, int sig) {
  struct ksigevent sev;
  memset(&sev, 0, sizeof sev);
  sev.notify = notify;
  sev.signo = sig;
  sev.un.tid = (int)syscall(SYS_gettid);
  timer_t id;
  k_timer_create(CLOCK_MONOTONIC, notify < 0 ? NULL : &sev, &id);
  struct itimerspec v = {{0, 0}, {0, 20 * MS}};
  k_settime(id, 0, &v, NULL);
}

static void arm_default(void) { arm_posix(-1, 0); }
static void arm_signal(void) { arm_posix(SIGEV_SIGNAL, SIGUSR1); }
static void arm_thread_id(void) { arm_posix(SIGEV_THREAD_ID, SIGUSR2); }

static void test_posix_timer_signals(void) {
  puts("-- their signals");
  child_dies("default event (SIGALRM)", arm_default, 0);
  child_dies("SIGEV_SIGNAL, SIGUSR1", arm_signal, 0);
  child_dies("SIGEV_THREAD_ID, SIGUSR2", arm_thread_id, 0);

  /* Blocked and taken with sigwaitinfo: the siginfo of a timer. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, 40);
  sigprocmask(SIG_BLOCK, &set, NULL);
  struct ksigevent sev;
  memset(&sev, 0, sizeof sev);
  sev.notify = SIGEV_SIGNAL;
  sev.signo = 40;
  sev.value.sival_int = 1234;
  timer_t id;
  k_timer_create(CLOCK_MONOTONIC, &sev, &id);
  struct itimerspec v = {{0, 1 * MS}, {0, 1 * MS}};
  k_settime(id, 0, &v, NULL);
  struct timespec ts = {0, 50 * MS};
  nanosleep(&ts, NULL);
  siginfo_t si;
  int sig = sigwaitinfo(&set, &si);
  printf("%-44s signal %d, SI_TIMER %s, value %d, overrun > 10 %s\n", "sigwaitinfo", sig,
         si.si_code == SI_TIMER ? "yes" : "no", si.si_value.sival_int,
         si.si_overrun > 10 ? "yes" : "no");
  syscall(SYS_timer_delete, (int)(long)id);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* ---- sleeps ---- */

static volatile int g_caught;
static void on_alarm(int sig) { g_caught = sig; }

static void test_sleeps(void) {
  puts("-- clock_nanosleep, nanosleep");
  struct timespec start, end, target;
  clock_gettime(CLOCK_MONOTONIC, &start);
  target = start;
  target.tv_nsec += 30 * MS;
  if (target.tv_nsec >= 1000000000L) {
    target.tv_sec++;
    target.tv_nsec -= 1000000000L;
  }
  show("clock_nanosleep(TIMER_ABSTIME, now + 30ms)",
       syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &target, NULL));
  clock_gettime(CLOCK_MONOTONIC, &end);
  printf("%-44s %s\n", "woke after the target", ns_of(&end) >= ns_of(&target) ? "yes" : "no");
  struct timespec past = {0, 0};
  show("TIMER_ABSTIME in the past", syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME,
                                            &past, NULL));
  struct timespec rel = {0, 1 * MS};
  show("clock_nanosleep(bad clock)", syscall(SYS_clock_nanosleep, 12345, 0, &rel, NULL));
  show("clock_nanosleep(CLOCK_THREAD_CPUTIME_ID)",
       syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &rel, NULL));
  struct timespec bad = {0, 1000000000L};
  show("nanosleep(tv_nsec = 1e9)", syscall(SYS_nanosleep, &bad, NULL));

  /* A handler cuts a sleep short: EINTR whatever SA_RESTART says
     (ERESTART_RESTARTBLOCK), and the time left. */
  for (int restart = 0; restart <= 1; restart++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval v = {{0, 0}, {0, 30000}};
    setitimer(ITIMER_REAL, &v, NULL);
    struct timespec req = {2, 0}, rem = {-1, -1};
    g_caught = 0;
    long r = syscall(SYS_nanosleep, &req, &rem);
    printf("%-44s %ld %s, handler ran %s, rem in (1.5s, 2s] %s\n",
           restart ? "nanosleep, SA_RESTART handler" : "nanosleep, handler", r,
           errname(r ? errno : 0), g_caught == SIGALRM ? "yes" : "no",
           within(ns_of(&rem), 1500 * MS, 2000 * MS));
    setitimer(ITIMER_REAL, &v, NULL);
    clock_gettime(CLOCK_MONOTONIC, &target);
    target.tv_sec += 2;
    rem.tv_sec = rem.tv_nsec = 7;
    r = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &target, &rem);
    printf("%-44s %ld %s, rem untouched %s\n",
           restart ? "TIMER_ABSTIME, SA_RESTART handler" : "TIMER_ABSTIME, handler", r,
           errname(r ? errno : 0), rem.tv_sec == 7 && rem.tv_nsec == 7 ? "yes" : "no");
  }
  signal(SIGALRM, SIG_DFL);
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  test_itimer();
  test_itimer_signals();
  test_posix_timers();
  test_posix_timer_signals();
  test_sleeps();
  return 0;
}
