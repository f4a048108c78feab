/* Host <-> aarch64 structure conversion (src/linux/xlat.c) and the aarch64
   layouts of src/linux/abi.h, checked against the kernel's own headers. */
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "abi_ref.h"
#include "linux/abi.h"
#include "linux/xlat.h"
#include "unit.h"

#define OURS(f) {#f, offsetof(struct a64_stat, f), sizeof(((struct a64_stat *)0)->f)}

/* struct a64_stat's fields in the order of the kernel's struct stat. */
static const struct abi_field kOurStat[] = {
    OURS(st_dev),           OURS(st_ino),       OURS(st_mode),          OURS(st_nlink),
    OURS(st_uid),           OURS(st_gid),       OURS(st_rdev),          OURS(__pad1),
    OURS(st_size),          OURS(st_blksize),   OURS(__pad2),           OURS(st_blocks),
    OURS(st_atime_sec),     OURS(st_atime_nsec), OURS(st_mtime_sec),    OURS(st_mtime_nsec),
    OURS(st_ctime_sec),     OURS(st_ctime_nsec), OURS(__unused4),       OURS(__unused5),
};

TEST(xlat, a64_stat_matches_the_kernel_header) {
  ASSERT_EQ(ARRAY_LEN(kOurStat), g_ref_stat_nfields);
  EXPECT_EQ(sizeof(struct a64_stat), g_ref_stat_size);
  for (size_t i = 0; i < ARRAY_LEN(kOurStat); i++) {
    const struct abi_field *ours = &kOurStat[i], *ref = &g_ref_stat_fields[i];
    if (ours->offset != ref->offset || ours->size != ref->size)
      unit_note("a64_stat.%s is at %lu (%lu bytes); the kernel's %s at %lu (%lu bytes)",
                ours->name, ours->offset, ours->size, ref->name, ref->offset, ref->size);
    EXPECT_EQ(ours->offset, ref->offset);
    EXPECT_EQ(ours->size, ref->size);
  }
}

static struct stat sample_stat(void) {
  struct stat st;
  memset(&st, 0, sizeof st);
  st.st_dev = 0x0000080100000803ull;
  st.st_ino = 0x1122334455667788ull;
  st.st_mode = S_IFREG | 0644;
  st.st_nlink = 3;
  st.st_uid = 1001;
  st.st_gid = 1002;
  st.st_rdev = 0x0000000000000501ull;
  st.st_size = 0x123456789abll;
  st.st_blksize = 4096;
  st.st_blocks = 0x918a2b3cll;
  st.st_atim = (struct timespec){1700000001, 111111111};
  st.st_mtim = (struct timespec){1700000002, 222222222};
  st.st_ctim = (struct timespec){1700000003, 333333333};
  return st;
}

TEST(xlat, stat_copies_every_field) {
  struct stat st = sample_stat();
  struct a64_stat g;
  xlat_stat_to_guest(&g, &st);
  EXPECT_EQ(g.st_dev, st.st_dev);
  EXPECT_EQ(g.st_ino, st.st_ino);
  EXPECT_EQ(g.st_mode, S_IFREG | 0644);
  EXPECT_EQ(g.st_nlink, 3);
  EXPECT_EQ(g.st_uid, 1001);
  EXPECT_EQ(g.st_gid, 1002);
  EXPECT_EQ(g.st_rdev, 0x501);
  EXPECT_EQ(g.st_size, 0x123456789abll);
  EXPECT_EQ(g.st_blksize, 4096);
  EXPECT_EQ(g.st_blocks, 0x918a2b3cll);
  EXPECT_EQ(g.st_atime_sec, 1700000001);
  EXPECT_EQ(g.st_atime_nsec, 111111111);
  EXPECT_EQ(g.st_mtime_sec, 1700000002);
  EXPECT_EQ(g.st_mtime_nsec, 222222222);
  EXPECT_EQ(g.st_ctime_sec, 1700000003);
  EXPECT_EQ(g.st_ctime_nsec, 333333333);
}

TEST(xlat, stat_clears_padding) {
  struct stat st = sample_stat();
  struct a64_stat g;
  memset(&g, 0xaa, sizeof g);
  xlat_stat_to_guest(&g, &st);
  EXPECT_EQ(g.__pad1, 0);
  EXPECT_EQ(g.__pad2, 0);
  EXPECT_EQ(g.__unused4, 0);
  EXPECT_EQ(g.__unused5, 0);
}

TEST(xlat, stat_keeps_times_before_1970) {
  struct stat st = sample_stat();
  st.st_mtim = (struct timespec){-86400, 5};
  struct a64_stat g;
  xlat_stat_to_guest(&g, &st);
  EXPECT_EQ(g.st_mtime_sec, -86400);
  EXPECT_EQ(g.st_mtime_nsec, 5);
}

TEST(xlat, stat_keeps_sizes_beyond_4_gib) {
  struct stat st = sample_stat();
  st.st_size = 1ll << 40;
  st.st_blocks = (1ll << 40) / 512;
  struct a64_stat g;
  xlat_stat_to_guest(&g, &st);
  EXPECT_EQ(g.st_size, 1ll << 40);
  EXPECT_EQ(g.st_blocks, (1ll << 40) / 512);
}

TEST(xlat, stat_keeps_device_file_numbers) {
  struct stat st = sample_stat();
  st.st_mode = S_IFCHR | 0666;
  st.st_rdev = makedev(136, 3); /* /dev/pts/3 */
  struct a64_stat g;
  xlat_stat_to_guest(&g, &st);
  EXPECT_EQ(g.st_mode, S_IFCHR | 0666);
  EXPECT_EQ(g.st_rdev, makedev(136, 3));
}
