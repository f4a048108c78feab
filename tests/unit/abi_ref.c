/* Reference layouts from the arm64 kernel headers. Built with -nostdinc and
   only the linux-libc-dev-arm64-cross include directory (see tests.mk), so
   `struct stat` below is the kernel's, not the host libc's. The host
   compiler lays it out as aarch64 does: both are LP64 with natural
   alignment, and the header uses only int and long members. */
#include <asm/stat.h>

#include "abi_ref.h"

#define FIELD(type, f) \
  {#f, __builtin_offsetof(struct type, f), sizeof(((struct type *)0)->f)}

const struct abi_field g_ref_stat_fields[] = {
    FIELD(stat, st_dev),        FIELD(stat, st_ino),        FIELD(stat, st_mode),
    FIELD(stat, st_nlink),      FIELD(stat, st_uid),        FIELD(stat, st_gid),
    FIELD(stat, st_rdev),       FIELD(stat, __pad1),        FIELD(stat, st_size),
    FIELD(stat, st_blksize),    FIELD(stat, __pad2),        FIELD(stat, st_blocks),
    FIELD(stat, st_atime),      FIELD(stat, st_atime_nsec), FIELD(stat, st_mtime),
    FIELD(stat, st_mtime_nsec), FIELD(stat, st_ctime),      FIELD(stat, st_ctime_nsec),
    FIELD(stat, __unused4),     FIELD(stat, __unused5),
};
const unsigned long g_ref_stat_nfields = sizeof g_ref_stat_fields / sizeof g_ref_stat_fields[0];
const unsigned long g_ref_stat_size = sizeof(struct stat);
