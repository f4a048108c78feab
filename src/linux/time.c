/* Clocks and sleeps. struct timespec and struct timeval are two 64-bit
   words on both ABIs and clock ids are the same, so values pass through;
   results are built in elfrun's memory and then copied out, so that a bad
   guest pointer is EFAULT after the kernel's other checks, as on arm64. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
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

#define NSEC_PER_SEC 1000000000L

/* a + b, saturated: `sleep infinity` asks for the largest time there is. */
static struct timespec timespec_add(struct timespec a, struct timespec b) {
  struct timespec r = {.tv_sec = a.tv_sec, .tv_nsec = a.tv_nsec + b.tv_nsec};
  if (r.tv_nsec >= NSEC_PER_SEC) r.tv_sec++, r.tv_nsec -= NSEC_PER_SEC;
  if (__builtin_add_overflow(r.tv_sec, b.tv_sec, &r.tv_sec))
    r = (struct timespec){.tv_sec = INT64_MAX, .tv_nsec = NSEC_PER_SEC - 1};
  return r;
}

/* end - now on clock, or zero once it has passed. */
static struct timespec time_left(int clock, const struct timespec *end) {
  struct timespec now, r = {0, 0};
  if (clock_gettime(clock, &now) != 0) return r;
  if (now.tv_sec > end->tv_sec || (now.tv_sec == end->tv_sec && now.tv_nsec >= end->tv_nsec))
    return r;
  r.tv_sec = end->tv_sec - now.tv_sec;
  r.tv_nsec = end->tv_nsec - now.tv_nsec;
  if (r.tv_nsec < 0) r.tv_sec--, r.tv_nsec += NSEC_PER_SEC;
  return r;
}

/* The clock a relative sleep's end is kept on: a relative CLOCK_REALTIME
   sleep does not move with clock_settime (hrtimer_init() puts it on the
   monotonic base), so its end is a CLOCK_MONOTONIC time. */
static int sleep_clock(clockid_t clock) { return clock == CLOCK_REALTIME ? CLOCK_MONOTONIC : clock; }

/* A signal ended the sleep early: report the time left (rem), and leave a
   restart block holding the sleep's absolute end, so that a restart
   (arm64: restart_syscall, when no handler runs) waits only for what was
   left, as hrtimer_nanosleep_restart() does. left is the host's answer, or
   the whole request when the signal came before the sleep began
   (safe_syscall's -ERESTARTSYS). An absolute sleep reports nothing. */
static i64 sleep_interrupted(struct thread *t, clockid_t clock, bool abs,
                             const struct timespec *req, const struct timespec *left, gaddr rem) {
  struct restart_block rb = {.fn = RESUME_NANOSLEEP, .clock = clock, .expires = *req};
  if (!abs) {
    struct timespec now;
    rb.clock = sleep_clock(clock);
    if (clock_gettime(rb.clock, &now) != 0) return -EINTR;
    rb.expires = timespec_add(now, *left);
    rb.rem = rem;
    if (rem && copy_to_guest(rem, left, sizeof *left)) return -EFAULT;
  }
  t->resume = rb;
  if (t->cpu.attention) signal_note_interrupted(t, RESTART_BLOCK, t->cpu.x[0]);
  return -EINTR;
}

static bool interrupted(long r) { return r == -EINTR || r == -A64_ERESTARTSYS; }

SYSCALL_HANDLER(nanosleep) {
  struct timespec req, left;
  if (copy_from_guest(&req, arg[0], sizeof req)) return -EFAULT;
  long r = safe_syscall(t, SYS_nanosleep, &req, &left);
  if (!interrupted(r)) return r;
  return sleep_interrupted(t, CLOCK_MONOTONIC, false, &req, r == -EINTR ? &left : &req, arg[1]);
}

SYSCALL_HANDLER(clock_nanosleep) {
  int flags = (int)arg[1];
  bool abs = flags & TIMER_ABSTIME;
  struct timespec req, left;
  if (copy_from_guest(&req, arg[2], sizeof req)) return -EFAULT;
  long r = safe_syscall(t, SYS_clock_nanosleep, (clockid_t)arg[0], flags, &req, &left);
  if (!interrupted(r)) return r;
  return sleep_interrupted(t, (clockid_t)arg[0], abs, &req, r == -EINTR ? &left : &req, arg[3]);
}

/* restart_syscall after an interrupted sleep: until its end, no longer;
   interrupted again, it leaves the same block behind. */
i64 nanosleep_resume(struct thread *t, const struct restart_block *rb) {
  long r = safe_syscall(t, SYS_clock_nanosleep, rb->clock, TIMER_ABSTIME, &rb->expires, NULL);
  if (!interrupted(r)) return r;
  if (rb->rem) {
    struct timespec left = time_left(rb->clock, &rb->expires);
    if (copy_to_guest(rb->rem, &left, sizeof left)) return -EFAULT;
  }
  t->resume = *rb;
  if (t->cpu.attention) signal_note_interrupted(t, RESTART_BLOCK, t->cpu.x[0]);
  return -EINTR;
}
