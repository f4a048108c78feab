/* Clocks and sleeps. struct timespec and struct timeval are two 64-bit
   words on both ABIs and clock ids are the same, so values pass through;
   results are built in elfrun's memory and then copied out, so that a bad
   guest pointer is EFAULT after the kernel's other checks, as on arm64. */
#include <errno.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "linux/safe_syscall.h"
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

/* What a relative sleep reports when a signal ends it early: the time
   left, or all of it when the signal was there before the sleep began
   (safe_syscall's -ERESTARTSYS). An absolute sleep reports nothing. Either
   way svc.c then settles EINTR or a restart (NOHAND: only when no handler
   runs, as Linux's ERESTART_RESTARTBLOCK). */
static i64 sleep_result(long r, gaddr rem, const struct timespec *req,
                        const struct timespec *left) {
  const struct timespec *report = r == -EINTR ? left : r == -A64_ERESTARTSYS ? req : NULL;
  if (report && rem && copy_to_guest(rem, report, sizeof *report)) return -EFAULT;
  return r;
}

SYSCALL_HANDLER(nanosleep) {
  struct timespec req, left;
  if (copy_from_guest(&req, arg[0], sizeof req)) return -EFAULT;
  long r = safe_syscall(t, SYS_nanosleep, &req, &left);
  return sleep_result(r, arg[1], &req, &left);
}

SYSCALL_HANDLER(clock_nanosleep) {
  int flags = (int)arg[1];
  struct timespec req, left;
  if (copy_from_guest(&req, arg[2], sizeof req)) return -EFAULT;
  long r = safe_syscall(t, SYS_clock_nanosleep, (clockid_t)arg[0], flags, &req, &left);
  return sleep_result(r, flags & TIMER_ABSTIME ? 0 : arg[3], &req, &left);
}
