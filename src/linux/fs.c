/* System calls that take a path: open, stat, readlink, access, the
   directory-entry calls (mkdir, unlink, rename, link, symlink, mknod),
   ownership, mode and times, the working directory.

   Every guest path goes through path_get() and each handler then acts on
   the (dirfd, path) pair it returns, never on the guest's string. Where the
   kernel rejects bad flags before it looks at the path, the flags are
   checked first here too, so that errors come in the kernel's order. Host
   calls are raw syscalls: glibc's wrappers of fchmodat, faccessat and
   utimensat reinterpret their flags. */
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/fd.h"
#include "linux/fs.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"
#include "path/path.h"
#include "path/procfs.h"
#include "path/sysroot.h"

/* Not in every host header. */
#ifndef AT_EACCESS
#define AT_EACCESS 0x200
#endif
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#define RENAME_WHITEOUT 4
#endif

/* The PATH_* treatment an AT_* flags word asks for. */
static unsigned path_how(int at_flags) {
  unsigned how = PATH_FOLLOW;
  if (at_flags & AT_SYMLINK_NOFOLLOW) how |= PATH_NOFOLLOW;
  if (at_flags & AT_EMPTY_PATH) how |= PATH_EMPTY_OK;
  return how;
}

/* ---- the sidecar case-folding layer (docs/sidecar.md) ----
   A new name in a sysroot directory the layer governs gets its host name
   from the layer, and a name stored under a generated host name is
   removed or renamed through it, so that the index stays true. */

/* A new name, or one stored under a generated host name: creating it
   takes the layer's lock, since a concurrent unlink could otherwise leave
   O_CREAT to make the generated host name anew, with no row naming it. */
static bool sidecar_new_name(const struct host_path *hp) {
  return hp->side.active && (hp->side.absent || hp->side.mapped);
}

struct mode_dev {
  int flags;
  mode_t mode;
  u32 dev;
};

static i64 open_op(int dirfd, const char *name, void *ctx) {
  const struct mode_dev *m = ctx;
  return host_result(syscall(SYS_openat, dirfd, name, m->flags, m->mode));
}

/* open(2)'s convention: a descriptor, or -1 with errno. */
static long sidecar_open(const struct host_path *hp, int flags, mode_t mode) {
  i64 r = sidecar_create(hp->dirfd, hp->side.guest, open_op, &(struct mode_dev){flags, mode, 0});
  if (r >= 0) return (long)r;
  errno = (int)-r;
  return -1;
}

static i64 mkdir_op(int dirfd, const char *name, void *ctx) {
  return host_result(syscall(SYS_mkdirat, dirfd, name, ((struct mode_dev *)ctx)->mode));
}

static i64 mknod_op(int dirfd, const char *name, void *ctx) {
  const struct mode_dev *m = ctx;
  return host_result(syscall(SYS_mknodat, dirfd, name, m->mode, m->dev));
}

static i64 symlink_op(int dirfd, const char *name, void *ctx) {
  return host_result(syscall(SYS_symlinkat, (const char *)ctx, dirfd, name));
}

static i64 unlink_op(int dirfd, const char *name, void *ctx) {
  return host_result(syscall(SYS_unlinkat, dirfd, name, *(int *)ctx));
}

struct link_from {
  const struct host_path *from;
  int flags;
};

static i64 link_op(int dirfd, const char *name, void *ctx) {
  const struct link_from *l = ctx;
  return host_result(syscall(SYS_linkat, l->from->dirfd, l->from->path, dirfd, name, l->flags));
}

/* Creates hp's name through the layer when it governs it, else as is. */
static i64 create_name(const struct host_path *hp, sidecar_op op, void *ctx) {
  if (sidecar_new_name(hp)) return sidecar_create(hp->dirfd, hp->side.guest, op, ctx);
  return op(hp->dirfd, hp->path, ctx);
}

static struct sidecar_side sidecar_side_of(const struct host_path *hp) {
  return (struct sidecar_side){hp->dirfd, hp->side.active ? hp->side.guest : hp->path,
                               hp->side.active};
}

SYSCALL_HANDLER(openat) {
  int flags = xlat_open_flags_from_guest(arg[2]);
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], path_open_how(flags), &hp);
  if (err) return err;
  long fd = sidecar_new_name(&hp) && (flags & O_CREAT)
                ? sidecar_open(&hp, flags, (mode_t)arg[3])
                : syscall(SYS_openat, hp.dirfd, hp.path, flags, (mode_t)arg[3]);
  i64 ret = fd_adopt(procfs_open(t, fd, flags)); /* synthetic /proc content */
  path_put(&hp);
  return ret;
}

/* ---- stat ---- */

static i64 stat_to_guest(gaddr buf, const struct stat *st) {
  struct a64_stat out;
  xlat_stat_to_guest(&out, st);
  return copy_to_guest(buf, &out, sizeof out) ? -EFAULT : 0;
}

SYSCALL_HANDLER(fstat) {
  (void)t;
  int fd = (int)arg[0];
  struct stat st;
  if (!fd_is_guest(fd)) return -EBADF;
  if (syscall(SYS_fstat, fd, &st) != 0) return -errno;
  return stat_to_guest(arg[1], &st);
}

/* newfstatat and statx take a NULL path with AT_EMPTY_PATH (Linux 6.11);
   qemu 7.2 still says EFAULT. */
static unsigned stat_how(int at_flags) { return path_how(at_flags) | PATH_NULL_OK; }

SYSCALL_HANDLER(newfstatat) {
  int flags = (int)arg[3];
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], stat_how(flags), &hp);
  if (err) return err;
  struct stat st;
  i64 ret = host_result(syscall(SYS_newfstatat, hp.dirfd, hp.path, &st, flags));
  path_put(&hp);
  return ret ? ret : stat_to_guest(arg[2], &st);
}

/* struct statx is the same on both ABIs. */
SYSCALL_HANDLER(statx) {
  int flags = (int)arg[2];
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], stat_how(flags), &hp);
  if (err) return err;
  struct statx sx;
  i64 ret = host_result(syscall(SYS_statx, hp.dirfd, hp.path, flags, (u32)arg[3], &sx));
  path_put(&hp);
  if (ret) return ret;
  return copy_to_guest(arg[4], &sx, sizeof sx) ? -EFAULT : 0;
}

/* ---- readlink and access ---- */

/* do_readlinkat(): bufsiz is checked first; the link is read into elfrun's
   memory so that a bad buffer is EFAULT only once the lookup succeeded. */
SYSCALL_HANDLER(readlinkat) {
  int bufsiz = (int)arg[3];
  if (bufsiz <= 0) return -EINVAL;
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], PATH_NOFOLLOW | PATH_EMPTY_OK, &hp);
  if (err) return err;
  char target[PATH_MAX];
  size_t want = (size_t)bufsiz < sizeof target ? (size_t)bufsiz : sizeof target;
  i64 n;
  if (hp.link) {
    n = (i64)strlen(hp.link);
    if ((size_t)n > want) n = (i64)want;
    memcpy(target, hp.link, (size_t)n);
  } else {
    n = host_result(syscall(SYS_readlinkat, hp.dirfd, hp.path, target, want));
  }
  path_put(&hp);
  if (n < 0) return n;
  return copy_to_guest(arg[2], target, (size_t)n) ? -EFAULT : n;
}

/* do_faccessat() rejects bad mode and flags before it reads the path. */
static i64 access_at(struct thread *t, const u64 *arg, int flags) {
  int mode = (int)arg[2];
  if (mode & ~(R_OK | W_OK | X_OK)) return -EINVAL;
  if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], path_how(flags), &hp);
  if (err) return err;
  i64 ret = flags ? host_result(syscall(SYS_faccessat2, hp.dirfd, hp.path, mode, flags))
                  : host_result(syscall(SYS_faccessat, hp.dirfd, hp.path, mode));
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(faccessat) { return access_at(t, arg, 0); }
SYSCALL_HANDLER(faccessat2) { return access_at(t, arg, (int)arg[3]); }

/* ---- directory entries ---- */

/* Calls that create or remove a name act on a final symlink itself. */
SYSCALL_HANDLER(mkdirat) {
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], PATH_CREATE | PATH_NOFOLLOW, &hp);
  if (err) return err;
  i64 ret = create_name(&hp, mkdir_op, &(struct mode_dev){0, (mode_t)arg[2], 0});
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(mknodat) {
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], PATH_CREATE | PATH_NOFOLLOW, &hp);
  if (err) return err;
  i64 ret = create_name(&hp, mknod_op, &(struct mode_dev){0, (mode_t)arg[2], (u32)arg[3]});
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(unlinkat) {
  int flags = (int)arg[2];
  if (flags & ~AT_REMOVEDIR) return -EINVAL;
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], PATH_REMOVE | PATH_NOFOLLOW, &hp);
  if (err) return err;
  i64 ret = hp.side.active && hp.side.mapped
                ? sidecar_remove(hp.dirfd, hp.side.guest, unlink_op, &flags)
                : unlink_op(hp.dirfd, hp.path, &flags);
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(symlinkat) {
  char target[PATH_MAX];
  long n = path_copy_from_guest(target, arg[0], false);
  if (n < 0) return n;
  struct host_path hp;
  int err = path_get(t, (int)arg[1], arg[2], PATH_CREATE | PATH_NOFOLLOW, &hp);
  if (err) return err;
  /* The target is link content, stored as the guest wrote it. */
  i64 ret = create_name(&hp, symlink_op, target);
  path_put(&hp);
  return ret;
}

/* The two names of link and rename: (olddirfd, oldpath) in arg[0..1] looked
   up as from_how says, (newdirfd, newpath) in arg[2..3] as a name to
   create (to_how adds PATH_REMOVE when the call may replace it), which
   never follows a final symlink. */
static int path_get2(struct thread *t, const u64 *arg, unsigned from_how, unsigned to_how,
                     struct host_path *from, struct host_path *to) {
  int err = path_get(t, (int)arg[0], arg[1], from_how, from);
  if (err) return err;
  err = path_get(t, (int)arg[2], arg[3], PATH_CREATE | PATH_NOFOLLOW | to_how, to);
  if (err) path_put(from);
  return err;
}

SYSCALL_HANDLER(linkat) {
  int flags = (int)arg[4];
  if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  unsigned how = (flags & AT_SYMLINK_FOLLOW ? PATH_FOLLOW : PATH_NOFOLLOW) |
                 (flags & AT_EMPTY_PATH ? PATH_EMPTY_OK : 0);
  struct host_path from, to;
  int err = path_get2(t, arg, how, 0, &from, &to);
  if (err) return err;
  i64 ret = create_name(&to, link_op, &(struct link_from){&from, flags});
  path_put(&to);
  path_put(&from);
  return ret;
}

/* do_renameat2() refuses bad flags before it looks at either name. */
static i64 rename_at(struct thread *t, const u64 *arg, u32 flags) {
  if (flags & ~(u32)(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) return -EINVAL;
  if ((flags & RENAME_EXCHANGE) && (flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)))
    return -EINVAL;
  struct host_path from, to;
  int err = path_get2(t, arg, PATH_REMOVE | PATH_NOFOLLOW, PATH_REMOVE, &from, &to);
  if (err) return err;
  struct sidecar_side a = sidecar_side_of(&from), b = sidecar_side_of(&to);
  i64 ret = a.active || b.active
                ? sidecar_rename(&a, &b, flags)
                : host_result(syscall(SYS_renameat2, from.dirfd, from.path, to.dirfd, to.path, flags));
  path_put(&to);
  path_put(&from);
  return ret;
}

SYSCALL_HANDLER(renameat) { return rename_at(t, arg, 0); }
SYSCALL_HANDLER(renameat2) { return rename_at(t, arg, (u32)arg[4]); }

/* ---- attributes ---- */

/* truncate has no *at form: a path relative to a directory descriptor is
   reached through that descriptor's /proc/self/fd link, which keeps every
   permission check of the real lookup. */
SYSCALL_HANDLER(truncate) {
  struct host_path hp;
  int err = path_get(t, A64_AT_FDCWD, arg[0], PATH_FOLLOW, &hp);
  if (err) return err;
  char via[PATH_MAX + 32];
  const char *path = hp.path;
  if (hp.dirfd != AT_FDCWD && path[0] != '/') {
    snprintf(via, sizeof via, "/proc/self/fd/%d/%s", hp.dirfd, hp.path);
    path = via;
  }
  i64 ret = host_result(syscall(SYS_truncate, path, (off_t)arg[1]));
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(fchmod) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_fchmod, fd, (mode_t)arg[1]));
}

SYSCALL_HANDLER(fchmodat) {
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], PATH_FOLLOW, &hp);
  if (err) return err;
  i64 ret = host_result(syscall(SYS_fchmodat, hp.dirfd, hp.path, (mode_t)arg[2]));
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(fchown) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_fchown, fd, (u32)arg[1], (u32)arg[2]));
}

SYSCALL_HANDLER(fchownat) {
  int flags = (int)arg[4];
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], path_how(flags), &hp);
  if (err) return err;
  i64 ret = host_result(syscall(SYS_fchownat, hp.dirfd, hp.path, (u32)arg[2], (u32)arg[3], flags));
  path_put(&hp);
  return ret;
}

/* sys_utimensat(): the times are read first; a NULL path with a real dirfd
   sets the times of the descriptor itself (futimens), and then no flags are
   allowed. */
SYSCALL_HANDLER(utimensat) {
  int dirfd = (int)arg[0], flags = (int)arg[3];
  struct timespec times[2], *tp = NULL;
  if (arg[2]) {
    if (copy_from_guest(times, arg[2], sizeof times)) return -EFAULT;
    tp = times;
  }
  if (!arg[1] && dirfd != AT_FDCWD) {
    if (flags) return -EINVAL;
    if (!fd_is_guest(dirfd)) return -EBADF;
    return host_result(syscall(SYS_utimensat, dirfd, NULL, tp, 0));
  }
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  struct host_path hp;
  int err = path_get(t, dirfd, arg[1], path_how(flags), &hp);
  if (err) return err;
  i64 ret = host_result(syscall(SYS_utimensat, hp.dirfd, hp.path, tp, flags));
  path_put(&hp);
  return ret;
}

/* ---- working directory ---- */

/* The kernel writes the path only if it fits (else ERANGE), and returns
   its length with the NUL. Inside the sysroot the guest sees its own path,
   without the sysroot's prefix, so the host's answer is taken whole and
   measured against the guest's buffer afterwards. */
SYSCALL_HANDLER(getcwd) {
  (void)t;
  char buf[PATH_MAX];
  if (syscall(SYS_getcwd, buf, sizeof buf) < 0) return -errno;
  const char *cwd = path_guest_view(buf);
  if (cwd != buf) { /* inside the sysroot: generated host names go too */
    memmove(buf, cwd, strlen(cwd) + 1);
    sidecar_guest_path(buf);
    cwd = buf;
  }
  size_t n = strlen(cwd) + 1;
  if (n > arg[1]) return -ERANGE;
  return copy_to_guest(arg[0], cwd, n) ? -EFAULT : (i64)n;
}

/* chdir has no *at form: a path relative to a directory descriptor is
   opened O_PATH and entered with fchdir, which still checks search
   permission as chdir would. */
static i64 chdir_at(const struct host_path *hp) {
  if (hp->dirfd == AT_FDCWD) return host_result(syscall(SYS_chdir, hp->path));
  int fd = openat(hp->dirfd, hp->path, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return -errno;
  i64 ret = host_result(fchdir(fd));
  close(fd);
  return ret;
}

SYSCALL_HANDLER(chdir) {
  struct host_path hp;
  int err = path_get(t, A64_AT_FDCWD, arg[0], PATH_FOLLOW, &hp);
  if (err) return err;
  i64 ret = chdir_at(&hp);
  path_put(&hp);
  return ret;
}

SYSCALL_HANDLER(fchdir) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(fchdir(fd));
}

/* ---- helpers for calls without an *at form (linux/fs.h) ---- */

const char *fs_host_path_string(const struct host_path *hp, char *buf, size_t size) {
  if (hp->dirfd == AT_FDCWD || hp->path[0] == '/') return hp->path;
  snprintf(buf, size, "/proc/self/fd/%d/%s", hp->dirfd, hp->path);
  return buf;
}

/* lib/usercopy.c, copy_struct_from_user() and check_zeroed_user(). */
int copy_struct_from_guest(void *dst, size_t dsize, gaddr src, u64 usize) {
  size_t n = usize < dsize ? (size_t)usize : dsize;
  memset(dst, 0, dsize);
  if (copy_from_guest(dst, src, n)) return -EFAULT;
  for (u64 off = dsize; off < usize;) {
    u8 chunk[64];
    size_t len = usize - off < sizeof chunk ? (size_t)(usize - off) : sizeof chunk;
    if (copy_from_guest(chunk, src + off, len)) return -EFAULT;
    for (size_t i = 0; i < len; i++)
      if (chunk[i]) return -E2BIG;
    off += len;
  }
  return 0;
}

/* ---- openat2 ---- */

/* The resolve flags that restrict how a path may be walked without
   changing where it starts. */
#define RESOLVE_WALK_LIMITS (RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV)

/* RESOLVE_BENEATH and RESOLVE_IN_ROOT scope the whole lookup to dirfd: an
   absolute path is EXDEV or starts again at dirfd, never at "/". The
   sysroot's rules concern "/" only, so such a lookup goes to the host
   kernel as the guest wrote it, which applies the kernel's own rules. */
static i64 openat2_scoped(int dirfd, gaddr upath, const struct open_how *how) {
  char path[PATH_MAX];
  long n = path_copy_from_guest(path, upath, false);
  if (n < 0) return n;
  if (dirfd != A64_AT_FDCWD && !fd_is_guest(dirfd)) return -EBADF;
  return fd_adopt(syscall(SYS_openat2, dirfd == A64_AT_FDCWD ? AT_FDCWD : dirfd, path, how,
                          sizeof *how));
}

/* The sidecar_op of openat2 with O_CREAT: the last name, the guest's how. */
static i64 openat2_op(int dirfd, const char *name, void *how) {
  return host_result(syscall(SYS_openat2, dirfd, name, how, sizeof(struct open_how)));
}

/* Otherwise the path layer places the path. Where it lands inside the
   sysroot, the resolver has walked the directories itself, so limits on
   the walk (no symlinks, no magic links, no mount crossings) are applied
   by walking the guest path again from the sysroot's root with
   RESOLVE_IN_ROOT: the sysroot is then "/" to the kernel, which checks
   every component as it would on arm64. A path on the host side is walked
   by the host kernel with the guest's flags as they are. */
static i64 openat2_placed(struct thread *t, int dirfd, gaddr upath, struct open_how *how) {
  unsigned path_how = path_open_how((int)how->flags);
  if (how->resolve & RESOLVE_NO_SYMLINKS) path_how |= PATH_NOFOLLOW;
  struct host_path hp;
  int err = path_get(t, dirfd, upath, path_how, &hp);
  if (err) return err;
  i64 ret;
  if (sidecar_new_name(&hp) && (how->flags & O_CREAT)) {
    /* A new name goes through the layer as openat's does (docs/sidecar.md
       rule 8); the resolver has walked the directories, so the walk
       limits apply to the last name only. */
    ret = sidecar_create(hp.dirfd, hp.side.guest, openat2_op, how);
    if (ret >= 0) ret = fd_adopt(ret);
  } else if (hp.hold.fd >= 0 && (how->resolve & RESOLVE_WALK_LIMITS)) {
    struct open_how rooted = *how;
    rooted.resolve |= RESOLVE_IN_ROOT;
    ret = fd_adopt(syscall(SYS_openat2, sysroot_fd(), hp.buf, &rooted, sizeof rooted));
  } else {
    ret = fd_adopt(syscall(SYS_openat2, hp.dirfd, hp.path, how, sizeof *how));
  }
  path_put(&hp);
  return ret;
}

/* sys_openat2(): the size, the struct, then build_open_flags() refuses
   unknown bits before any lookup (flags above 32 bits can name no O_*). */
SYSCALL_HANDLER(openat2) {
  u64 usize = arg[3];
  if (usize < A64_OPEN_HOW_SIZE_VER0) return -EINVAL;
  if (usize > GUEST_PAGE) return -E2BIG;
  struct a64_open_how guest;
  int err = copy_struct_from_guest(&guest, sizeof guest, arg[2], usize);
  if (err) return err;
  if (guest.flags >> 32) return -EINVAL;
  struct open_how how = {
      .flags = (u32)xlat_open_flags_from_guest(guest.flags),
      .mode = guest.mode,
      .resolve = guest.resolve,
  };
  if (how.resolve & (RESOLVE_BENEATH | RESOLVE_IN_ROOT))
    return openat2_scoped((int)arg[0], arg[1], &how);
  return openat2_placed(t, (int)arg[0], arg[1], &how);
}

/* ---- fchmodat2 (Linux 6.6) ---- */

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

SYSCALL_HANDLER(fchmodat2) {
  int flags = (int)arg[3];
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], path_how(flags), &hp);
  if (err) return err;
  i64 ret = host_result(syscall(SYS_fchmodat2, hp.dirfd, hp.path, (mode_t)arg[2], flags));
  path_put(&hp);
  return ret;
}

/* ---- file handles ---- */

/* include/uapi/linux/fcntl.h: name_to_handle_at's own flags. */
#define A64_AT_HANDLE_MNT_ID_UNIQUE 0x001
#define A64_AT_HANDLE_CONNECTABLE 0x002
#define A64_AT_HANDLE_FID 0x200
#define A64_MAX_HANDLE_SZ 128

/* struct file_handle (handle_bytes, handle_type, then the handle) and
   the mount id have one layout everywhere; the host writes them. The
   guest's handle_bytes says how far the host may write, so that range is
   checked first. */
SYSCALL_HANDLER(name_to_handle_at) {
  int flags = (int)arg[4];
  if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH | A64_AT_HANDLE_FID |
                A64_AT_HANDLE_MNT_ID_UNIQUE | A64_AT_HANDLE_CONNECTABLE))
    return -EINVAL;
  unsigned how = (flags & AT_SYMLINK_FOLLOW ? PATH_FOLLOW : PATH_NOFOLLOW) |
                 (flags & AT_EMPTY_PATH ? PATH_EMPTY_OK : 0);
  struct host_path hp;
  int err = path_get(t, (int)arg[0], arg[1], how, &hp);
  if (err) return err;
  u32 bytes = 0;
  void *handle = HOST_EFAULT_PTR;
  if (!copy_from_guest(&bytes, arg[2], sizeof bytes))
    handle = guest_buf(arg[2], 8 + (bytes < A64_MAX_HANDLE_SZ ? bytes : A64_MAX_HANDLE_SZ));
  void *mnt = guest_buf(arg[3], flags & A64_AT_HANDLE_MNT_ID_UNIQUE ? 8 : 4);
  i64 ret = host_result(syscall(SYS_name_to_handle_at, hp.dirfd, hp.path, handle, mnt, flags));
  path_put(&hp);
  return ret;
}
