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

/* ---- changing credentials ----
   Each is the raw call, which changes the calling host thread only, as
   the kernel's does for the calling task; the guest's libc then makes the
   same call on each of its threads (glibc through signal 33, SIGSETXID).
   libc's wrappers must not be used: they would broadcast to every thread
   of elfrun's process at once. Privilege checks are the host's. */

SYSCALL_HANDLER(setuid) {
  (void)t;
  return host_result(syscall(SYS_setuid, (uid_t)arg[0]));
}

SYSCALL_HANDLER(setgid) {
  (void)t;
  return host_result(syscall(SYS_setgid, (gid_t)arg[0]));
}

SYSCALL_HANDLER(setreuid) {
  (void)t;
  return host_result(syscall(SYS_setreuid, (uid_t)arg[0], (uid_t)arg[1]));
}

SYSCALL_HANDLER(setregid) {
  (void)t;
  return host_result(syscall(SYS_setregid, (gid_t)arg[0], (gid_t)arg[1]));
}

SYSCALL_HANDLER(setresuid) {
  (void)t;
  return host_result(
      syscall(SYS_setresuid, (uid_t)arg[0], (uid_t)arg[1], (uid_t)arg[2]));
}

SYSCALL_HANDLER(setresgid) {
  (void)t;
  return host_result(
      syscall(SYS_setresgid, (gid_t)arg[0], (gid_t)arg[1], (gid_t)arg[2]));
}

/* Both return the previous id and never fail. */
SYSCALL_HANDLER(setfsuid) {
  (void)t;
  return syscall(SYS_setfsuid, (uid_t)arg[0]);
}

SYSCALL_HANDLER(setfsgid) {
  (void)t;
  return syscall(SYS_setfsgid, (gid_t)arg[0]);
}

/* The host checks privilege, then the count, before it reads the list. */
SYSCALL_HANDLER(setgroups) {
  (void)t;
  int size = (int)arg[0];
  void *list = guest_buf(arg[1], size > 0 ? (u64)size * sizeof(u32) : 0);
  return host_result(syscall(SYS_setgroups, size, list));
}

/* ---- capabilities ----
   struct __user_cap_header_struct (u32 version, int pid) and the data
   array (one 12-byte set for version 1, two for versions 2 and 3) are the
   same on both ABIs. A NULL data pointer asks only for the preferred
   version, so it stays NULL. */
#define CAP_HEADER_SIZE 8
#define CAP_DATA_MAX 24

static void *cap_data(gaddr data) {
  return data ? guest_buf(data, CAP_DATA_MAX) : NULL;
}

SYSCALL_HANDLER(capget) {
  (void)t;
  return host_result(syscall(SYS_capget, guest_buf(arg[0], CAP_HEADER_SIZE),
                             cap_data(arg[1])));
}

SYSCALL_HANDLER(capset) {
  (void)t;
  return host_result(syscall(SYS_capset, guest_buf(arg[0], CAP_HEADER_SIZE),
                             cap_data(arg[1])));
}

/* ---- host and domain names ----
   Passed through: the host answers EPERM to an unprivileged guest and
   changes its UTS namespace's names for a privileged one. */

SYSCALL_HANDLER(sethostname) {
  (void)t;
  int len = (int)arg[1];
  return host_result(syscall(SYS_sethostname, guest_buf(arg[0], len > 0 ? (u64)len : 0), len));
}

SYSCALL_HANDLER(setdomainname) {
  (void)t;
  int len = (int)arg[1];
  return host_result(syscall(SYS_setdomainname, guest_buf(arg[0], len > 0 ? (u64)len : 0), len));
}
