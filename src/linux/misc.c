/* The rest of process and thread state: resource limits and usage,
   sysinfo, getrandom, scheduling, prctl, personality and set_tid_address
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
#include <sys/personality.h>
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

/* The scheduling calls act on a host thread, which is the guest thread
   of the same id; struct sched_param (an int) and struct sched_attr are
   the same on both ABIs, and the policies share their numbers. */
SYSCALL_HANDLER(sched_setaffinity) {
  (void)t;
  u32 len = (u32)arg[1];
  return host_result(syscall(SYS_sched_setaffinity, (pid_t)arg[0], len,
                             guest_buf(arg[2], len)));
}

SYSCALL_HANDLER(sched_getscheduler) {
  (void)t;
  return host_result(syscall(SYS_sched_getscheduler, (pid_t)arg[0]));
}

SYSCALL_HANDLER(sched_setscheduler) {
  (void)t;
  return host_result(syscall(SYS_sched_setscheduler, (pid_t)arg[0], (int)arg[1],
                             guest_buf(arg[2], sizeof(int))));
}

SYSCALL_HANDLER(sched_getparam) {
  (void)t;
  return host_result(syscall(SYS_sched_getparam, (pid_t)arg[0], guest_buf(arg[1], sizeof(int))));
}

SYSCALL_HANDLER(sched_setparam) {
  (void)t;
  return host_result(syscall(SYS_sched_setparam, (pid_t)arg[0], guest_buf(arg[1], sizeof(int))));
}

SYSCALL_HANDLER(sched_get_priority_max) {
  (void)t;
  return host_result(syscall(SYS_sched_get_priority_max, (int)arg[0]));
}

SYSCALL_HANDLER(sched_get_priority_min) {
  (void)t;
  return host_result(syscall(SYS_sched_get_priority_min, (int)arg[0]));
}

SYSCALL_HANDLER(sched_rr_get_interval) {
  (void)t;
  return host_result(syscall(SYS_sched_rr_get_interval, (pid_t)arg[0],
                             guest_buf(arg[1], sizeof(struct timespec))));
}

/* SCHED_ATTR_SIZE_VER0; the kernel reads attr->size, then that many bytes
   (at most a page), or VER0's when size is 0. */
#define SCHED_ATTR_SIZE_VER0 48

SYSCALL_HANDLER(sched_setattr) {
  (void)t;
  u32 size;
  if (copy_from_guest(&size, arg[1], sizeof size)) return -EFAULT;
  u64 len = size > SCHED_ATTR_SIZE_VER0 && size <= GUEST_PAGE ? size : SCHED_ATTR_SIZE_VER0;
  return host_result(syscall(SYS_sched_setattr, (pid_t)arg[0], guest_buf(arg[1], len),
                             (unsigned)arg[2]));
}

SYSCALL_HANDLER(sched_getattr) {
  (void)t;
  u32 size = (u32)arg[2];
  return host_result(syscall(SYS_sched_getattr, (pid_t)arg[0], guest_buf(arg[1], size), size,
                             (unsigned)arg[3]));
}

/* The raw calls: getpriority returns 20 - nice (1..40), never negative. */
SYSCALL_HANDLER(getpriority) {
  (void)t;
  return host_result(syscall(SYS_getpriority, (int)arg[0], (id_t)arg[1]));
}

SYSCALL_HANDLER(setpriority) {
  (void)t;
  return host_result(syscall(SYS_setpriority, (int)arg[0], (id_t)arg[1], (int)arg[2]));
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

/* Options the host answers for the calling thread or process, with
   arguments that are values, never guest pointers. */
static bool prctl_is_passthrough(int option) {
  switch (option) {
    case PR_SET_PDEATHSIG:
    case PR_GET_KEEPCAPS: case PR_SET_KEEPCAPS:
    case PR_GET_TIMING: case PR_SET_TIMING:
    case PR_GET_SECCOMP:
    case PR_CAPBSET_READ: case PR_CAPBSET_DROP:
    case PR_GET_SECUREBITS: case PR_SET_SECUREBITS:
    case PR_GET_TIMERSLACK: case PR_SET_TIMERSLACK:
    case PR_TASK_PERF_EVENTS_DISABLE: case PR_TASK_PERF_EVENTS_ENABLE:
    case PR_MCE_KILL: case PR_MCE_KILL_GET:
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_NO_NEW_PRIVS: case PR_GET_NO_NEW_PRIVS:
    case PR_SET_THP_DISABLE: case PR_GET_THP_DISABLE:
    case PR_CAP_AMBIENT:
    case PR_SET_IO_FLUSHER: case PR_GET_IO_FLUSHER:
    case PR_SET_PTRACER:
      return true;
    default: return false;
  }
}

/* Options whose second argument is an int the kernel stores. */
static bool prctl_stores_int(int option) {
  return option == PR_GET_PDEATHSIG || option == PR_GET_CHILD_SUBREAPER;
}

/* PR_GET_TID_ADDRESS: the guest's clear_child_tid, stored as a pointer
   (kernel/sys.c, prctl_get_tid_address()). */
static i64 prctl_get_tid_address(const struct thread *t, gaddr dst) {
  u64 v = t->clear_child_tid;
  return copy_to_guest(dst, &v, sizeof v) ? -EFAULT : 0;
}

/* The tagged address ABI (arch/arm64/kernel/process.c). Without MTE only
   PR_TAGGED_ADDR_ENABLE is valid. Linux keeps it per thread and children
   inherit it; elfrun keeps one setting for the process (struct thread has
   no field for it yet). Syscalls are to accept tagged pointers only once
   it is on (DESIGN.md, "Address space"). */
static u32 g_tagged_addr_ctrl;

static i64 prctl_set_tagged_addr_ctrl(const u64 *arg) {
  if (arg[2] || arg[3] || arg[4]) return -EINVAL;
  if (arg[1] & ~(u64)PR_TAGGED_ADDR_ENABLE) return -EINVAL;
  __atomic_store_n(&g_tagged_addr_ctrl, (u32)arg[1], __ATOMIC_RELAXED);
  return 0;
}

static i64 prctl_get_tagged_addr_ctrl(const u64 *arg) {
  if (arg[1] || arg[2] || arg[3] || arg[4]) return -EINVAL;
  return __atomic_load_n(&g_tagged_addr_ctrl, __ATOMIC_RELAXED);
}

/* Speculation controls arm64 knows (arch/arm64/kernel/proton-pack.c):
   the host reports its own mitigation state for them. */
static i64 prctl_speculation(const u64 *arg) {
  if (arg[1] != PR_SPEC_STORE_BYPASS && arg[1] != PR_SPEC_INDIRECT_BRANCH) return -ENODEV;
  return host_result(prctl((int)arg[0], (unsigned long)arg[1], (unsigned long)arg[2],
                           (unsigned long)arg[3], (unsigned long)arg[4]));
}

/* Everything else is EINVAL, as from a kernel without the option; in
   particular PR_SET_SECCOMP stays refused (a filter would carry aarch64
   syscall numbers; DESIGN.md), and the SVE, SME and pointer
   authentication options, which the advertised CPU lacks. PR_SET_MM is
   EPERM, as for any process without CAP_SYS_RESOURCE. */
SYSCALL_HANDLER(prctl) {
  int option = (int)arg[0];
  if (prctl_is_passthrough(option))
    return host_result(prctl(option, (unsigned long)arg[1], (unsigned long)arg[2],
                             (unsigned long)arg[3], (unsigned long)arg[4]));
  if (prctl_stores_int(option))
    return host_result(prctl(option, guest_buf(arg[1], sizeof(int))));
  switch (option) {
    case PR_SET_NAME: return prctl_set_name(arg[1]);
    case PR_GET_NAME: return prctl_get_name(arg[1]);
    case PR_GET_DUMPABLE: return host_result(prctl(PR_GET_DUMPABLE));
    case PR_SET_DUMPABLE:
      if (arg[1] > 1) return -EINVAL; /* SUID_DUMP_DISABLE or SUID_DUMP_USER */
      return host_result(prctl(PR_SET_DUMPABLE, (unsigned long)arg[1]));
    case PR_GET_TID_ADDRESS: return prctl_get_tid_address(t, arg[1]);
    case PR_SET_TAGGED_ADDR_CTRL: return prctl_set_tagged_addr_ctrl(arg);
    case PR_GET_TAGGED_ADDR_CTRL: return prctl_get_tagged_addr_ctrl(arg);
    case PR_GET_SPECULATION_CTRL: case PR_SET_SPECULATION_CTRL: return prctl_speculation(arg);
    case PR_SET_MM: return -EPERM;
    default: return -EINVAL;
  }
}

/* ---- personality ----
   kernel/exec_domain.c: any value is stored and the old one returned;
   0xffffffff only queries. The value is elfrun's: the host's personality
   changes how the host kernel treats elfrun itself (address limits, uname
   under PER_LINUX32). Only ADDR_NO_RANDOMIZE is mirrored to the host, so
   that it survives exec as on Linux (elfrun is re-executed, and a new
   elfrun starts from the host's bit); the other bits do not. */
#define PERSONALITY_QUERY 0xffffffffu

static pthread_once_t g_personality_once = PTHREAD_ONCE_INIT;
static u32 g_personality;

static void personality_init(void) {
  int host = personality(PERSONALITY_QUERY);
  g_personality = host >= 0 ? ((u32)host & ADDR_NO_RANDOMIZE) : 0; /* PER_LINUX */
}

static void personality_mirror(u32 value) {
  int host = personality(PERSONALITY_QUERY);
  if (host < 0) return;
  u32 want = ((u32)host & ~(u32)ADDR_NO_RANDOMIZE) | (value & ADDR_NO_RANDOMIZE);
  if (want != (u32)host) personality(want);
}

SYSCALL_HANDLER(personality) {
  (void)t;
  pthread_once(&g_personality_once, personality_init);
  u32 want = (u32)arg[0];
  if (want == PERSONALITY_QUERY) return __atomic_load_n(&g_personality, __ATOMIC_RELAXED);
  u32 old = __atomic_exchange_n(&g_personality, want, __ATOMIC_RELAXED);
  personality_mirror(want);
  return old;
}

/* ---- thread set-up ---- */

SYSCALL_HANDLER(set_tid_address) {
  t->clear_child_tid = arg[0];
  return t->tid;
}

/* ---- restart_syscall ----
   The kernel runs the restart block a call left behind when a signal
   interrupted it (kernel/signal.c, do_no_restart_syscall() by default):
   elfrun's timed sleeps leave one (signal.c, restart_block_run). */
SYSCALL_HANDLER(restart_syscall) {
  (void)arg;
  return restart_block_run(t);
}

/* ---- I/O priorities ----
   Integer arguments only (block/ioprio.c); guest pids are host pids. */
SYSCALL_HANDLER(ioprio_set) {
  (void)t;
  return host_result(syscall(SYS_ioprio_set, (int)arg[0], (int)arg[1], (int)arg[2]));
}

SYSCALL_HANDLER(ioprio_get) {
  (void)t;
  return host_result(syscall(SYS_ioprio_get, (int)arg[0], (int)arg[1]));
}

/* ---- kcmp ----
   kernel/kcmp.c. Types are those of linux/kcmp.h. The indices of
   KCMP_FILE, and the descriptors of KCMP_EPOLL_TFD's slot, are looked up
   in the host's tables, where elfrun's own descriptors live too: those
   become an index no table has, which the kernel answers with EBADF (or
   ENOENT for a target) after its pid and permission checks, as for a
   closed descriptor. */
#define A64_KCMP_FILE 0
#define A64_KCMP_EPOLL_TFD 7

static u64 kcmp_fd(u64 idx) {
  return idx < FD_GUEST_LIMIT ? idx : (u64)UINT32_MAX;
}

SYSCALL_HANDLER(kcmp) {
  (void)t;
  int type = (int)arg[2];
  u64 idx1 = arg[3], idx2 = arg[4];
  struct a64_kcmp_epoll_slot slot;
  if (type == A64_KCMP_FILE || type == A64_KCMP_EPOLL_TFD) idx1 = kcmp_fd(idx1);
  if (type == A64_KCMP_FILE) idx2 = kcmp_fd(idx2);
  if (type == A64_KCMP_EPOLL_TFD) {
    idx2 = (u64)(uintptr_t)HOST_EFAULT_PTR;
    if (!copy_from_guest(&slot, arg[4], sizeof slot)) {
      slot.efd = (u32)kcmp_fd(slot.efd);
      slot.tfd = (u32)kcmp_fd(slot.tfd);
      idx2 = (u64)(uintptr_t)&slot;
    }
  }
  return host_result(syscall(SYS_kcmp, (pid_t)arg[0], (pid_t)arg[1], type, idx1, idx2));
}

/* ---- process_mrelease ----
   mm/oom_kill.c: reaps the memory of a process already being killed,
   named by a pidfd; nothing but the descriptor to check. */
SYSCALL_HANDLER(process_mrelease) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_process_mrelease, fd, (unsigned)arg[1]));
}
