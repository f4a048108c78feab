/* Descriptor I/O and the descriptor table: read, write and their vector and
   positioned forms, getdents64, lseek, close, dup, pipe2, fcntl, flock,
   ftruncate and the sync calls.

   Descriptors are the host's, one for one. elfrun's own sit at
   FD_GUEST_LIMIT and above and are refused with EBADF, exactly as if they
   were not open; a host call that hands out a descriptor there (the guest
   has ~1000 open) is undone and reported as EMFILE (fd_adopt). */
#include "linux/fd.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <limits.h>
#include <pthread.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "linux/safe_syscall.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"
#include "path/procfs.h"
#include "path/sidecar.h"

/* UIO_MAXIOV: the kernel's limit on readv/writev segments. */
#define A64_UIO_MAXIOV 1024

/* Not in every host header. */
#ifndef F_GETOWNER_UIDS
#define F_GETOWNER_UIDS 17
#endif
#ifndef F_DUPFD_QUERY
#define F_DUPFD_QUERY 1027 /* Linux 6.10 */
#endif
#ifndef F_CREATED_QUERY
#define F_CREATED_QUERY 1028 /* Linux 6.12 */
#endif
#ifndef F_GET_RW_HINT
#define F_GET_RW_HINT 1035
#define F_SET_RW_HINT 1036
#define F_GET_FILE_RW_HINT 1037
#define F_SET_FILE_RW_HINT 1038
#endif

static pthread_mutex_t g_nofile_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rlimit g_nofile; /* the guest's RLIMIT_NOFILE, once set up */
static bool g_nofile_ready;

/* The guest starts with the host's limits, capped at FD_GUEST_LIMIT. */
static void nofile_init_locked(void) {
  if (g_nofile_ready) return;
  struct rlimit host = {FD_GUEST_LIMIT, FD_GUEST_LIMIT};
  getrlimit(RLIMIT_NOFILE, &host);
  g_nofile.rlim_cur = host.rlim_cur < FD_GUEST_LIMIT ? host.rlim_cur : FD_GUEST_LIMIT;
  g_nofile.rlim_max = host.rlim_max < FD_GUEST_LIMIT ? host.rlim_max : FD_GUEST_LIMIT;
  g_nofile_ready = true;
}

void fd_get_nofile(struct rlimit *out) {
  pthread_mutex_lock(&g_nofile_lock);
  nofile_init_locked();
  *out = g_nofile;
  pthread_mutex_unlock(&g_nofile_lock);
}

/* Raising the hard limit needs CAP_SYS_RESOURCE on Linux; here it is never
   possible, since no guest can have more than FD_GUEST_LIMIT anyway. */
int fd_set_nofile(const struct rlimit *in) {
  if (in->rlim_cur > in->rlim_max) return -EINVAL;
  pthread_mutex_lock(&g_nofile_lock);
  nofile_init_locked();
  int ret = in->rlim_max > g_nofile.rlim_max ? -EPERM : 0;
  if (!ret) g_nofile = *in;
  pthread_mutex_unlock(&g_nofile_lock);
  return ret;
}

/* The first descriptor number the guest may not have. */
static u64 nofile_cur(void) {
  struct rlimit rl;
  fd_get_nofile(&rl);
  return rl.rlim_cur;
}

i64 fd_adopt(long r) {
  if (r < 0) return -errno;
  if ((u64)r >= nofile_cur()) {
    close((int)r);
    return -EMFILE;
  }
  return r;
}

/* Buffers go to the host as guest_buf(): a bad one is then refused by the
   host kernel after its descriptor checks, in the aarch64 kernel's order. */
SYSCALL_HANDLER(read) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return safe_syscall(t, SYS_read, fd, guest_buf(arg[1], arg[2]), arg[2]);
}

SYSCALL_HANDLER(write) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return safe_syscall(t, SYS_write, fd, guest_buf(arg[1], arg[2]), arg[2]);
}

SYSCALL_HANDLER(pread64) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return safe_syscall(t, SYS_pread64, fd, guest_buf(arg[1], arg[2]), arg[2], arg[3]);
}

SYSCALL_HANDLER(pwrite64) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return safe_syscall(t, SYS_pwrite64, fd, guest_buf(arg[1], arg[2]), arg[2], arg[3]);
}

/* access_ok() of the arm64 kernel (48-bit user addresses). */
static bool a64_access_ok(gaddr a, u64 len) {
  return a <= A64_TASK_SIZE && len <= A64_TASK_SIZE - a;
}

/* Copies the guest's iovec array into iov for the host, as the arm64
   kernel would use it, and returns how many segments to pass on, or -1 if
   the array cannot be read (too long, or not in guest memory).
   Lengths are the host's to judge: a negative one is EINVAL there too. A
   segment arm64's access_ok() refuses fails the whole call with EFAULT, so
   it becomes HOST_EFAULT_PTR. One that passes access_ok() but lies outside
   the window is memory the guest cannot have mapped: arm64 would move the
   segments before it and stop at the fault (a short transfer), so the
   vector is cut there; cut at the first segment, that is EFAULT. */
static i64 import_iovec(gaddr uvec, u64 count, struct iovec *iov) {
  if (count > A64_UIO_MAXIOV || copy_from_guest(iov, uvec, count * sizeof *iov))
    return -1;
  u64 cut = count;
  bool host_fails = false;
  for (u64 i = 0; i < count; i++) {
    gaddr base = h2g(iov[i].iov_base);
    u64 len = iov[i].iov_len;
    if ((i64)len < 0) {
      host_fails = true;
    } else if (!guest_ptr_ok(base, len)) {
      iov[i].iov_base = HOST_EFAULT_PTR;
      if (!a64_access_ok(base, len)) host_fails = true;
      else if (cut == count) cut = i;
    } else {
      code_guard_before_host_write(base, len); /* a read fills it */
    }
  }
  return (i64)(host_fails || cut == 0 ? count : cut);
}

/* readv, writev, preadv, pwritev. On a 64-bit kernel the position is all
   in pos_l (pos_from_hilo() shifts pos_h out); the host's takes the same.
   An array that cannot be read goes to the host as HOST_EFAULT_PTR, which
   reports it (EINVAL when too long, else EFAULT) after checking fd. */
static i64 vector_io(struct thread *t, long nr, const u64 *arg) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  struct iovec iov[A64_UIO_MAXIOV];
  i64 n = import_iovec(arg[1], arg[2], iov);
  if (n < 0) return safe_syscall(t, nr, fd, HOST_EFAULT_PTR, arg[2], arg[3], 0);
  return safe_syscall(t, nr, fd, iov, n, arg[3], 0);
}

SYSCALL_HANDLER(readv) { return vector_io(t, SYS_readv, arg); }
SYSCALL_HANDLER(writev) { return vector_io(t, SYS_writev, arg); }
SYSCALL_HANDLER(preadv) { return vector_io(t, SYS_preadv, arg); }
SYSCALL_HANDLER(pwritev) { return vector_io(t, SYS_pwritev, arg); }

/* preadv2, pwritev2 (fs/read_write.c): as preadv and pwritev, plus RWF_*
   flags, the same bits on every arch, which the host judges; a position
   of -1 means the file's own, as for readv. They may block (RWF_NOWAIT
   aside), so they go through safe_syscall. */
static i64 vector_io2(struct thread *t, long nr, const u64 *arg) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  struct iovec iov[A64_UIO_MAXIOV];
  i64 n = import_iovec(arg[1], arg[2], iov);
  void *vec = iov;
  if (n < 0) {
    vec = HOST_EFAULT_PTR;
    n = (i64)arg[2];
  }
  return safe_syscall(t, nr, fd, vec, n, arg[3], 0, (int)arg[5]);
}

SYSCALL_HANDLER(preadv2) { return vector_io2(t, SYS_preadv2, arg); }
SYSCALL_HANDLER(pwritev2) { return vector_io2(t, SYS_pwritev2, arg); }

/* linux_dirent64 has one layout everywhere: the host fills the guest's
   buffer directly. */
SYSCALL_HANDLER(getdents64) {
  (void)t;
  int fd = (int)arg[0];
  u32 count = (u32)arg[2];
  if (!fd_is_guest(fd)) return -EBADF;
  /* procfs: /proc/self/fd and fdinfo leave elfrun's descriptors out. */
  i64 n = host_result(procfs_getdents64(fd, guest_buf(arg[1], count), count));
  return sidecar_getdents64(fd, arg[1], count, n); /* a sysroot's guest names */
}

SYSCALL_HANDLER(lseek) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(lseek(fd, (off_t)arg[1], (int)arg[2]));
}

SYSCALL_HANDLER(close) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(close(fd));
}

/* The guest's close_range never reaches elfrun's own descriptors. */
SYSCALL_HANDLER(close_range) {
  (void)t;
  u32 first = (u32)arg[0], last = (u32)arg[1], flags = (u32)arg[2];
  if (flags & ~(u32)(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC)) return -EINVAL;
  if (first > last) return -EINVAL;
  if (first >= FD_GUEST_LIMIT) return 0;
  if (last >= FD_GUEST_LIMIT) last = FD_GUEST_LIMIT - 1;
  return host_result(syscall(SYS_close_range, first, last, flags));
}

SYSCALL_HANDLER(dup) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return fd_adopt(dup(fd));
}

/* ksys_dup3(): flags, then oldfd == newfd, then newfd past RLIMIT_NOFILE. */
SYSCALL_HANDLER(dup3) {
  (void)t;
  int oldfd = (int)arg[0], newfd = (int)arg[1];
  u64 flags = (u32)arg[2];
  if (flags & ~(u64)O_CLOEXEC) return -EINVAL;
  if (oldfd == newfd) return -EINVAL;
  if ((u32)newfd >= nofile_cur()) return -EBADF;
  if (!fd_is_guest(oldfd)) return -EBADF;
  return host_result(dup3(oldfd, newfd, xlat_open_flags_from_guest(flags)));
}

SYSCALL_HANDLER(pipe2) {
  (void)t;
  int fds[2];
  int flags = xlat_open_flags_from_guest((u32)arg[1]);
  if (pipe2(fds, flags) != 0) return -errno;
  u64 limit = nofile_cur();
  i64 ret = 0;
  if ((u64)fds[0] >= limit || (u64)fds[1] >= limit) ret = -EMFILE;
  else if (copy_to_guest(arg[0], fds, sizeof fds)) ret = -EFAULT;
  if (ret) {
    close(fds[0]);
    close(fds[1]);
  }
  return ret;
}

/* F_DUPFD and F_DUPFD_CLOEXEC: the lowest free number >= from. */
static i64 fcntl_dupfd(int fd, int cmd, u32 from) {
  if (from >= nofile_cur()) return -EINVAL;
  return fd_adopt(syscall(SYS_fcntl, fd, cmd, from));
}

/* F_GETOWN answers -pgid for a process group, which a raw call could not
   tell from an error; F_GETOWN_EX says the same without that ambiguity. */
static i64 fcntl_getown(int fd) {
  struct f_owner_ex owner;
  if (syscall(SYS_fcntl, fd, F_GETOWN_EX, &owner) != 0) return -errno;
  return owner.type == F_OWNER_PGRP ? -(i64)owner.pid : owner.pid;
}

/* The status flags (F_GETFL, F_SETFL) in the guest's O_* bits. */
static i64 fcntl_getfl(int fd) {
  long fl = syscall(SYS_fcntl, fd, F_GETFL);
  return fl < 0 ? -errno : (i64)xlat_open_flags_to_guest((int)fl);
}

/* Commands whose argument points at size bytes of guest memory with the
   same layout on both ABIs: struct flock, struct f_owner_ex, uid_t[2],
   u64 write-life hints. */
static u64 fcntl_pointer_size(int cmd) {
  switch (cmd) {
    case F_GETLK: case F_SETLK: case F_SETLKW:
    case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW:
      return sizeof(struct flock);
    case F_GETOWN_EX: case F_SETOWN_EX: return sizeof(struct f_owner_ex);
    case F_GETOWNER_UIDS: return 2 * sizeof(u32);
    case F_GET_RW_HINT: case F_SET_RW_HINT:
    case F_GET_FILE_RW_HINT: case F_SET_FILE_RW_HINT: return sizeof(u64);
    default: return 0;
  }
}

/* Commands taking a plain integer; F_SETSIG's signal numbers are the same
   on both. */
static bool fcntl_takes_value(int cmd) {
  switch (cmd) {
    case F_GETFD: case F_SETFD: case F_SETOWN:
    case F_GETSIG: case F_SETSIG: case F_GETLEASE: case F_SETLEASE:
    case F_NOTIFY: case F_GETPIPE_SZ: case F_SETPIPE_SZ:
    case F_ADD_SEALS: case F_GET_SEALS: case F_CREATED_QUERY:
      return true;
    default:
      return false;
  }
}

/* Raw calls throughout: glibc's fcntl rewrites F_GETOWN and F_SETLK*.
   The structure commands go through safe_syscall, since F_SETLKW and
   F_OFD_SETLKW wait for the lock. */
SYSCALL_HANDLER(fcntl) {
  int fd = (int)arg[0], cmd = (int)arg[1];
  if (!fd_is_guest(fd)) return -EBADF;
  switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC: return fcntl_dupfd(fd, cmd, (u32)arg[2]);
    case F_DUPFD_QUERY:
      /* f_dupfd_query(): the other descriptor must be open. */
      if (!fd_is_guest((int)arg[2])) return -EBADF;
      return host_result(syscall(SYS_fcntl, fd, cmd, (int)arg[2]));
    case F_GETOWN: return fcntl_getown(fd);
    case F_GETFL: return fcntl_getfl(fd);
    case F_SETFL:
      return host_result(syscall(SYS_fcntl, fd, F_SETFL, xlat_open_flags_from_guest((u32)arg[2])));
    default: break;
  }
  if (fcntl_takes_value(cmd)) return host_result(syscall(SYS_fcntl, fd, cmd, (u32)arg[2]));
  u64 size = fcntl_pointer_size(cmd);
  if (!size) return -EINVAL;
  return safe_syscall(t, SYS_fcntl, fd, cmd, guest_buf(arg[2], size));
}

/* LOCK_EX and LOCK_SH wait for the lock, interruptibly. */
SYSCALL_HANDLER(flock) {
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return safe_syscall(t, SYS_flock, fd, (int)arg[1]);
}

SYSCALL_HANDLER(ftruncate) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(ftruncate(fd, (off_t)arg[1]));
}

SYSCALL_HANDLER(sync) {
  (void)t;
  (void)arg;
  sync();
  return 0;
}

SYSCALL_HANDLER(fsync) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(fsync(fd));
}

SYSCALL_HANDLER(fdatasync) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(fdatasync(fd));
}

/* ---- space, caching and write-back hints ---- */

/* FALLOC_FL_*, SYNC_FILE_RANGE_* and POSIX_FADV_* have the same values on
   both ABIs (asm-generic/fcntl.h: only s390 moves the fadvise ones). */
SYSCALL_HANDLER(fallocate) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_fallocate, fd, (int)arg[1], (off_t)arg[2], (off_t)arg[3]));
}

SYSCALL_HANDLER(syncfs) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_syncfs, fd));
}

/* arm64's sync_file_range takes (fd, offset, nbytes, flags), the order
   x86-64's does (asm-generic/unistd.h: sys_sync_file_range). */
SYSCALL_HANDLER(sync_file_range) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_sync_file_range, fd, (off_t)arg[1], (off_t)arg[2], (u32)arg[3]));
}

SYSCALL_HANDLER(readahead) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_readahead, fd, (off_t)arg[1], (size_t)arg[2]));
}

/* Number 223 is fadvise64_64 on arm64: (fd, offset, len, advice), which
   is x86-64's fadvise64. */
SYSCALL_HANDLER(fadvise64) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  return host_result(syscall(SYS_fadvise64, fd, (off_t)arg[1], (off_t)arg[2], (int)arg[3]));
}
