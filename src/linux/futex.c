/* futex and futex_waitv.

   Guest addresses are host addresses and guest tids are host tids, so each
   futex operation is the host kernel's own, run on the guest's words:
   waiters and wakers in different guest threads (or processes, for shared
   futexes) meet in the host's futex hash, and the PI operations store and
   check real owner tids. elfrun checks that every word lies in the guest
   window, so that the kernel never touches elfrun's own memory, copies the
   timeout out of guest memory, and sends the operations that sleep through
   safe_syscall so that a guest signal interrupts them. Operation codes,
   FUTEX_WAKE_OP's encoding, struct timespec and struct futex_waitv are the
   same on arm64 and x86-64 (include/uapi/linux/futex.h). */
#include <errno.h>
#include <linux/futex.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/safe_syscall.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

#define NSEC_PER_SEC 1000000000L

/* What do_futex() needs to know about each operation. */
struct futex_cmd {
  bool known;
  bool timeout;     /* argument 3 is a struct timespec, else the count val2 */
  bool second_word; /* uaddr2 is used */
  enum restart_kind restart; /* RESTART_NONE: never sleeps */
};

/* A sleep with a timeout ends in ERESTART_RESTARTBLOCK instead: see
   restart_kind(). LOCK_PI and the requeue-PI wait answer ERESTARTNOINTR. */
static const struct futex_cmd kCmds[] = {
    [FUTEX_WAIT] = {.known = true, .timeout = true, .restart = RESTART_SYS},
    [FUTEX_WAKE] = {.known = true},
    [FUTEX_REQUEUE] = {.known = true, .second_word = true},
    [FUTEX_CMP_REQUEUE] = {.known = true, .second_word = true},
    [FUTEX_WAKE_OP] = {.known = true, .second_word = true},
    [FUTEX_LOCK_PI] = {.known = true, .timeout = true, .restart = RESTART_NOINTR},
    [FUTEX_UNLOCK_PI] = {.known = true},
    [FUTEX_TRYLOCK_PI] = {.known = true},
    [FUTEX_WAIT_BITSET] = {.known = true, .timeout = true, .restart = RESTART_SYS},
    [FUTEX_WAKE_BITSET] = {.known = true},
    [FUTEX_WAIT_REQUEUE_PI] = {.known = true, .timeout = true, .second_word = true,
                               .restart = RESTART_NOINTR},
    [FUTEX_CMP_REQUEUE_PI] = {.known = true, .second_word = true},
    [FUTEX_LOCK_PI2] = {.known = true, .timeout = true, .restart = RESTART_NOINTR},
};

/* A word the host kernel may be given: one in the window; one below it,
   where neither the guest nor elfrun has anything mapped, so the host
   answers as arm64 would for unmapped memory (EFAULT where the value is
   read, nothing for a private wake-up that reads none: FUTEX_WAKE on NULL
   is 0); or a misaligned one, which get_futex_key() refuses (EINVAL)
   before any access. Above the window lies elfrun's own memory: EFAULT. */
static bool word_ok(gaddr a) {
  return (a & 3) || a < GUEST_BASE || guest_ptr_ok(a, sizeof(u32));
}

/* timespec64_valid(), as futex_init_timeout() checks it. */
static bool timespec_ok(const struct timespec *ts) {
  return ts->tv_sec >= 0 && (unsigned long)ts->tv_nsec < NSEC_PER_SEC;
}

/* Reads and checks a guest timeout: 0, -EFAULT or -EINVAL. */
static int get_timeout(struct timespec *ts, gaddr src) {
  if (copy_from_guest(ts, src, sizeof *ts)) return -EFAULT;
  return timespec_ok(ts) ? 0 : -EINVAL;
}

/* futex_wait() with a timeout returns ERESTART_RESTARTBLOCK: EINTR when a
   handler runs, a restart (of the remaining time) when none does: the
   restart block (futex_wait_restart()) holds the absolute end. */
static enum restart_kind restart_kind(const struct futex_cmd *c, bool timed) {
  return c->restart == RESTART_SYS && timed ? RESTART_BLOCK : c->restart;
}

/* The restart block of a timed wait: FUTEX_WAIT's relative timeout counts
   from now on CLOCK_MONOTONIC; FUTEX_WAIT_BITSET's is absolute already,
   on CLOCK_REALTIME with FUTEX_CLOCK_REALTIME. */
static struct restart_block wait_block(u32 cmd, int op, const u64 *arg, const struct timespec *ts) {
  struct restart_block rb = {
      .fn = RESUME_FUTEX_WAIT,
      .clock = op & FUTEX_CLOCK_REALTIME ? CLOCK_REALTIME : CLOCK_MONOTONIC,
      .expires = *ts,
      .uaddr = arg[0],
      .val = (u32)arg[2],
      .bitset = cmd == FUTEX_WAIT ? FUTEX_BITSET_MATCH_ANY : (u32)arg[5],
      .op_flags = op & (FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME),
  };
  if (cmd == FUTEX_WAIT) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    rb.expires.tv_nsec += now.tv_nsec;
    if (rb.expires.tv_nsec >= 1000000000L) rb.expires.tv_sec++, rb.expires.tv_nsec -= 1000000000L;
    if (__builtin_add_overflow(rb.expires.tv_sec, now.tv_sec, &rb.expires.tv_sec))
      rb.expires = (struct timespec){.tv_sec = INT64_MAX, .tv_nsec = 999999999L}; /* forever */
  }
  return rb;
}

/* A sleep a guest signal cut short becomes EINTR or a restart, settled
   when the signal is delivered. */
static i64 settle(struct thread *t, long r, enum restart_kind kind, u64 orig_x0) {
  if (r != -EINTR && r != -A64_ERESTARTSYS) return r;
  if (t->cpu.attention) signal_note_interrupted(t, kind, orig_x0);
  return -EINTR;
}

/* sys_futex() and do_futex(): the timeout is read first, then the command
   and the FUTEX_CLOCK_REALTIME combination are checked, then the words. */
SYSCALL_HANDLER(futex) {
  gaddr uaddr = arg[0], uaddr2 = arg[4];
  int op = (int)arg[1];
  u32 cmd = (u32)op & ~(u32)(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  const struct futex_cmd *c = cmd < ARRAY_LEN(kCmds) && kCmds[cmd].known ? &kCmds[cmd] : NULL;
  struct timespec ts, *tp = NULL;
  if (c && c->timeout && arg[3]) {
    int err = get_timeout(&ts, arg[3]);
    if (err) return err;
    tp = &ts;
  }
  if (!c) return -ENOSYS;
  if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET &&
      cmd != FUTEX_WAIT_REQUEUE_PI && cmd != FUTEX_LOCK_PI2)
    return -ENOSYS;
  if (!word_ok(uaddr) || (c->second_word && !word_ok(uaddr2))) return -EFAULT;
  long val = (u32)arg[2], a3 = c->timeout ? (long)tp : (long)arg[3], val3 = (u32)arg[5];
  if (c->restart == RESTART_NONE)
    return host_result(syscall(SYS_futex, uaddr, (long)op, val, a3, uaddr2, val3));
  bool timed_wait = tp && restart_kind(c, true) == RESTART_BLOCK;
  struct restart_block rb = {.fn = RESUME_NONE};
  if (timed_wait) rb = wait_block(cmd, op, arg, tp);
  long r = safe_syscall(t, SYS_futex, uaddr, op, val, a3, uaddr2, val3);
  if (timed_wait && (r == -EINTR || r == -A64_ERESTARTSYS)) t->resume = rb;
  return settle(t, r, restart_kind(c, tp != NULL), arg[0]);
}

/* restart_syscall after an interrupted timed wait: the same word and
   value until the same end (futex_wait_restart()). */
i64 futex_wait_resume(struct thread *t, const struct restart_block *rb) {
  if (!word_ok(rb->uaddr)) return -EFAULT;
  long r = safe_syscall(t, SYS_futex, rb->uaddr, FUTEX_WAIT_BITSET | rb->op_flags, (long)rb->val,
                        &rb->expires, 0, (long)rb->bitset);
  if (r == -EINTR || r == -A64_ERESTARTSYS) t->resume = *rb;
  return settle(t, r, RESTART_BLOCK, t->cpu.x[0]);
}

/* sys_futex_waitv(): flags, count and clock are checked before the timeout,
   the timeout before the waiters. The host reads its own copy of the
   array; the words it names are the guest's. */
SYSCALL_HANDLER(futex_waitv) {
  u32 nr = (u32)arg[1];
  int clockid = (int)arg[4];
  if (arg[2]) return -EINVAL; /* flags: none defined */
  if (!nr || nr > FUTEX_WAITV_MAX || !arg[0]) return -EINVAL;
  struct timespec ts, *tp = NULL;
  if (arg[3]) {
    if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC) return -EINVAL;
    int err = get_timeout(&ts, arg[3]);
    if (err) return err;
    tp = &ts;
  }
  struct futex_waitv w[FUTEX_WAITV_MAX];
  if (copy_from_guest(w, arg[0], nr * sizeof w[0])) return -EFAULT;
  for (u32 i = 0; i < nr; i++)
    if (!word_ok(w[i].uaddr)) return -EFAULT;
  return safe_syscall(t, SYS_futex_waitv, w, nr, 0, tp, clockid);
}
