/* Extended attributes: setxattr, getxattr, listxattr, removexattr in
   their path, l (no final symlink) and f (descriptor) forms, and the *at
   forms of Linux 6.13 (setxattrat...).

   Names, values and lists have no layout: the host reads and writes the
   guest's buffers, and answers for every namespace ("user.", "trusted.",
   "system.posix_acl_*", "security.*") as it would to any process of ours.
   Paths go through the path layer; the old calls have no *at form, so a
   name inside a sysroot directory is reached through that directory's
   /proc/self/fd link (fs_host_path_string). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "linux/fd.h"
#include "linux/fs.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"
#include "path/path.h"

/* include/uapi/linux/limits.h */
#define A64_XATTR_NAME_MAX 255
#define A64_XATTR_SIZE_MAX 65536

/* The *at calls, on hosts whose headers predate them (same numbers on
   x86-64, from the unified table). */
#ifndef SYS_setxattrat
#define SYS_setxattrat 463
#define SYS_getxattrat 464
#define SYS_listxattrat 465
#define SYS_removexattrat 466
#endif

/* include/uapi/linux/xattr.h: struct xattr_args, one layout everywhere. */
struct a64_xattr_args {
  u64 value;
  u32 size;
  u32 flags;
};
#define A64_XATTR_ARGS_SIZE_VER0 16

struct xname {
  char s[A64_XATTR_NAME_MAX + 1];
};

/* import_xattr_name(): an empty name or one of 256 bytes and more is
   ERANGE. */
static int import_name(struct xname *out, gaddr uname) {
  long n = copy_str_from_guest(out->s, uname, sizeof out->s);
  if (n == -EFAULT) return -EFAULT;
  if (n <= 0) return -ERANGE;
  return 0;
}

/* setxattr_copy(): the value is read before the lookup. */
static int check_value_in(gaddr value, u64 size) {
  if (size > A64_XATTR_SIZE_MAX) return -E2BIG;
  return guest_ptr_ok(value, size) ? 0 : -EFAULT;
}

/* Path forms: how is PATH_FOLLOW or PATH_NOFOLLOW (the l variants). */
static i64 path_setxattr(struct thread *t, const u64 *arg, unsigned how, long nr) {
  struct xname name;
  int err = import_name(&name, arg[1]);
  if (!err) err = check_value_in(arg[2], arg[3]);
  struct host_path hp;
  if (!err) err = path_get(t, A64_AT_FDCWD, arg[0], how, &hp);
  if (err) return err;
  char via[PATH_MAX + 32];
  i64 ret = host_result(syscall(nr, fs_host_path_string(&hp, via, sizeof via), name.s,
                                guest_buf(arg[2], arg[3]), arg[3], (int)arg[4]));
  path_put(&hp);
  return ret;
}

static i64 path_getxattr(struct thread *t, const u64 *arg, unsigned how, long nr) {
  struct xname name;
  int err = import_name(&name, arg[1]);
  struct host_path hp;
  if (!err) err = path_get(t, A64_AT_FDCWD, arg[0], how, &hp);
  if (err) return err;
  char via[PATH_MAX + 32];
  i64 ret = host_result(syscall(nr, fs_host_path_string(&hp, via, sizeof via), name.s,
                                guest_buf(arg[2], arg[3]), arg[3]));
  path_put(&hp);
  return ret;
}

static i64 path_listxattr(struct thread *t, const u64 *arg, unsigned how, long nr) {
  struct host_path hp;
  int err = path_get(t, A64_AT_FDCWD, arg[0], how, &hp);
  if (err) return err;
  char via[PATH_MAX + 32];
  i64 ret = host_result(syscall(nr, fs_host_path_string(&hp, via, sizeof via),
                                guest_buf(arg[1], arg[2]), arg[2]));
  path_put(&hp);
  return ret;
}

static i64 path_removexattr(struct thread *t, const u64 *arg, unsigned how, long nr) {
  struct xname name;
  int err = import_name(&name, arg[1]);
  struct host_path hp;
  if (!err) err = path_get(t, A64_AT_FDCWD, arg[0], how, &hp);
  if (err) return err;
  char via[PATH_MAX + 32];
  i64 ret = host_result(syscall(nr, fs_host_path_string(&hp, via, sizeof via), name.s));
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(setxattr) { return path_setxattr(t, arg, PATH_FOLLOW, SYS_setxattr); }
SYSCALL_HANDLER(lsetxattr) { return path_setxattr(t, arg, PATH_NOFOLLOW, SYS_lsetxattr); }
SYSCALL_HANDLER(getxattr) { return path_getxattr(t, arg, PATH_FOLLOW, SYS_getxattr); }
SYSCALL_HANDLER(lgetxattr) { return path_getxattr(t, arg, PATH_NOFOLLOW, SYS_lgetxattr); }
SYSCALL_HANDLER(listxattr) { return path_listxattr(t, arg, PATH_FOLLOW, SYS_listxattr); }
SYSCALL_HANDLER(llistxattr) { return path_listxattr(t, arg, PATH_NOFOLLOW, SYS_llistxattr); }
SYSCALL_HANDLER(removexattr) { return path_removexattr(t, arg, PATH_FOLLOW, SYS_removexattr); }
SYSCALL_HANDLER(lremovexattr) {
  return path_removexattr(t, arg, PATH_NOFOLLOW, SYS_lremovexattr);
}

/* ---- descriptor forms ---- */

SYSCALL_HANDLER(fsetxattr) {
  (void)t;
  struct xname name;
  int err = import_name(&name, arg[1]);
  if (!err) err = check_value_in(arg[2], arg[3]);
  if (err) return err;
  if (!fd_is_guest((int)arg[0])) return -EBADF;
  return host_result(syscall(SYS_fsetxattr, (int)arg[0], name.s, guest_buf(arg[2], arg[3]),
                             arg[3], (int)arg[4]));
}

SYSCALL_HANDLER(fgetxattr) {
  (void)t;
  struct xname name;
  int err = import_name(&name, arg[1]);
  if (err) return err;
  if (!fd_is_guest((int)arg[0])) return -EBADF;
  return host_result(syscall(SYS_fgetxattr, (int)arg[0], name.s, guest_buf(arg[2], arg[3]),
                             arg[3]));
}

SYSCALL_HANDLER(flistxattr) {
  (void)t;
  if (!fd_is_guest((int)arg[0])) return -EBADF;
  return host_result(syscall(SYS_flistxattr, (int)arg[0], guest_buf(arg[1], arg[2]), arg[2]));
}

SYSCALL_HANDLER(fremovexattr) {
  (void)t;
  struct xname name;
  int err = import_name(&name, arg[1]);
  if (err) return err;
  if (!fd_is_guest((int)arg[0])) return -EBADF;
  return host_result(syscall(SYS_fremovexattr, (int)arg[0], name.s));
}

/* ---- *at forms (fs/xattr.c, Linux 6.13) ---- */

/* at_flags, then the path as getname_maybe_null() takes it: with
   AT_EMPTY_PATH, "" and NULL name dirfd itself. */
static int xattrat_path(struct thread *t, const u64 *arg, struct host_path *hp) {
  u32 at_flags = (u32)arg[2];
  if (at_flags & ~(u32)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  unsigned how = (at_flags & AT_SYMLINK_NOFOLLOW ? PATH_NOFOLLOW : PATH_FOLLOW) |
                 (at_flags & AT_EMPTY_PATH ? PATH_EMPTY_OK | PATH_NULL_OK : 0);
  return path_get(t, (int)arg[0], arg[1], how, hp);
}

/* The guest's xattr_args, with its value pointer checked. */
static int import_xattr_args(struct a64_xattr_args *args, gaddr uargs, u64 usize) {
  if (usize > GUEST_PAGE) return -E2BIG;
  if (usize < A64_XATTR_ARGS_SIZE_VER0) return -EINVAL;
  int err = copy_struct_from_guest(args, sizeof *args, uargs, usize);
  if (err) return err;
  if (!guest_ptr_ok(args->value, args->size)) args->value = (u64)(uintptr_t)HOST_EFAULT_PTR;
  return 0;
}

/* setxattrat and getxattrat: (dfd, path, at_flags, name, args, usize). */
static i64 xattrat_name_args(struct thread *t, const u64 *arg, long nr) {
  struct a64_xattr_args args;
  int err = import_xattr_args(&args, arg[4], arg[5]);
  struct xname name;
  if (!err) err = import_name(&name, arg[3]);
  struct host_path hp;
  if (!err) err = xattrat_path(t, arg, &hp);
  if (err) return err;
  i64 ret = host_result(syscall(nr, hp.dirfd, hp.path, (u32)arg[2], name.s, &args, sizeof args));
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(setxattrat) { return xattrat_name_args(t, arg, SYS_setxattrat); }
SYSCALL_HANDLER(getxattrat) { return xattrat_name_args(t, arg, SYS_getxattrat); }

SYSCALL_HANDLER(listxattrat) {
  struct host_path hp;
  int err = xattrat_path(t, arg, &hp);
  if (err) return err;
  i64 ret = host_result(syscall(SYS_listxattrat, hp.dirfd, hp.path, (u32)arg[2],
                                guest_buf(arg[3], arg[4]), arg[4]));
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(removexattrat) {
  struct xname name;
  int err = import_name(&name, arg[3]);
  struct host_path hp;
  if (!err) err = xattrat_path(t, arg, &hp);
  if (err) return err;
  i64 ret = host_result(syscall(SYS_removexattrat, hp.dirfd, hp.path, (u32)arg[2], name.s));
  path_put(&hp);
  return ret;
}
