/* Every conversion between host and aarch64 structure layouts, and the
   proof that the structures we pass through unchanged really are equal. */
#include "linux/xlat.h"

#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>

/* Layouts shared by the x86-64 and aarch64 kernels (both LP64 and both on
   the asm-generic definitions). A host libc that disagreed would fail here
   instead of corrupting guest memory. */
_Static_assert(sizeof(struct timespec) == 16, "timespec");
_Static_assert(sizeof(struct timeval) == 16, "timeval");
_Static_assert(sizeof(struct rlimit) == 16, "rlimit");
_Static_assert(sizeof(struct rusage) == 144, "rusage");
_Static_assert(sizeof(struct tms) == 32, "tms");
_Static_assert(sizeof(struct sysinfo) == 112, "sysinfo");
_Static_assert(sizeof(struct utsname) == 6 * 65, "utsname");
_Static_assert(sizeof(struct iovec) == 16, "iovec");
_Static_assert(sizeof(struct flock) == 32, "flock");
_Static_assert(sizeof(struct statx) == 256, "statx");

void xlat_stat_to_guest(struct a64_stat *dst, const struct stat *src) {
  memset(dst, 0, sizeof *dst);
  dst->st_dev = src->st_dev;
  dst->st_ino = src->st_ino;
  dst->st_mode = src->st_mode;
  dst->st_nlink = (u32)src->st_nlink;
  dst->st_uid = src->st_uid;
  dst->st_gid = src->st_gid;
  dst->st_rdev = src->st_rdev;
  dst->st_size = src->st_size;
  dst->st_blksize = (i32)src->st_blksize;
  dst->st_blocks = src->st_blocks;
  dst->st_atime_sec = src->st_atim.tv_sec;
  dst->st_atime_nsec = src->st_atim.tv_nsec;
  dst->st_mtime_sec = src->st_mtim.tv_sec;
  dst->st_mtime_nsec = src->st_mtim.tv_nsec;
  dst->st_ctime_sec = src->st_ctim.tv_sec;
  dst->st_ctime_nsec = src->st_ctim.tv_nsec;
}

/* The four open(2) flags whose bits differ. Both sets occupy the same four
   bit positions, so clearing them and mapping one by one leaves every other
   bit, known or not, as the guest gave it; the host kernel then ignores
   unknown bits exactly as the aarch64 one would. */

/* The x86-64 kernel's O_LARGEFILE. glibc defines O_LARGEFILE as 0 on 64-bit
   hosts, yet the kernel sets this bit in every file's flags (F_GETFL), as
   arm64's sets its own (force_o_largefile()). */
#define HOST_O_LARGEFILE 0100000

static const struct {
  u64 a64;
  int host;
} kOpenFlags[] = {
    {A64_O_DIRECTORY, O_DIRECTORY},
    {A64_O_NOFOLLOW, O_NOFOLLOW},
    {A64_O_DIRECT, O_DIRECT},
    {A64_O_LARGEFILE, HOST_O_LARGEFILE},
};
#define MOVED_A64 (A64_O_DIRECTORY | A64_O_NOFOLLOW | A64_O_DIRECT | A64_O_LARGEFILE)
#define MOVED_HOST (O_DIRECTORY | O_NOFOLLOW | O_DIRECT | HOST_O_LARGEFILE)
_Static_assert(MOVED_A64 == MOVED_HOST, "the moved open flags share bit positions");

int xlat_open_flags_from_guest(u64 a64_flags) {
  int host = (int)(a64_flags & ~(u64)MOVED_A64);
  for (size_t i = 0; i < ARRAY_LEN(kOpenFlags); i++)
    if (a64_flags & kOpenFlags[i].a64) host |= kOpenFlags[i].host;
  return host;
}

u64 xlat_open_flags_to_guest(int host_flags) {
  u64 a64 = (u32)host_flags & ~(u32)MOVED_HOST;
  for (size_t i = 0; i < ARRAY_LEN(kOpenFlags); i++)
    if (host_flags & kOpenFlags[i].host) a64 |= kOpenFlags[i].a64;
  return a64;
}
