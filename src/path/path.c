/* The path layer: every path a guest hands to a system call comes through
   here before the host sees it.

   Today the mapping is the identity, with one exception: /proc/self/exe must
   name the guest program, not elfrun (Debian's busybox re-executes itself
   through it). The sysroot resolver (openat2 RESOLVE_IN_ROOT on an O_PATH
   descriptor of the sysroot) and the synthetic /proc and /dev slot in behind
   path_get() later: handlers already act on the (dirfd, path) pair it gives
   and never on the guest's string. */
#include "path/path.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "linux/fd.h"
#include "linux/process.h"
#include "mem/guest.h"

long path_copy_from_guest(char dst[PATH_MAX], gaddr src, bool empty_ok) {
  long n = copy_str_from_guest(dst, src, PATH_MAX);
  if (n == 0 && !empty_ok) return -ENOENT;
  return n;
}

/* "/proc/<pid>/" for our own pid, as a number: strtol would accept signs
   and spaces that the kernel's lookup would not. */
static const char *skip_own_pid(const char *p) {
  long pid = 0;
  const char *q = p;
  for (; *q >= '0' && *q <= '9' && q - p < 10; q++) pid = pid * 10 + (*q - '0');
  if (q == p || *p == '0' || *q != '/' || pid != getpid()) return NULL;
  return q + 1;
}

/* The process's own exe link: /proc/self/exe, /proc/thread-self/exe or
   /proc/<our pid>/exe, spelled exactly so. */
static bool is_own_exe(const char *path) {
  static const char kProc[] = "/proc/";
  if (strncmp(path, kProc, sizeof kProc - 1)) return false;
  const char *p = path + sizeof kProc - 1, *rest;
  if (!strncmp(p, "self/", 5)) rest = p + 5;
  else if (!strncmp(p, "thread-self/", 12)) rest = p + 12;
  else rest = skip_own_pid(p);
  return rest && !strcmp(rest, "exe");
}

/* A relative path (or an empty one with AT_EMPTY_PATH) is looked up from
   dirfd, which must then be the guest's: elfrun's own descriptors do not
   exist for it. An absolute path ignores dirfd, as in the kernel. */
static bool dirfd_ok(int dirfd, const char *path) {
  return path[0] == '/' || dirfd == A64_AT_FDCWD || fd_is_guest(dirfd);
}

int path_get(struct thread *t, int dirfd, gaddr guest_path, unsigned how,
             struct host_path *out) {
  bool empty_ok = how & PATH_EMPTY_OK;
  if (!guest_path && empty_ok && (how & PATH_NULL_OK)) {
    out->buf[0] = 0;
  } else {
    long n = path_copy_from_guest(out->buf, guest_path, empty_ok);
    if (n < 0) return (int)n;
  }
  if (!dirfd_ok(dirfd, out->buf)) return -EBADF;
  out->dirfd = dirfd == A64_AT_FDCWD ? AT_FDCWD : dirfd;
  out->path = out->buf;
  out->link = NULL;
  out->owned_fd = -1;
  const char *exe = t->proc->exe_path;
  if (exe && is_own_exe(out->buf)) {
    if (how & PATH_NOFOLLOW) {
      out->link = exe;
    } else {
      out->dirfd = AT_FDCWD;
      out->path = exe;
    }
  }
  return 0;
}

void path_put(struct host_path *p) {
  if (p->owned_fd >= 0) close(p->owned_fd);
  p->owned_fd = -1;
}
