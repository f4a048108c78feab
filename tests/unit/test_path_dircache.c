/* The directory cache (src/path/dircache.c): docs/sysroot.md rule 10.
   Answers are reused; absent ones are checked against their parent's
   times; the guest's own creations (in the directory that vouched for an
   absence), removals and renames invalidate. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/config.h"
#include "path/dircache.h"
#include "path/path.h"
#include "path/sysroot.h"
#include "test_path_fixture.h"

static struct dircache_stats stats(void) {
  struct dircache_stats s;
  dircache_get_stats(&s);
  return s;
}

/* Makes the sysroot's root look last changed long ago, so that any change
   now shows in its mtime whatever the clock's granularity. */
static void age_sysroot_root(const struct fixture *f) {
  struct timespec old[2] = {{946684800, 0}, {946684800, 0}}; /* 2000-01-01 */
  utimensat(AT_FDCWD, f->sysroot, old, 0);
}

/* Does what a guest's call would: resolve, act, path_put. */
static int guest_mkdir(const char *guest) {
  struct host_path hp;
  int err = resolve(guest, PATH_CREATE | PATH_NOFOLLOW, &hp);
  if (err) return err;
  int ret = mkdirat(hp.dirfd, hp.path, 0755) ? -errno : 0;
  path_put(&hp);
  return ret;
}

static int guest_remove(const char *guest, int flags) {
  struct host_path hp;
  int err = resolve(guest, PATH_REMOVE | PATH_NOFOLLOW, &hp);
  if (err) return err;
  int ret = unlinkat(hp.dirfd, hp.path, flags) ? -errno : 0;
  path_put(&hp);
  return ret;
}

static int guest_rename(const char *from, const char *to) {
  struct host_path a, b;
  int err = resolve(from, PATH_REMOVE | PATH_NOFOLLOW, &a);
  if (err) return err;
  err = resolve(to, PATH_CREATE | PATH_REMOVE | PATH_NOFOLLOW, &b);
  if (err) {
    path_put(&a);
    return err;
  }
  int ret = renameat(a.dirfd, a.path, b.dirfd, b.path) ? -errno : 0;
  path_put(&b);
  path_put(&a);
  return ret;
}

/* Where a guest path goes: 'S' the sysroot, 'H' the host, or 'E' an error. */
static char where(const char *guest, unsigned how) {
  struct host_path hp;
  if (resolve(guest, how, &hp)) return 'E';
  char w = hp.hold.fd >= 0 ? 'S' : 'H';
  path_put(&hp);
  return w;
}

FIXTURE_TEST(dircache, repeated_lookups_reuse_the_directory) {
  EXPECT_EQ(where("/etc/passwd", PATH_FOLLOW), 'S');
  struct dircache_stats first = stats();
  EXPECT_EQ(where("/etc/passwd", PATH_FOLLOW), 'S');
  EXPECT_EQ(where("/etc/other", PATH_FOLLOW), 'H');
  struct dircache_stats then = stats();
  EXPECT_EQ(then.misses, first.misses);
  EXPECT_EQ(then.hits, first.hits + 2);
  EXPECT_EQ(then.present, 1);
}

FIXTURE_TEST(dircache, missing_directories_are_remembered_with_their_ancestors) {
  EXPECT_EQ(where(cat(f->host, "/deep/a/b/file"), PATH_FOLLOW), 'H');
  struct dircache_stats first = stats();
  EXPECT_TRUE(first.absent >= 2); /* H/deep/a/b, H/deep/a, ..., up to T */
  EXPECT_EQ(where(cat(f->host, "/deep/a/b/file"), PATH_FOLLOW), 'H');
  struct dircache_stats then = stats();
  EXPECT_EQ(then.misses, first.misses);
}

FIXTURE_TEST(dircache, absent_answer_is_checked_against_the_parents_times) {
  age_sysroot_root(f);
  EXPECT_EQ(where("/opt/tool", PATH_FOLLOW), 'H');
  EXPECT_EQ(stats().absent, 1);
  /* Someone else (not the guest) adds /opt to the sysroot. */
  put_file(cat(f->sysroot, "/opt/tool"), "tool\n");
  EXPECT_EQ(where("/opt/tool", PATH_FOLLOW), 'S');
}

FIXTURE_TEST(dircache, guest_creating_a_name_drops_absent_answers) {
  age_sysroot_root(f);
  EXPECT_EQ(where("/newdir/x", PATH_FOLLOW), 'H');
  EXPECT_EQ(stats().absent, 1);
  EXPECT_EQ(guest_mkdir("/newdir"), 0);
  EXPECT_EQ(stats().absent, 0);
  EXPECT_EQ(where("/newdir/x", PATH_CREATE), 'S');
  EXPECT_EQ(access(cat(f->sysroot, "/newdir"), F_OK), 0);
}

FIXTURE_TEST(dircache, guest_creating_a_name_elsewhere_keeps_absent_answers) {
  age_sysroot_root(f);
  EXPECT_EQ(where("/newdir/x", PATH_FOLLOW), 'H');
  EXPECT_EQ(guest_mkdir("/etc/other-dir"), 0);      /* in the sysroot's /etc */
  EXPECT_EQ(guest_mkdir(cat(f->host, "/d")), 0);    /* on the host */
  u64 misses = stats().misses;
  EXPECT_EQ(where("/newdir/x", PATH_FOLLOW), 'H');
  EXPECT_EQ(stats().misses, misses); /* still known absent */
}

FIXTURE_TEST(dircache, guest_creating_through_a_relative_path_is_seen) {
  age_sysroot_root(f);
  EXPECT_EQ(where("/newdir/x", PATH_FOLLOW), 'H');
  ASSERT_EQ(chdir(f->root), 0); /* outside the sysroot: the path goes as it is */
  EXPECT_EQ(guest_mkdir("sysroot/newdir"), 0);
  EXPECT_EQ(stats().absent, 0);
  EXPECT_EQ(where("/newdir/x", PATH_CREATE), 'S');
}

FIXTURE_TEST(dircache, guest_removing_a_directory_drops_everything) {
  make_dirs(cat(f->sysroot, "/gone"));
  EXPECT_EQ(where("/gone/x", PATH_CREATE), 'S');
  EXPECT_EQ(stats().present, 1);
  EXPECT_EQ(guest_remove("/gone", AT_REMOVEDIR), 0);
  EXPECT_EQ(stats().present, 0);
  EXPECT_EQ(where("/gone/x", PATH_CREATE), 'H');
}

FIXTURE_TEST(dircache, guest_removing_a_file_keeps_directories) {
  put_file(cat(f->sysroot, "/etc/scratch"), "x\n");
  EXPECT_EQ(where("/etc/passwd", PATH_FOLLOW), 'S');
  EXPECT_EQ(guest_remove("/etc/scratch", 0), 0);
  EXPECT_EQ(stats().present, 1);
}

FIXTURE_TEST(dircache, renamed_directory_is_not_reached_by_its_old_name) {
  put_file(cat(f->sysroot, "/old/file"), "moved\n");
  EXPECT_EQ(where("/old/file", PATH_FOLLOW), 'S');
  EXPECT_EQ(guest_rename("/old", "/new"), 0);
  struct host_path hp;
  ASSERT_EQ(resolve("/old/file", PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, "/old/file"));
  path_put(&hp);
  ASSERT_EQ(resolve("/new/file", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "moved");
  path_put(&hp);
}

FIXTURE_TEST(dircache, descriptor_dropped_while_lent_closes_at_release) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etc/passwd", PATH_FOLLOW, &hp), 0);
  int fd = hp.dirfd;
  dircache_dirs_changed();
  EXPECT_EQ(stats().present, 0);
  EXPECT_STREQ(content_of(&hp), "sysroot passwd"); /* still usable */
  path_put(&hp);
  EXPECT_EQ(fcntl(fd, F_GETFD), -1);
}

TEST(dircache, capacity_leaves_descriptors_to_the_rest_of_elfrun) {
  struct rlimit rl = {ELFRUN_FD_BASE + 20, ELFRUN_FD_BASE + 20};
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
  struct fixture f;
  ASSERT_TRUE(fixture_make(&f, true));
  static const char *const kDirs[] = {"/a/x", "/b/x", "/c/x", "/d/x", "/e/x", "/f/x", "/g/x"};
  for (size_t i = 0; i < sizeof kDirs / sizeof *kDirs; i++) {
    put_file(cat(f.sysroot, kDirs[i]), "x\n");
    EXPECT_EQ(where(kDirs[i], PATH_FOLLOW), 'S');
  }
  EXPECT_EQ(stats().present, 4); /* 20 spare descriptors, 16 kept back */
  fixture_remove(&f);
}
