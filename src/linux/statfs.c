/* statfs and fstatfs. The host fills its struct statfs and xlat.c copies
   it field by field into the arm64 one (asm-generic/statfs.h); the two
   64-bit layouts agree, and the copy keeps it so whatever the host libc
   declares. */
#include <errno.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/fd.h"
#include "linux/fs.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"
#include "path/path.h"

static i64 statfs_to_guest(gaddr buf, const struct statfs *st) {
  struct a64_statfs out;
  xlat_statfs_to_guest(&out, st);
  return copy_to_guest(buf, &out, sizeof out) ? -EFAULT : 0;
}

/* user_statfs() follows a final symlink. */
SYSCALL_HANDLER(statfs) {
  struct host_path hp;
  int err = path_get(t, A64_AT_FDCWD, arg[0], PATH_FOLLOW, &hp);
  if (err) return err;
  char via[PATH_MAX + 32];
  struct statfs st;
  i64 ret = host_result(syscall(SYS_statfs, fs_host_path_string(&hp, via, sizeof via), &st));
  path_put(&hp);
  return ret ? ret : statfs_to_guest(arg[1], &st);
}

SYSCALL_HANDLER(fstatfs) {
  (void)t;
  int fd = (int)arg[0];
  if (!fd_is_guest(fd)) return -EBADF;
  struct statfs st;
  if (syscall(SYS_fstatfs, fd, &st) != 0) return -errno;
  return statfs_to_guest(arg[1], &st);
}
