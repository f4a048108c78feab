/* The path layer: every path a guest hands to a system call comes through
   here before the host sees it.

   Without a sysroot the mapping is the identity, at no cost beyond copying
   the string, with one exception: /proc/self/exe must name the guest
   program, not elfrun (Debian's busybox re-executes itself through it).
   With a sysroot, resolver.c maps each path into the sysroot or onto the
   host (docs/sysroot.md), and the process's own links under /proc/self
   read back as guest paths. Synthetic /proc content is procfs.c's, at
   open. Handlers act on the (dirfd, path) pair path_get() returns and
   never on the guest's string. */
#include "path/path.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linux/fd.h"
#include "linux/process.h"
#include "mem/guest.h"
#include "path/resolver.h"
#include "path/sysroot.h"

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

/* What follows "/proc/self/", "/proc/thread-self/" or "/proc/<our pid>/"
   in path, or NULL when path is not spelled so. */
static const char *own_proc_entry(const char *path) {
  static const char kProc[] = "/proc/";
  if (strncmp(path, kProc, sizeof kProc - 1)) return NULL;
  const char *p = path + sizeof kProc - 1;
  if (!strncmp(p, "self/", 5)) return p + 5;
  if (!strncmp(p, "thread-self/", 12)) return p + 12;
  return skip_own_pid(p);
}

/* The process's own exe link, spelled exactly so. */
static bool is_own_exe(const char *path) {
  const char *rest = own_proc_entry(path);
  return rest && !strcmp(rest, "exe");
}

/* The process's links that name host paths: cwd, root and fd/N. */
static bool is_own_path_link(const char *path) {
  const char *rest = own_proc_entry(path);
  if (!rest) return false;
  if (!strcmp(rest, "cwd") || !strcmp(rest, "root")) return true;
  if (strncmp(rest, "fd/", 3) || !rest[3]) return false;
  return strspn(rest + 3, "0123456789") == strlen(rest + 3);
}

/* fd/N or fdinfo/N of the process (or of one of its tasks) naming one of
   elfrun's own descriptors: the guest's kernel has no such entry. Their
   directory listings leave them out too (procfs.c). */
static bool is_elfrun_fd_entry(const char *path) {
  const char *rest = own_proc_entry(path);
  if (rest && !strncmp(rest, "task/", 5)) {
    rest += 5 + strspn(rest + 5, "0123456789");
    if (*rest++ != '/') return false;
  }
  if (!rest) return false;
  const char *n = !strncmp(rest, "fd/", 3)       ? rest + 3
                  : !strncmp(rest, "fdinfo/", 7) ? rest + 7
                                                 : NULL;
  size_t len = n ? strspn(n, "0123456789") : 0;
  if (!len || (n[len] && strcmp(n + len, "/"))) return false;
  return len > 9 || atoi(n) >= FD_GUEST_LIMIT;
}

/* Rule 9: readlink shows guest paths. The host answers for the link; a
   target inside the sysroot loses the sysroot's prefix. */
static void reverse_link(struct host_path *out) {
  ssize_t n = readlink(out->buf, out->link_buf, PATH_MAX - 1);
  if (n < 0) return; /* the call itself will meet the same error */
  out->link_buf[n] = 0;
  const char *view = path_guest_view(out->link_buf);
  if (view == out->link_buf) return;
  memmove(out->link_buf, view, strlen(view) + 1);
  sidecar_guest_path(out->link_buf);
  out->link = out->link_buf;
}

/* readlink of /proc/self/exe: the program as the guest names it. Inside
   the sysroot its prefix goes and a generated host name (docs/sidecar.md)
   becomes the guest's name for it. */
static const char *exe_link(const char *exe, char buf[PATH_MAX]) {
  const char *view = path_guest_view(exe);
  if (view == exe) return exe;
  snprintf(buf, PATH_MAX, "%s", view);
  sidecar_guest_path(buf);
  return buf;
}

/* A relative path (or an empty one with AT_EMPTY_PATH) is looked up from
   dirfd, which must then be the guest's: elfrun's own descriptors do not
   exist for it. An absolute path ignores dirfd, as in the kernel. */
static bool dirfd_ok(int dirfd, const char *path) {
  return path[0] == '/' || dirfd == A64_AT_FDCWD || fd_is_guest(dirfd);
}

/* What a removal takes away matters to the directory cache only if it is
   a directory or a symlink: a cached path might run through either. */
static bool removes_dir_or_symlink(const struct host_path *hp) {
  struct stat st;
  if (fstatat(hp->dirfd, hp->path, &st, AT_SYMLINK_NOFOLLOW) != 0) return false;
  return S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode);
}

static int resolve_in_sysroot(struct host_path *out, int dirfd, unsigned how) {
  if ((how & PATH_NOFOLLOW) && is_own_path_link(out->buf)) reverse_link(out);
  int err = resolver_resolve(out, dirfd, how);
  if (err) return err;
  if (how & PATH_CREATE) out->changes |= PATH_CREATE;
  if ((how & PATH_REMOVE) && removes_dir_or_symlink(out)) out->changes |= PATH_REMOVE;
  return 0;
}

int path_resolve(struct thread *t, int dirfd, unsigned how, struct host_path *out) {
  out->dirfd = dirfd == A64_AT_FDCWD ? AT_FDCWD : dirfd;
  out->path = out->buf;
  out->link = NULL;
  out->hold = DIR_HOLD_NONE;
  out->changes = 0;
  out->side.active = false;
  if (!dirfd_ok(dirfd, out->buf)) return -EBADF;
  if (is_elfrun_fd_entry(out->buf)) return -ENOENT;
  const char *exe = t ? t->proc->exe_path : NULL;
  if (exe && is_own_exe(out->buf)) {
    if (how & PATH_NOFOLLOW) {
      out->link = exe_link(exe, out->link_buf);
    } else {
      out->dirfd = AT_FDCWD;
      out->path = exe;
    }
    return 0;
  }
  if (!sysroot_active()) return 0;
  return resolve_in_sysroot(out, out->dirfd, how);
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
  return path_resolve(t, dirfd, how, out);
}

/* The call has been made: what it may have changed in the sysroot's
   directories is forgotten by the directory cache. */
void path_put(struct host_path *p) {
  if (p->changes & PATH_REMOVE) dircache_dirs_changed();
  else if (p->changes & PATH_CREATE) dircache_name_created(p->dirfd, p->path);
  p->changes = 0;
  dircache_release(&p->hold);
}

/* O_CREAT|O_EXCL never follows a final symlink: it fails with EEXIST. */
unsigned path_open_how(int flags) {
  unsigned how = flags & O_NOFOLLOW ? PATH_NOFOLLOW : PATH_FOLLOW;
  if (flags & O_CREAT) how |= PATH_CREATE | (flags & O_EXCL ? PATH_NOFOLLOW : 0);
  return how;
}

/* A file created here gets mode 0666 less the umask, as fopen() gives. */
int path_open_guest_file(struct thread *t, const char *guest_path, int flags) {
  struct host_path hp;
  size_t n = strlen(guest_path);
  if (n == 0) return -ENOENT;
  if (n >= sizeof hp.buf) return -ENAMETOOLONG;
  memcpy(hp.buf, guest_path, n + 1);
  int err = path_resolve(t, A64_AT_FDCWD, path_open_how(flags), &hp);
  if (err) return err;
  int fd = openat(hp.dirfd, hp.path, flags, 0666);
  int ret = fd < 0 ? -errno : fd;
  path_put(&hp);
  return ret;
}
