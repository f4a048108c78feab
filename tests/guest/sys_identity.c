/* Identity system calls: uname (machine "aarch64"), getpid/getppid/
   gettid, the user and group ids (getuid, geteuid, getgid, getegid,
   getresuid, getresgid, getgroups), process groups and sessions (getpgid,
   setpgid, getsid, setsid) and umask. Ids differ between machines and runs,
   so only their relations are printed. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ESRCH: return "ESRCH";
    case EFAULT: return "EFAULT";     case EINVAL: return "EINVAL";
    case EACCES: return "EACCES";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-44s %s\n", what, errname(errno));
  else printf("%-44s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
#define BAD ((void *)1)
#define YN(x) ((x) ? "yes" : "no")

static void test_uname(void) {
  puts("-- uname");
  struct utsname u;
  SHOW(syscall(SYS_uname, &u));
  printf("sysname %s\n", u.sysname);
  printf("machine %s\n", u.machine);
  printf("release starts with a digit: %s\n", YN(u.release[0] >= '0' && u.release[0] <= '9'));
  printf("nodename set: %s\n", YN(u.nodename[0] != 0));
  printf("version set: %s\n", YN(u.version[0] != 0));
  SHOW(syscall(SYS_uname, BAD));
  SHOW(syscall(SYS_uname, NULL));
}

static void test_ids(void) {
  puts("-- pids and ids");
  long pid = syscall(SYS_getpid), tid = syscall(SYS_gettid), ppid = syscall(SYS_getppid);
  printf("getpid > 1: %s\n", YN(pid > 1));
  printf("gettid == getpid (one thread): %s\n", YN(tid == pid));
  printf("getppid > 0 and != getpid: %s\n", YN(ppid > 0 && ppid != pid));
  unsigned r, e, s;
  SHOW(syscall(SYS_getresuid, &r, &e, &s));
  printf("getresuid matches getuid/geteuid: %s\n",
         YN(r == (unsigned)syscall(SYS_getuid) && e == (unsigned)syscall(SYS_geteuid)));
  printf("saved uid == effective (no set-uid): %s\n", YN(s == e));
  SHOW(syscall(SYS_getresgid, &r, &e, &s));
  printf("getresgid matches getgid/getegid: %s\n",
         YN(r == (unsigned)syscall(SYS_getgid) && e == (unsigned)syscall(SYS_getegid)));
  unsigned first = 12345;
  SHOW(syscall(SYS_getresuid, &first, BAD, &s));
  printf("the id before the bad pointer was stored: %s\n",
         YN(first == (unsigned)syscall(SYS_getuid)));
  SHOW(syscall(SYS_getresgid, BAD, &e, &s));
  long n = syscall(SYS_getgroups, 0, NULL);
  printf("getgroups count >= 0: %s\n", YN(n >= 0));
  unsigned groups[256];
  printf("getgroups fills the same count: %s\n", YN(syscall(SYS_getgroups, 256, groups) == n));
  SHOW(syscall(SYS_getgroups, -1, groups));
  if (n > 0) SHOW(syscall(SYS_getgroups, n, BAD));
  else puts("syscall(SYS_getgroups, n, BAD)               EFAULT");
}

static void test_sessions(void) {
  puts("-- process groups and sessions");
  long pid = getpid();
  printf("getpgid(0) == getpgid(getpid()): %s\n", YN(getpgid(0) == getpgid(pid)));
  printf("getsid(0) == getsid(getpid()): %s\n", YN(getsid(0) == getsid(pid)));
  SHOW(getpgid(-1));
  SHOW(getsid(-1));
  SHOW(getpgid(0x3fffffff));
  SHOW(setpgid(0, 0));
  printf("now a group leader: %s\n", YN(getpgid(0) == pid));
  SHOW(setsid()); /* a group leader may not start a session */
  SHOW(setpgid(-1, 0));
  SHOW(setpgid(0, -1));
}

static void test_umask(void) {
  puts("-- umask");
  umask(027);
  printf("umask(022) returns the old mask: %03o\n", (unsigned)umask(022));
  /* Only the permission bits are kept. */
  printf("umask(0777777) returns %03o\n", (unsigned)syscall(SYS_umask, 0777777));
  printf("umask(022) returns %03o\n", (unsigned)umask(022));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_uname();
  test_ids();
  test_sessions();
  test_umask();
  return 0;
}
