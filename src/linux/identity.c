/* Who the guest is: uname, process, session and group ids, user and group
   ids, umask. A guest process is a host process, so all but uname's machine
   come straight from the host; calls that change credentials act on the
   calling host thread only, as the raw kernel calls do (the guest's libc
   broadcasts to its other threads itself). */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "linux/process.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

/* What `uname -m` prints on arm64 (UTS_MACHINE in arch/arm64/Makefile). */
static const char kMachine[] = "aarch64";

SYSCALL_HANDLER(uname) {
  (void)t;
  struct utsname u;
  if (uname(&u) != 0) return -errno;
  memset(u.machine, 0, sizeof u.machine);
  memcpy(u.machine, kMachine, sizeof kMachine);
  return copy_to_guest(arg[0], &u, sizeof u) ? -EFAULT : 0;
}

SYSCALL_HANDLER(getpid) {
  (void)t;
  (void)arg;
  return syscall(SYS_getpid);
}

SYSCALL_HANDLER(getppid) {
  (void)t;
  (void)arg;
  return syscall(SYS_getppid);
}

SYSCALL_HANDLER(gettid) {
  (void)arg;
  return t->tid;
}

SYSCALL_HANDLER(getuid) {
  (void)t;
  (void)arg;
  return syscall(SYS_getuid);
}

SYSCALL_HANDLER(geteuid) {
  (void)t;
  (void)arg;
  return syscall(SYS_geteuid);
}

SYSCALL_HANDLER(getgid) {
  (void)t;
  (void)arg;
  return syscall(SYS_getgid);
}

SYSCALL_HANDLER(getegid) {
  (void)t;
  (void)arg;
  return syscall(SYS_getegid);
}

/* The kernel stores the three ids one after another and stops at the first
   bad pointer, leaving the earlier ones written. */
static i64 put_three_ids(const u64 *arg, const u32 id[3]) {
  for (int i = 0; i < 3; i++)
    if (copy_to_guest(arg[i], &id[i], sizeof id[i])) return -EFAULT;
  return 0;
}

SYSCALL_HANDLER(getresuid) {
  (void)t;
  uid_t r, e, s;
  if (syscall(SYS_getresuid, &r, &e, &s) != 0) return -errno;
  const u32 id[3] = {r, e, s};
  return put_three_ids(arg, id);
}

SYSCALL_HANDLER(getresgid) {
  (void)t;
  gid_t r, e, s;
  if (syscall(SYS_getresgid, &r, &e, &s) != 0) return -errno;
  const u32 id[3] = {r, e, s};
  return put_three_ids(arg, id);
}

/* gid_t is 32 bits on both; size is checked by the host before the list. */
SYSCALL_HANDLER(getgroups) {
  (void)t;
  int size = (int)arg[0];
  void *list = guest_buf(arg[1], size > 0 ? (u64)size * sizeof(u32) : 0);
  return host_result(syscall(SYS_getgroups, size, list));
}

SYSCALL_HANDLER(getpgid) {
  (void)t;
  return host_result(syscall(SYS_getpgid, (pid_t)arg[0]));
}

SYSCALL_HANDLER(setpgid) {
  (void)t;
  return host_result(syscall(SYS_setpgid, (pid_t)arg[0], (pid_t)arg[1]));
}

SYSCALL_HANDLER(getsid) {
  (void)t;
  return host_result(syscall(SYS_getsid, (pid_t)arg[0]));
}

SYSCALL_HANDLER(setsid) {
  (void)t;
  (void)arg;
  return host_result(syscall(SYS_setsid));
}

/* The file-creation mask is process state the host kernel applies to the
   guest's creat/mkdir/mknod for us. */
SYSCALL_HANDLER(umask) {
  (void)t;
  return syscall(SYS_umask, (mode_t)(arg[0] & 0777));
}
