/* Identity and limits: setuid/setgid/setreuid/setregid/setresuid/
   setresgid/setfsuid/setfsgid to the ids already held, getgroups and
   setgroups, capget (versions, the probe with no data), prctl (name,
   PDEATHSIG, NO_NEW_PRIVS, TIMERSLACK, CAPBSET_READ, SECUREBITS,
   TAGGED_ADDR_CTRL, SECCOMP refused), personality, the sched_* calls and
   get/setpriority. A child then drops to an unprivileged user (when run
   as root) and checks what it may no longer do, and that a raw call
   changes only the calling thread. Ids and pids differ between machines:
   only results and relations are printed. The expected output is that of
   a run as root, as `make check` runs (README.md).
   Oracle: qemu-aarch64. Not checked because qemu 7.2 differs from Linux:
   PR_GET_SECCOMP (EINVAL under qemu, 0 on Linux), the SVE and MTE prctl
   options (qemu's default CPU has SVE and MTE; elfrun's advertises
   neither); PR_SET/GET_CHILD_SUBREAPER, PR_GET_TID_ADDRESS and
   sched_setattr/sched_getattr, absent from qemu 7.2, are in id_native.c.
   The sched_* calls are made raw: musl's wrappers refuse with ENOSYS. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ESRCH: return "ESRCH";
    case EFAULT: return "EFAULT";     case EINVAL: return "EINVAL";
    case EACCES: return "EACCES";     case ENOSYS: return "ENOSYS";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-64s %s\n", what, errname(errno));
  else printf("%-64s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
#define YN(x) ((x) ? "yes" : "no")
#define BAD ((void *)8)
#define NOBODY 65534

/* linux/capability.h, which the musl cross toolchain lacks. */
#define CAP_V1 0x19980330
#define CAP_V3 0x20080522
struct cap_header {
  uint32_t version;
  int pid;
};
struct cap_data {
  uint32_t effective, permitted, inheritable;
};

static void test_set_same(void) {
  puts("-- set*id to the ids held");
  long uid = syscall(SYS_getuid), gid = syscall(SYS_getgid);
  long euid = syscall(SYS_geteuid);
  printf("setuid(getuid()) %ld\n", syscall(SYS_setuid, uid));
  printf("setgid(getgid()) %ld\n", syscall(SYS_setgid, gid));
  SHOW(syscall(SYS_setreuid, -1, -1));
  SHOW(syscall(SYS_setregid, -1, -1));
  SHOW(syscall(SYS_setresuid, -1, -1, -1));
  SHOW(syscall(SYS_setresgid, -1, -1, -1));
  printf("setfsuid(-1) returns the fsuid (== euid): %s\n",
         YN(syscall(SYS_setfsuid, -1) == euid));
  printf("setfsgid(-1) returns the fsgid (== egid): %s\n",
         YN(syscall(SYS_setfsgid, -1) == syscall(SYS_getegid)));
  gid_t groups[256];
  long n = syscall(SYS_getgroups, 256, groups);
  printf("getgroups >= 0: %s\n", YN(n >= 0));
  SHOW(syscall(SYS_setgroups, -1, groups));
  SHOW(syscall(SYS_setgroups, 1 << 20, groups));
}

static void test_capget(void) {
  puts("-- capget");
  struct cap_header h = {CAP_V3, 0};
  struct cap_data d[2];
  SHOW(syscall(SYS_capget, &h, d));
  printf("effective == permitted: %s\n",
         YN(d[0].effective == d[0].permitted && d[1].effective == d[1].permitted));
  SHOW(syscall(SYS_capget, &h, NULL));
  h.version = 0x1234;
  SHOW(syscall(SYS_capget, &h, d));
  printf("preferred version written back: %#x\n", h.version);
  h.version = CAP_V1;
  SHOW(syscall(SYS_capget, &h, d));
  SHOW(syscall(SYS_capget, BAD, d));
  h.version = CAP_V3;
  h.pid = -5;
  SHOW(syscall(SYS_capget, &h, d));
  h.pid = 0;
  syscall(SYS_capget, &h, d);
  SHOW(syscall(SYS_capset, &h, d)); /* the same sets again */
}

static void test_prctl(void) {
  puts("-- prctl");
  int v = -1;
  SHOW(prctl(PR_SET_PDEATHSIG, 9));
  SHOW(prctl(PR_GET_PDEATHSIG, &v));
  printf("pdeathsig %d\n", v);
  SHOW(prctl(PR_SET_PDEATHSIG, 65));
  SHOW(prctl(PR_GET_PDEATHSIG, BAD));
  SHOW(prctl(PR_SET_PDEATHSIG, 0));
  SHOW(prctl(PR_SET_TIMERSLACK, 123456));
  SHOW(prctl(PR_GET_TIMERSLACK));
  SHOW(prctl(PR_CAPBSET_READ, 0));
  SHOW(prctl(PR_CAPBSET_READ, 1000));
  SHOW(prctl(PR_GET_SECUREBITS));
  SHOW(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
  SHOW(prctl(PR_SET_NO_NEW_PRIVS, 1, 1, 0, 0));
  SHOW(prctl(PR_SET_SECCOMP, 1));
  SHOW(prctl(PR_SET_TAGGED_ADDR_CTRL, 1, 0, 0, 0));
  SHOW(prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0));
  SHOW(prctl(PR_SET_TAGGED_ADDR_CTRL, 1, 1, 0, 0));
  SHOW(prctl(PR_GET_TAGGED_ADDR_CTRL, 1, 0, 0, 0));
  SHOW(prctl(PR_SET_TAGGED_ADDR_CTRL, 0, 0, 0, 0));
  SHOW(prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0));
  SHOW(prctl(12345));

}

static void test_personality(void) {
  puts("-- personality");
  SHOW(personality(0xffffffff));
  SHOW(personality(ADDR_NO_RANDOMIZE));
  printf("query: %#lx\n", (long)personality(0xffffffff));
  printf("back to PER_LINUX returns: %#lx\n", (long)personality(PER_LINUX));
  SHOW(personality(0xffffffff));
}

static void test_sched(void) {
  puts("-- scheduling");
  SHOW(syscall(SYS_sched_getscheduler, 0));
  struct sched_param sp = {0};
  SHOW(syscall(SYS_sched_getparam, 0, &sp));
  printf("priority %d\n", sp.sched_priority);
  SHOW(sched_get_priority_max(SCHED_FIFO));
  SHOW(sched_get_priority_min(SCHED_FIFO));
  SHOW(sched_get_priority_max(SCHED_OTHER));
  SHOW(sched_get_priority_max(77));
  struct timespec ts;
  SHOW(sched_rr_get_interval(0, &ts));
  SHOW(sched_rr_get_interval(0, BAD));
  SHOW(syscall(SYS_sched_setscheduler, 0, SCHED_BATCH, &sp));
  SHOW(syscall(SYS_sched_getscheduler, 0));
  SHOW(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp));
  SHOW(syscall(SYS_sched_setparam, 0, &sp));
  SHOW(syscall(SYS_sched_getparam, 0, BAD));
  SHOW(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, BAD));
  SHOW(syscall(SYS_sched_getscheduler, -1));
  cpu_set_t set;
  SHOW(sched_getaffinity(0, sizeof set, &set) >= 0);
  SHOW(sched_setaffinity(0, sizeof set, &set));
  SHOW(syscall(SYS_sched_setaffinity, 0, sizeof set, BAD));
  long prio = syscall(SYS_getpriority, PRIO_PROCESS, 0);
  printf("raw getpriority is 20 - nice: %s\n", YN(prio == 20 - getpriority(PRIO_PROCESS, 0)));
  SHOW(setpriority(PRIO_PROCESS, 0, getpriority(PRIO_PROCESS, 0) + 1));
  SHOW(setpriority(7, 0, 0));
}

/* ---- as an unprivileged user ---- */

static volatile int g_stage, g_seen;
static long g_thread_euid[2];

/* Records the thread's euid at each stage the main thread announces. */
static void *watcher(void *arg) {
  (void)arg;
  while (g_seen < 2) {
    if (g_stage > g_seen) {
      g_thread_euid[g_seen] = syscall(SYS_geteuid);
      g_seen = g_seen + 1;
    }
    usleep(1000);
  }
  return NULL;
}

/* The raw call changes only the calling thread (glibc's wrapper then
   sends signal 33 to the others, so that each makes the same call). */
static void threads_and_credentials(void) {
  pthread_t th;
  pthread_create(&th, NULL, watcher, NULL);
  long before = syscall(SYS_geteuid);
  g_stage = 1;
  while (g_seen < 1) usleep(1000);
  syscall(SYS_setresuid, -1, NOBODY, -1); /* this thread only */
  g_stage = 2;
  pthread_join(th, NULL);
  printf("raw setresuid changed this thread: %s\n", YN(syscall(SYS_geteuid) == NOBODY));
  printf("and left the other alone: %s\n", YN(before == 0 && g_thread_euid[1] == 0));
  syscall(SYS_setresuid, -1, 0, -1);
}

static void unprivileged(void) {
  if (getuid() == 0) {
    threads_and_credentials();
    syscall(SYS_setgroups, 0, NULL);
    setresgid(NOBODY, NOBODY, NOBODY);
    setresuid(NOBODY, NOBODY, NOBODY);
  }
  puts("-- unprivileged");
  SHOW(syscall(SYS_setuid, 0));
  SHOW(syscall(SYS_setgid, 0));
  SHOW(syscall(SYS_setresuid, 0, 0, 0));
  SHOW(syscall(SYS_setreuid, 0, -1));
  SHOW(syscall(SYS_setgroups, 0, NULL));
  printf("setfsuid(0) is refused, returning the old fsuid: %s\n",
         YN(syscall(SYS_setfsuid, 0) == syscall(SYS_geteuid)));
  struct cap_header h = {CAP_V3, 0};
  struct cap_data d[2];
  syscall(SYS_capget, &h, d);
  printf("no effective capabilities: %s\n", YN(d[0].effective == 0 && d[1].effective == 0));
  d[0].effective = d[0].permitted = 1;
  SHOW(syscall(SYS_capset, &h, d));
  SHOW(sethostname("x", 1));
  SHOW(setdomainname("x", 1));
  static char longname[1000];
  SHOW(sethostname(longname, sizeof longname));
  struct sched_param fifo = {.sched_priority = 1};
  SHOW(syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, &fifo));
  SHOW(setpriority(PRIO_PROCESS, 0, -5));
  SHOW(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
  SHOW(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
  SHOW(prctl(PR_CAPBSET_DROP, 0));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_set_same();
  test_capget();
  test_prctl();
  test_personality();
  test_sched();
  pid_t pid = fork();
  if (pid == 0) {
    unprivileged();
    _exit(0);
  }
  int st;
  waitpid(pid, &st, 0);
  printf("child exit %d\n", WEXITSTATUS(st));
  return 0;
}
