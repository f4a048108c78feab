/* Time system calls: clock_gettime, clock_getres, gettimeofday, nanosleep
   and clock_nanosleep, with invalid clocks, invalid times and bad
   pointers. Times differ from run to run, so only their relations are
   printed.
   Not checked here because qemu-aarch64 7.2 (the oracle) differs from
   Linux: clock_getres into a bad pointer, nanosleep from a bad or NULL
   pointer (EFAULT on Linux, 0 under qemu). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case EINTR: return "EINTR";
    case EFAULT: return "EFAULT";     case EINVAL: return "EINVAL";
    case ENOTSUP: return "ENOTSUP";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-60s %s\n", what, errname(errno));
  else printf("%-60s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
#define BAD ((void *)1)
#define YN(x) ((x) ? "yes" : "no")

static long ns_between(const struct timespec *a, const struct timespec *b) {
  return (b->tv_sec - a->tv_sec) * 1000000000L + (b->tv_nsec - a->tv_nsec);
}

static void test_clocks(void) {
  puts("-- clock_gettime, clock_getres");
  struct timespec a, b;
  SHOW(syscall(SYS_clock_gettime, CLOCK_REALTIME, &a));
  printf("realtime after 2020: %s\n", YN(a.tv_sec > 1577836800));
  printf("nanoseconds in range: %s\n", YN(a.tv_nsec >= 0 && a.tv_nsec < 1000000000));
  SHOW(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &a));
  SHOW(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &b));
  printf("monotonic does not go back: %s\n", YN(ns_between(&a, &b) >= 0));
  static const clockid_t clocks[] = {CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE,
                                     CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME,
                                     CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID};
  for (unsigned i = 0; i < sizeof clocks / sizeof *clocks; i++) {
    long r = syscall(SYS_clock_gettime, clocks[i], &a);
    printf("clock %d: %s\n", (int)clocks[i], r == 0 ? "ok" : errname(errno));
  }
  SHOW(syscall(SYS_clock_gettime, 999, &a));
  SHOW(syscall(SYS_clock_gettime, CLOCK_REALTIME, BAD));
  SHOW(syscall(SYS_clock_gettime, CLOCK_REALTIME, NULL));
  SHOW(syscall(SYS_clock_gettime, 999, BAD)); /* the clock is checked first */

  SHOW(syscall(SYS_clock_getres, CLOCK_MONOTONIC, &a));
  printf("monotonic resolution is under a second: %s\n", YN(a.tv_sec == 0 && a.tv_nsec > 0));
  SHOW(syscall(SYS_clock_getres, CLOCK_REALTIME, NULL));
  SHOW(syscall(SYS_clock_getres, 999, &a));
}

static void test_gettimeofday(void) {
  puts("-- gettimeofday");
  struct timeval tv;
  struct timezone tz;
  struct timespec ts;
  SHOW(syscall(SYS_gettimeofday, &tv, NULL));
  syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
  printf("agrees with CLOCK_REALTIME: %s\n", YN(ts.tv_sec - tv.tv_sec <= 1 && ts.tv_sec >= tv.tv_sec));
  printf("microseconds in range: %s\n", YN(tv.tv_usec >= 0 && tv.tv_usec < 1000000));
  SHOW(syscall(SYS_gettimeofday, NULL, &tz));
  SHOW(syscall(SYS_gettimeofday, NULL, NULL));
  SHOW(syscall(SYS_gettimeofday, BAD, NULL));
  SHOW(syscall(SYS_gettimeofday, &tv, BAD));
}

static void test_sleep(void) {
  puts("-- nanosleep, clock_nanosleep");
  struct timespec a, b, req = {0, 2000000}, rem = {7, 7};
  clock_gettime(CLOCK_MONOTONIC, &a);
  SHOW(syscall(SYS_nanosleep, &req, &rem));
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("slept at least 2 ms: %s\n", YN(ns_between(&a, &b) >= 2000000));
  printf("remainder untouched when not interrupted: %s\n", YN(rem.tv_sec == 7 && rem.tv_nsec == 7));
  struct timespec bad_ns = {0, 1000000000}, neg = {-1, 0}, zero = {0, 0};
  SHOW(syscall(SYS_nanosleep, &bad_ns, NULL));
  SHOW(syscall(SYS_nanosleep, &neg, NULL));
  SHOW(syscall(SYS_nanosleep, &zero, NULL));

  clock_gettime(CLOCK_MONOTONIC, &a);
  SHOW(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, NULL));
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("slept at least 2 ms: %s\n", YN(ns_between(&a, &b) >= 2000000));
  struct timespec until = b;
  until.tv_nsec += 2000000;
  if (until.tv_nsec >= 1000000000) {
    until.tv_sec++;
    until.tv_nsec -= 1000000000;
  }
  SHOW(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL));
  clock_gettime(CLOCK_MONOTONIC, &a);
  printf("woke at or after the deadline: %s\n", YN(ns_between(&until, &a) >= 0));
  SHOW(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &zero, NULL));
  SHOW(syscall(SYS_clock_nanosleep, 999, 0, &req, NULL));
  SHOW(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &bad_ns, NULL));
  SHOW(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, BAD, NULL));
  SHOW(syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_clocks();
  test_gettimeofday();
  test_sleep();
  return 0;
}
