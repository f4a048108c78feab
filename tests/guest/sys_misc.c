/* Process-wide odds and ends: getrandom, resource limits (prlimit64,
   getrlimit, setrlimit, and RLIMIT_NOFILE enforced on new descriptors),
   sysinfo, getrusage, times, sched_yield, sched_getaffinity, getcpu, prctl
   (PR_SET_NAME/PR_GET_NAME, PR_GET_DUMPABLE/PR_SET_DUMPABLE, refused
   options) and set_tid_address. Values that differ between machines are
   printed as relations.
   Not checked here because qemu-aarch64 (the oracle) differs from Linux:
   set_robust_list/get_robust_list (ENOSYS under qemu); RLIMIT_AS, _DATA
   and _STACK, which qemu accepts but never stores. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ESRCH: return "ESRCH";
    case EBADF: return "EBADF";       case EAGAIN: return "EAGAIN";
    case EFAULT: return "EFAULT";     case EINVAL: return "EINVAL";
    case EMFILE: return "EMFILE";     case ENOSYS: return "ENOSYS";
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

struct krlimit {
  unsigned long cur, max;
};

static void test_getrandom(void) {
  puts("-- getrandom");
  unsigned char buf[32] = {0};
  SHOW(syscall(SYS_getrandom, buf, 16, 0));
  int nonzero = 0;
  for (int i = 0; i < 16; i++) nonzero |= buf[i];
  printf("random bytes arrived: %s, tail untouched: %s\n", YN(nonzero), YN(buf[16] == 0 && buf[31] == 0));
  SHOW(syscall(SYS_getrandom, buf, 8, GRND_NONBLOCK));
  SHOW(syscall(SYS_getrandom, buf, 0, 0));
  SHOW(syscall(SYS_getrandom, buf, 8, 0x100));
  SHOW(syscall(SYS_getrandom, buf, 8, GRND_RANDOM | 0x4 /* GRND_INSECURE */));
  SHOW(syscall(SYS_getrandom, BAD, 8, 0));
}

static void test_rlimits(void) {
  puts("-- prlimit64, getrlimit, setrlimit");
  struct krlimit old, now, prev;
  SHOW(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old));
  printf("NOFILE soft <= hard: %s, soft >= 64: %s\n", YN(old.cur <= old.max), YN(old.cur >= 64));
  struct krlimit lim = {64, old.max};
  SHOW(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &lim, &prev));
  printf("prlimit64 returned the old value: %s\n", YN(prev.cur == old.cur && prev.max == old.max));
  SHOW(syscall(SYS_getrlimit, RLIMIT_NOFILE, &now));
  printf("NOFILE soft now %lu, hard unchanged: %s\n", now.cur, YN(now.max == old.max));
  /* New descriptors stop below the soft limit (the caller may have left
     some open, so which one comes last is not fixed). */
  int last = -1, fd;
  while ((fd = dup(0)) >= 0) last = fd;
  printf("new fds all below 64: %s, then %s\n", YN(last >= 3 && last < 64), errname(errno));
  SHOW(dup3(0, 64, 0));
  SHOW(fcntl(0, F_DUPFD, 64));
  for (fd = 3; fd <= last; fd++) close(fd);
  SHOW(syscall(SYS_setrlimit, RLIMIT_NOFILE, &old));
  SHOW(syscall(SYS_getrlimit, RLIMIT_NOFILE, &now));
  printf("restored: %s\n", YN(now.cur == old.cur && now.max == old.max));

  struct krlimit bad = {10, 5};
  SHOW(syscall(SYS_setrlimit, RLIMIT_NOFILE, &bad));
  SHOW(syscall(SYS_setrlimit, RLIMIT_NOFILE, BAD));
  SHOW(syscall(SYS_getrlimit, RLIMIT_NOFILE, BAD));
  SHOW(syscall(SYS_getrlimit, 99, &now));
  SHOW(syscall(SYS_prlimit64, 0, 99, NULL, &now));
  SHOW(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, BAD, &now));
  SHOW(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, BAD));
  SHOW(syscall(SYS_prlimit64, 0x3fffffff, RLIMIT_NOFILE, NULL, &now));
  SHOW(syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, NULL, &now));
  printf("by pid, same value: %s\n", YN(now.cur == old.cur));

  struct krlimit core = {0, 0};
  SHOW(syscall(SYS_getrlimit, RLIMIT_CORE, &core));
  struct krlimit core0 = {0, core.max};
  SHOW(syscall(SYS_setrlimit, RLIMIT_CORE, &core0));
  SHOW(syscall(SYS_getrlimit, RLIMIT_CORE, &now));
  printf("RLIMIT_CORE soft now %lu\n", now.cur);
  SHOW(syscall(SYS_getrlimit, RLIMIT_STACK, &now));
  printf("RLIMIT_STACK soft nonzero: %s\n", YN(now.cur > 0));
}

static void test_usage(void) {
  puts("-- sysinfo, getrusage, times");
  struct sysinfo si;
  SHOW(syscall(SYS_sysinfo, &si));
  printf("uptime > 0: %s, totalram > 0: %s, mem_unit >= 1: %s, procs > 0: %s\n",
         YN(si.uptime > 0), YN(si.totalram > 0), YN(si.mem_unit >= 1), YN(si.procs > 0));
  SHOW(syscall(SYS_sysinfo, BAD));
  struct rusage ru;
  SHOW(syscall(SYS_getrusage, RUSAGE_SELF, &ru));
  printf("maxrss > 0: %s\n", YN(ru.ru_maxrss > 0));
  SHOW(syscall(SYS_getrusage, RUSAGE_CHILDREN, &ru));
  SHOW(syscall(SYS_getrusage, RUSAGE_THREAD, &ru));
  SHOW(syscall(SYS_getrusage, 99, &ru));
  SHOW(syscall(SYS_getrusage, RUSAGE_SELF, BAD));
  struct tms t;
  long ticks = syscall(SYS_times, &t);
  printf("times succeeded: %s\n", YN(ticks != -1 || errno == 0));
  syscall(SYS_times, NULL);
  SHOW(syscall(SYS_times, BAD));
}

static void test_sched(void) {
  puts("-- sched_yield, sched_getaffinity, getcpu");
  SHOW(syscall(SYS_sched_yield));
  unsigned long mask[16] = {0};
  long n = syscall(SYS_sched_getaffinity, 0, sizeof mask, mask);
  int cpus = 0;
  for (int i = 0; i < 16; i++) cpus += __builtin_popcountl(mask[i]);
  printf("affinity size a multiple of 8: %s, at least one cpu: %s\n",
         YN(n > 0 && n % 8 == 0), YN(cpus >= 1));
  SHOW(syscall(SYS_sched_getaffinity, 0, 7, mask));
  SHOW(syscall(SYS_sched_getaffinity, 0, sizeof mask, BAD));
  SHOW(syscall(SYS_sched_getaffinity, 0x3fffffff, sizeof mask, mask));
  unsigned cpu = ~0u, node = ~0u;
  SHOW(syscall(SYS_getcpu, &cpu, &node, NULL));
  printf("cpu is one of ours: %s\n", YN(cpu < 1024 && (mask[cpu / 64] >> (cpu % 64) & 1)));
  SHOW(syscall(SYS_getcpu, NULL, NULL, NULL));
  SHOW(syscall(SYS_getcpu, BAD, NULL, NULL));
}

static void test_prctl(void) {
  puts("-- prctl, set_tid_address");
  SHOW(prctl(PR_SET_NAME, "a-rather-long-thread-name"));
  char name[32];
  memset(name, 'x', sizeof name);
  SHOW(prctl(PR_GET_NAME, name));
  printf("name \"%s\", NUL at 15: %s, byte 16 untouched: %s\n", name, YN(name[15] == 0),
         YN(name[16] == 'x'));
  SHOW(prctl(PR_SET_NAME, "short"));
  prctl(PR_GET_NAME, name);
  printf("name \"%s\"\n", name);
  SHOW(prctl(PR_SET_NAME, BAD));
  SHOW(prctl(PR_GET_NAME, BAD));
  SHOW(prctl(PR_GET_DUMPABLE));
  SHOW(prctl(PR_SET_DUMPABLE, 2));
  SHOW(prctl(PR_SET_DUMPABLE, 1));
  SHOW(prctl(PR_SET_SECCOMP, 1));
  SHOW(prctl(9999));
  int word;
  long tid = syscall(SYS_set_tid_address, &word);
  printf("set_tid_address returns the tid: %s\n", YN(tid == syscall(SYS_gettid)));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_getrandom();
  test_rlimits();
  test_usage();
  test_sched();
  test_prctl();
  return 0;
}
