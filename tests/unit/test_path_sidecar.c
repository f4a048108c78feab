/* The sidecar case-folding layer (src/path/sidecar*.c, docs/sidecar.md),
   forced on (--casefold=on) over the path fixture's case-sensitive
   sysroot: collisions get generated names and rows, lookups follow the
   rules, pending rows are true exactly when their host name exists. The
   end-to-end cases, on a real case-insensitive file system too, are
   tests/casefold/run.sh's. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/config.h"
#include "path/path.h"
#include "path/sidecar.h"
#include "path/sidecar_index.h"
#include "test_path_fixture.h"

static i64 mkdir_op(int dirfd, const char *name, void *ctx) {
  (void)ctx;
  return mkdirat(dirfd, name, 0755) ? -errno : 0;
}

static i64 create_op(int dirfd, const char *name, void *ctx) {
  int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) return -errno;
  if (ctx) (void)!write(fd, ctx, strlen(ctx));
  close(fd);
  return 0;
}

/* What a guest's creating call does: resolve, create through the layer. */
static int guest_create(const char *guest, sidecar_op op, void *ctx) {
  struct host_path hp;
  int err = resolve(guest, PATH_CREATE | PATH_NOFOLLOW, &hp);
  if (err) return err;
  i64 r = hp.side.active && hp.side.absent ? sidecar_create(hp.dirfd, hp.side.guest, op, ctx)
                                           : op(hp.dirfd, hp.path, ctx);
  path_put(&hp);
  return (int)r;
}

static bool generated(const char *host) {
  return !strncmp(host, SIDECAR_GEN, sizeof SIDECAR_GEN - 1);
}

static void force_on(struct fixture *f) {
  fixture_remove(f);
  g_config.casefold = CASEFOLD_ON;
  fixture_make(f, true);
}

/* ---- Switching on ---- */

FIXTURE_TEST(sidecar, auto_stays_off_on_a_case_sensitive_sysroot) {
  EXPECT_FALSE(sidecar_on());
}

FIXTURE_TEST(sidecar, on_forces_the_layer) {
  force_on(f);
  EXPECT_TRUE(sidecar_on());
}

FIXTURE_TEST(sidecar, mode_names_parse_both_ways) {
  enum casefold_mode m;
  EXPECT_TRUE(sidecar_parse_mode("off", &m) && m == CASEFOLD_OFF);
  EXPECT_STREQ(sidecar_mode_name(CASEFOLD_ON), "on");
  EXPECT_FALSE(sidecar_parse_mode("yes", &m));
}

/* ---- Collisions ---- */

FIXTURE_TEST(sidecar, second_spelling_gets_a_generated_name_and_a_row) {
  force_on(f);
  ASSERT_EQ(guest_create("/etc/Xyzzy", create_op, "upper"), 0);
  ASSERT_EQ(guest_create("/etc/xyzzy", create_op, "lower"), 0);
  struct host_path hp;
  ASSERT_EQ(resolve("/etc/xyzzy", PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(generated(hp.path));
  EXPECT_STREQ(content_of(&hp), "lower");
  path_put(&hp);
  ASSERT_EQ(resolve("/etc/Xyzzy", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(hp.path, "Xyzzy");
  EXPECT_STREQ(content_of(&hp), "upper");
  path_put(&hp);
}

FIXTURE_TEST(sidecar, existing_guest_name_is_not_created_again) {
  force_on(f);
  ASSERT_EQ(guest_create("/etc/A", create_op, "x"), 0);
  ASSERT_EQ(guest_create("/etc/a", create_op, "y"), 0);
  EXPECT_EQ(guest_create("/etc/a", create_op, "z"), -EEXIST);
  EXPECT_EQ(guest_create("/etc/A", create_op, "z"), -EEXIST);
}

/* ---- Lookups ---- */

FIXTURE_TEST(sidecar, reserved_names_are_absent) {
  force_on(f);
  ASSERT_EQ(guest_create("/etc/A", create_op, "x"), 0);
  ASSERT_EQ(guest_create("/etc/a", create_op, "y"), 0); /* writes the index */
  struct host_path hp;
  ASSERT_EQ(resolve("/etc/.elfrun-cf.index", PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, "/etc/.elfrun-cf.index"));
  path_put(&hp);
  ASSERT_EQ(resolve("/etc/.ELFRUN-CF.INDEX", PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, "/etc/.ELFRUN-CF.INDEX"));
  path_put(&hp);
}

/* Below a directory stored under a generated name, a missing name is the
   sysroot's ENOENT, not the host's path. */
FIXTURE_TEST(sidecar, below_a_mapped_directory_the_sysroot_decides) {
  force_on(f);
  ASSERT_EQ(guest_create("/D", mkdir_op, NULL), 0);
  ASSERT_EQ(guest_create("/d", mkdir_op, NULL), 0);
  struct host_path hp;
  EXPECT_EQ(resolve("/d/missing", PATH_FOLLOW, &hp), -ENOENT);
  EXPECT_EQ(resolve("/d/x/y", PATH_FOLLOW, &hp), -ENOENT);
  ASSERT_EQ(guest_create("/d/file", create_op, "in d"), 0);
  ASSERT_EQ(resolve("/d/file", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "in d");
  path_put(&hp);
}

/* ---- The index ---- */

FIXTURE_TEST(sidecar, index_round_trip_and_pending_rows_settle) {
  force_on(f);
  int dirfd = open(cat(f->sysroot, "/etc"), O_PATH | O_DIRECTORY);
  struct stat st;
  ASSERT_EQ(fstat(dirfd, &st), 0);
  struct sc_dir *d = sc_dir_load(dirfd, &st);
  ASSERT_TRUE(d != NULL);
  EXPECT_EQ(sc_dir_add_row(d, "New\nname", SIDECAR_GEN "1", false), 0);
  EXPECT_EQ(sc_dir_add_row(d, "gone", SIDECAR_GEN "2", true), 0);
  EXPECT_EQ(sc_dir_write(d, dirfd), 0);
  sc_dir_free(d);
  ASSERT_EQ(fstat(dirfd, &st), 0);
  d = sc_dir_load(dirfd, &st);
  ASSERT_TRUE(d != NULL);
  ASSERT_EQ(d->nrows, 2);
  struct sidecar_name nm = {.active = true};
  strcpy(nm.guest, "gone");
  sc_dir_map(d, &nm);
  EXPECT_TRUE(nm.absent); /* pending, and its host name does not exist */
  sc_dir_settle(d, dirfd);
  EXPECT_EQ(d->nrows, 1);
  EXPECT_EQ(sc_dir_row(d, "New\nname"), 0);
  sc_dir_free(d);
  close(dirfd);
}

FIXTURE_TEST(sidecar, last_row_removes_the_index_file) {
  force_on(f);
  int dirfd = open(cat(f->sysroot, "/etc"), O_PATH | O_DIRECTORY);
  struct stat st;
  ASSERT_EQ(fstat(dirfd, &st), 0);
  struct sc_dir *d = sc_dir_load(dirfd, &st);
  ASSERT_TRUE(d != NULL);
  sc_dir_add_row(d, "x", SIDECAR_GEN "1", false);
  EXPECT_EQ(sc_dir_write(d, dirfd), 0);
  EXPECT_EQ(faccessat(dirfd, SIDECAR_INDEX, F_OK, 0), 0);
  sc_dir_drop_row(d, 0);
  EXPECT_EQ(sc_dir_write(d, dirfd), 0);
  EXPECT_NE(faccessat(dirfd, SIDECAR_INDEX, F_OK, 0), 0);
  sc_dir_free(d);
  close(dirfd);
}
