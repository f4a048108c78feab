/* Every conversion between host and aarch64 structure layouts. */
#include "linux/xlat.h"

#include <string.h>

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
