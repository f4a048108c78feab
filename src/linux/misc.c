/* The rest of process and thread state: resource limits and usage,
   sysinfo, getrandom, scheduling queries, prctl, and set_tid_address
   (robust lists are in robust.c).

   Two resource limits are the guest's own, never the host's: RLIMIT_NOFILE
   (see fd.h) and RLIMIT_AS, since elfrun's reserved guest window alone is
   64 TiB of host address space and any finite host limit would make every
   later host mapping fail. elfrun records RLIMIT_AS without enforcing it.
   Every other limit is the host's. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/fd.h"
#include "linux/process.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

/* MAX_RW_COUNT: the most any single read or write moves. */
#define MAX_RW_COUNT (INT_MAX & ~(int)(GUEST_PAGE - 1))
#define GRND_KNOWN 0x7 /* GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE */
#define GRND_RANDOM_INSECURE 0x6
#define TASK_COMM_LEN 16

/* ---- resource limits ---- */

static pthread_mutex_t g_as_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rlimit g_as; /* the guest's RLIMIT_AS, once read */
static bool g_as_ready;

/* The guest starts with the host's value. */
static void as_init_locked(void) {
  if (g_as_ready) return;
  g_as.rlim_cur = g_as.rlim_max = RLIM_INFINITY;
  getrlimit(RLIMIT_AS, &g_as);
  g_as_ready = true;
}

static void as_get(struct rlimit *out) {
  pthread_mutex_lock(&g_as_lock);
  as_init_locked();
  *out = g_as;
  pthread_mutex_unlock(&g_as_lock);
}

/* As for RLIMIT_NOFILE, a hard limit once lowered stays lowered. */
static int as_set(const struct rlimit *in) {
  if (in->rlim_cur > in->rlim_max) return -EINVAL;
  pthread_mutex_lock(&g_as_lock);
  as_init_locked();
  int ret = in->rlim_max > g_as.rlim_max ? -EPERM : 0;
  if (!ret) g_as = *in;
  pthread_mutex_unlock(&g_as_lock);
  return ret;
}

/* do_prlimit() for the calling process: old gets the value from before
   the change; a failed change leaves old unwritten. */
static int self_prlimit(u32 res, const struct rlimit *new_rl, struct rlimit *old) {
  if (res >= RLIM_NLIMITS) return -EINVAL;
  if (res == RLIMIT_NOFILE) {
    if (old) fd_get_nofile(old);
    return new_rl ? fd_set_nofile(new_rl) : 0;
  }
  if (res == RLIMIT_AS) {
    if (old) as_get(old);
    return new_rl ? as_set(new_rl) : 0;
  }
  return syscall(SYS_prlimit64, 0, res, new_rl, old) ? -errno : 0;
}

/* A pid that find_task_by_vpid() would resolve to the caller. */
static bool is_self(const struct thread *t, i32 pid) {
  return pid == 0 || pid == t->tid || pid == getpid();
}

/* sys_prlimit64(): the new value is read first, the old one written only
   if everything succeeded. Another process's limits are the host's. */
SYSCALL_HANDLER(prlimit64) {
  i32 pid = (i32)arg[0];
  u32 res = (u32)arg[1];
  struct rlimit new_rl, old;
  struct rlimit *np = arg[2] ? &new_rl : NULL, *op = arg[3] ? &old : NULL;
  if (np && copy_from_guest(np, arg[2], sizeof *np)) return -EFAULT;
  int err = is_self(t, pid) ? self_prlimit(res, np, op)
                            : (syscall(SYS_prlimit64, pid, res, np, op) ? -errno : 0);
  if (err) return err;
  return op && copy_to_guest(arg[3], op, sizeof *op) ? -EFAULT : 0;
}

SYSCALL_HANDLER(getrlimit) {
  (void)t;
  struct rlimit rl;
  int err = self_prlimit((u32)arg[0], NULL, &rl);
  if (err) return err;
  return copy_to_guest(arg[1], &rl, sizeof rl) ? -EFAULT : 0;
}

SYSCALL_HANDLER(setrlimit) {
  (void)t;
  struct rlimit rl;
  if (copy_from_guest(&rl, arg[1], sizeof rl)) return -EFAULT;
  return self_prlimit((u32)arg[0], &rl, NULL);
}

/* ---- usage and system information ---- */

SYSCALL_HANDLER(getrusage) {
  (void)t;
  struct rusage ru;
  if (syscall(SYS_getrusage, (int)arg[0], &ru) != 0) return -errno;
  return copy_to_guest(arg[1], &ru, sizeof ru) ? -EFAULT : 0;
}

/* The result is a clock_t tick count that may look negative: it is never
   an error, whatever its value (force_successful_syscall_return). */
SYSCALL_HANDLER(times) {
  (void)t;
  struct tms tm;
  long ticks = syscall(SYS_times, &tm);
  if (arg[0] && copy_to_guest(arg[0], &tm, sizeof tm)) return -EFAULT;
  return ticks;
}

SYSCALL_HANDLER(sysinfo) {
  (void)t;
  struct sysinfo si;
  if (syscall(SYS_sysinfo, &si) != 0) return -errno;
  return copy_to_guest(arg[0], &si, sizeof si) ? -EFAULT : 0;
}

/* sys_getrandom(): flags first, then at most MAX_RW_COUNT bytes, written
   by the host straight into guest memory. */
SYSCALL_HANDLER(getrandom) {
  (void)t;
  u32 flags = (u32)arg[2];
  if (flags & ~GRND_KNOWN) return -EINVAL;
  if ((flags & GRND_RANDOM_INSECURE) == GRND_RANDOM_INSECURE) return -EINVAL;
  u64 len = arg[1] < MAX_RW_COUNT ? arg[1] : MAX_RW_COUNT;
  return host_result(syscall(SYS_getrandom, guest_buf(arg[0], len), len, flags));
}

/* ---- scheduling ---- */

SYSCALL_HANDLER(sched_yield) {
  (void)t;
  (void)arg;
  return syscall(SYS_sched_yield);
}

/* The host checks len and writes at most len bytes of mask. */
SYSCALL_HANDLER(sched_getaffinity) {
  (void)t;
  u32 len = (u32)arg[1];
  return host_result(syscall(SYS_sched_getaffinity, (pid_t)arg[0], len,
                             guest_buf(arg[2], len)));
}

SYSCALL_HANDLER(getcpu) {
  (void)t;
  unsigned cpu, node;
  if (syscall(SYS_getcpu, &cpu, &node, NULL) != 0) return -errno;
  if (arg[0] && copy_to_guest(arg[0], &cpu, sizeof cpu)) return -EFAULT;
  if (arg[1] && copy_to_guest(arg[1], &node, sizeof node)) return -EFAULT;
  return 0;
}

/* ---- prctl ---- */

/* The kernel copies at most TASK_COMM_LEN - 1 bytes and terminates them. */
static i64 prctl_set_name(gaddr src) {
  char name[TASK_COMM_LEN] = {0};
  if (copy_str_from_guest(name, src, TASK_COMM_LEN - 1) == -EFAULT) return -EFAULT;
  name[TASK_COMM_LEN - 1] = 0;
  return host_result(prctl(PR_SET_NAME, name));
}

static i64 prctl_get_name(gaddr dst) {
  char name[TASK_COMM_LEN] = {0};
  if (prctl(PR_GET_NAME, name) != 0) return -errno;
  return copy_to_guest(dst, name, sizeof name) ? -EFAULT : 0;
}

/* Only these options exist so far; the rest are EINVAL, as a kernel built
   without them answers. PR_SET_SECCOMP in particular must stay refused: a
   filter would carry aarch64 syscall numbers. */
SYSCALL_HANDLER(prctl) {
  (void)t;
  switch ((int)arg[0]) {
    case PR_SET_NAME: return prctl_set_name(arg[1]);
    case PR_GET_NAME: return prctl_get_name(arg[1]);
    case PR_GET_DUMPABLE: return host_result(prctl(PR_GET_DUMPABLE));
    case PR_SET_DUMPABLE:
      if (arg[1] > 1) return -EINVAL; /* SUID_DUMP_DISABLE or SUID_DUMP_USER */
      return host_result(prctl(PR_SET_DUMPABLE, (unsigned long)arg[1]));
    default: return -EINVAL;
  }
}

/* ---- thread set-up ---- */

SYSCALL_HANDLER(set_tid_address) {
  t->clear_child_tid = arg[0];
  return t->tid;
}
