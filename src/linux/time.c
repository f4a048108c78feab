/* Clocks and sleeps. struct timespec and struct timeval are two 64-bit
   words on both ABIs and clock ids are the same, so values pass through;
   results are built in elfrun's memory and then copied out, so that a bad
   guest pointer is EFAULT after the kernel's other checks, as on arm64. */
#include <errno.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

/* Copies *v to guest address a unless a is NULL. */
static i64 put_optional(gaddr a, const void *v, size_t n) {
  return a && copy_to_guest(a, v, n) ? -EFAULT : 0;
}

/* The host's vDSO answers without entering the kernel; clock ids are the
   same, including the dynamic CPU-time clocks of pids and threads. */
SYSCALL_HANDLER(clock_gettime) {
  (void)t;
  struct timespec ts;
  if (clock_gettime((clockid_t)arg[0], &ts) != 0) return -errno;
  return copy_to_guest(arg[1], &ts, sizeof ts) ? -EFAULT : 0;
}

SYSCALL_HANDLER(clock_getres) {
  (void)t;
  struct timespec ts;
  if (syscall(SYS_clock_getres, (clockid_t)arg[0], &ts) != 0) return -errno;
  return put_optional(arg[1], &ts, sizeof ts);
}

/* Raw call: glibc's gettimeofday zeroes the timezone instead of returning
   the kernel's sys_tz. */
SYSCALL_HANDLER(gettimeofday) {
  (void)t;
  struct timeval tv;
  struct timezone tz;
  if (syscall(SYS_gettimeofday, &tv, &tz) != 0) return -errno;
  i64 err = put_optional(arg[0], &tv, sizeof tv);
  return err ? err : put_optional(arg[1], &tz, sizeof tz);
}

/* The time left is reported only when a signal cut the sleep short. */
static i64 sleep_result(long r, gaddr rem, const struct timespec *left) {
  if (r == 0) return 0;
  int err = errno;
  if (err == EINTR && rem && copy_to_guest(rem, left, sizeof *left)) return -EFAULT;
  return -err;
}

SYSCALL_HANDLER(nanosleep) {
  (void)t;
  struct timespec req, left;
  if (copy_from_guest(&req, arg[0], sizeof req)) return -EFAULT;
  long r = syscall(SYS_nanosleep, &req, &left);
  return sleep_result(r, arg[1], &left);
}

/* An absolute sleep (TIMER_ABSTIME) has no remainder to report. */
SYSCALL_HANDLER(clock_nanosleep) {
  (void)t;
  int flags = (int)arg[1];
  struct timespec req, left;
  if (copy_from_guest(&req, arg[2], sizeof req)) return -EFAULT;
  long r = syscall(SYS_clock_nanosleep, (clockid_t)arg[0], flags, &req, &left);
  return sleep_result(r, flags & TIMER_ABSTIME ? 0 : arg[3], &left);
}
