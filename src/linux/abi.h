#ifndef ELFRUN_LINUX_ABI_H_
#define ELFRUN_LINUX_ABI_H_

/* The aarch64 Linux ABI where it differs from, or must not be confused with,
   the x86-64 host's. Layouts from linux-libc-dev-arm64-cross
   (asm-generic/stat.h, asm/signal.h, asm/sigcontext.h...). Conversions live
   in xlat.c, never in casts. */

#include "base/types.h"

#define A64_NSIG 64
#define A64_AT_FDCWD (-100)

/* asm-generic/stat.h: struct stat as aarch64 newfstatat/fstat fill it. */
struct a64_stat {
  u64 st_dev;
  u64 st_ino;
  u32 st_mode;
  u32 st_nlink;
  u32 st_uid;
  u32 st_gid;
  u64 st_rdev;
  u64 __pad1;
  i64 st_size;
  i32 st_blksize;
  i32 __pad2;
  i64 st_blocks;
  i64 st_atime_sec;
  u64 st_atime_nsec;
  i64 st_mtime_sec;
  u64 st_mtime_nsec;
  i64 st_ctime_sec;
  u64 st_ctime_nsec;
  u32 __unused4;
  u32 __unused5;
};
_Static_assert(sizeof(struct a64_stat) == 128, "aarch64 struct stat");

/* The kernel's struct sigaction on aarch64 (no SA_RESTORER use by glibc). */
struct a64_sigaction {
  u64 handler;
  u64 flags;
  u64 restorer;
  u64 mask;
};

#endif
