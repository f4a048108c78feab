/* The sysroot resolver (src/path/resolver.c): one or more tests per rule of
   docs/sysroot.md, against the temporary tree of test_path_fixture.h. The
   rule number is in each group's heading. See also test_path_sysroot.c
   (choosing the sysroot, reverse translation) and test_path_dircache.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/config.h"
#include "path/path.h"
#include "path/sysroot.h"
#include "test_path_fixture.h"

/* ---- Rule 1: the sysroot first, then the host ---- */

FIXTURE_TEST(resolver, sysroot_file_is_found_in_sysroot) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etc/passwd", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "sysroot passwd");
  EXPECT_TRUE(is_host_file(&hp, cat(f->sysroot, "/etc/passwd")));
  path_put(&hp);
}

FIXTURE_TEST(resolver, name_in_both_resolves_to_sysroot_copy) {
  struct host_path hp;
  ASSERT_EQ(resolve(cat(f->mirror, "/both"), PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "sysroot both");
  path_put(&hp);
}

FIXTURE_TEST(resolver, missing_in_sysroot_falls_back_to_host) {
  struct host_path hp;
  const char *guest = cat(f->host, "/only-host");
  ASSERT_EQ(resolve(guest, PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, guest));
  EXPECT_STREQ(content_of(&hp), "host only");
  path_put(&hp);
}

FIXTURE_TEST(resolver, missing_intermediate_directories_fall_back_to_host) {
  struct host_path hp;
  const char *guest = cat(f->host, "/deep/a/b/file");
  ASSERT_EQ(resolve(guest, PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, guest));
  EXPECT_STREQ(content_of(&hp), "host deep");
  path_put(&hp);
}

FIXTURE_TEST(resolver, missing_leaf_with_parent_in_sysroot_falls_back_to_host) {
  struct host_path hp;
  const char *guest = cat(f->mirror, "/leaf-host");
  ASSERT_EQ(resolve(guest, PATH_NOFOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, guest));
  EXPECT_STREQ(content_of(&hp), "host leaf");
  path_put(&hp);
}

FIXTURE_TEST(resolver, missing_everywhere_is_the_hosts_enoent) {
  struct host_path hp;
  const char *guest = cat(f->host, "/no-such-file");
  ASSERT_EQ(resolve(guest, PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, guest));
  EXPECT_STREQ(content_of(&hp), "errno 2");
  path_put(&hp);
}

/* ---- Rule 2: relative paths and directory descriptors ---- */

FIXTURE_TEST(resolver, relative_path_outside_sysroot_goes_to_host_unchanged) {
  ASSERT_EQ(chdir(f->host), 0);
  struct host_path hp;
  ASSERT_EQ(resolve("only-host", PATH_FOLLOW, &hp), 0);
  EXPECT_EQ(hp.dirfd, AT_FDCWD);
  EXPECT_STREQ(hp.path, "only-host");
  EXPECT_STREQ(content_of(&hp), "host only");
  path_put(&hp);
}

FIXTURE_TEST(resolver, relative_path_from_sysroot_cwd_stays_in_sysroot) {
  ASSERT_EQ(chdir(cat(f->sysroot, "/etc")), 0);
  struct host_path hp;
  ASSERT_EQ(resolve("passwd", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "sysroot passwd");
  path_put(&hp);
  /* `..` from the sysroot's /etc stops at the sysroot's root. */
  ASSERT_EQ(resolve("../../../../etc/passwd", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "sysroot passwd");
  path_put(&hp);
}

FIXTURE_TEST(resolver, relative_path_from_sysroot_dirfd_reroots_absolute_symlinks) {
  int dirfd = open(f->sysroot, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ASSERT_TRUE(dirfd >= 0);
  struct host_path hp;
  ASSERT_EQ(resolve_at(dirfd, "etclink/passwd", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "sysroot passwd");
  path_put(&hp);
  close(dirfd);
}

FIXTURE_TEST(resolver, relative_path_from_host_dirfd_goes_to_host_unchanged) {
  int dirfd = open(f->host, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ASSERT_TRUE(dirfd >= 0);
  struct host_path hp;
  ASSERT_EQ(resolve_at(dirfd, "deep/a/b/file", PATH_FOLLOW, &hp), 0);
  EXPECT_EQ(hp.dirfd, dirfd);
  EXPECT_STREQ(hp.path, "deep/a/b/file");
  path_put(&hp);
  close(dirfd);
}

FIXTURE_TEST(resolver, empty_path_names_the_descriptor_itself) {
  int dirfd = open(cat(f->sysroot, "/etc"), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ASSERT_TRUE(dirfd >= 0);
  struct host_path hp;
  ASSERT_EQ(resolve_at(dirfd, "", PATH_FOLLOW | PATH_EMPTY_OK, &hp), 0);
  EXPECT_EQ(hp.dirfd, dirfd);
  EXPECT_STREQ(hp.path, "");
  path_put(&hp);
  close(dirfd);
}

/* ---- Rule 3: follow, nofollow, create ---- */

FIXTURE_TEST(resolver, follow_hands_over_the_symlinks_target) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etclink", PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(is_host_file(&hp, cat(f->sysroot, "/etc")));
  path_put(&hp);
}

FIXTURE_TEST(resolver, nofollow_hands_over_the_symlink_itself) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etclink", PATH_NOFOLLOW, &hp), 0);
  EXPECT_TRUE(is_host_file(&hp, cat(f->sysroot, "/etclink")));
  char target[64] = {0};
  EXPECT_EQ(readlinkat(hp.dirfd, hp.path, target, sizeof target - 1), 4);
  EXPECT_STREQ(target, "/etc");
  path_put(&hp);
}

FIXTURE_TEST(resolver, trailing_slash_follows_even_for_nofollow) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etclink/", PATH_NOFOLLOW, &hp), 0);
  EXPECT_TRUE(is_host_file(&hp, cat(f->sysroot, "/etc")));
  path_put(&hp);
}

FIXTURE_TEST(resolver, trailing_slash_on_a_file_is_enotdir) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etc/passwd/", PATH_FOLLOW, &hp), 0);
  struct stat st;
  EXPECT_EQ(fstatat(hp.dirfd, hp.path, &st, 0), -1);
  EXPECT_EQ(errno, ENOTDIR);
  path_put(&hp);
}

FIXTURE_TEST(resolver, removal_never_follows_a_symlink) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etclink/", PATH_NOFOLLOW | PATH_REMOVE, &hp), 0);
  EXPECT_TRUE(hp.dirfd >= ELFRUN_FD_BASE);
  EXPECT_STREQ(hp.path, "etclink/"); /* the kernel decides, without following */
  EXPECT_EQ(unlinkat(hp.dirfd, hp.path, AT_REMOVEDIR), -1);
  EXPECT_EQ(errno, ENOTDIR); /* as rmdir("link/") on Linux */
  path_put(&hp);
}

FIXTURE_TEST(resolver, create_with_parent_in_sysroot_goes_to_sysroot) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etc/new-file", PATH_CREATE | PATH_NOFOLLOW, &hp), 0);
  int fd = openat(hp.dirfd, hp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  EXPECT_TRUE(fd >= 0);
  close(fd);
  path_put(&hp);
  EXPECT_EQ(access(cat(f->sysroot, "/etc/new-file"), F_OK), 0);
}

FIXTURE_TEST(resolver, create_with_parent_only_on_host_goes_to_host) {
  struct host_path hp;
  const char *guest = cat(f->host, "/new-dir");
  ASSERT_EQ(resolve(guest, PATH_CREATE | PATH_NOFOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, guest));
  EXPECT_EQ(mkdirat(hp.dirfd, hp.path, 0755), 0);
  path_put(&hp);
  EXPECT_EQ(access(guest, F_OK), 0);
}

FIXTURE_TEST(resolver, create_of_a_name_only_the_host_has_acts_on_the_host) {
  struct host_path hp;
  const char *guest = cat(f->mirror, "/leaf-host");
  ASSERT_EQ(resolve(guest, PATH_CREATE, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, guest));
  path_put(&hp);
}

FIXTURE_TEST(resolver, create_of_a_new_name_beside_host_names_goes_to_sysroot) {
  struct host_path hp;
  ASSERT_EQ(resolve(cat(f->mirror, "/brand-new"), PATH_CREATE, &hp), 0);
  EXPECT_TRUE(hp.dirfd >= ELFRUN_FD_BASE);
  EXPECT_STREQ(hp.path, "brand-new");
  path_put(&hp);
}

FIXTURE_TEST(resolver, create_through_dangling_symlink_makes_its_target_in_sysroot) {
  struct host_path hp;
  ASSERT_EQ(resolve("/dangling", PATH_CREATE, &hp), 0); /* open(O_CREAT) */
  int fd = openat(hp.dirfd, hp.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  EXPECT_TRUE(fd >= 0);
  close(fd);
  path_put(&hp);
  EXPECT_EQ(access(cat(f->sysroot, "/etc/made-through-link"), F_OK), 0);
  EXPECT_NE(access("/etc/made-through-link", F_OK), 0);
}

FIXTURE_TEST(resolver, exclusive_create_does_not_follow_a_dangling_symlink) {
  struct host_path hp;
  ASSERT_EQ(resolve("/dangling", path_open_how(O_CREAT | O_EXCL), &hp), 0);
  EXPECT_EQ(openat(hp.dirfd, hp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644), -1);
  EXPECT_EQ(errno, EEXIST);
  path_put(&hp);
}

/* ---- Rule 4: absolute symlinks stay in the sysroot ---- */

FIXTURE_TEST(resolver, absolute_symlink_is_rerooted_at_sysroot) {
  struct host_path hp;
  ASSERT_EQ(resolve("/lib/ld-linux-aarch64.so.1", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "arm64 ld.so");
  path_put(&hp);
}

FIXTURE_TEST(resolver, absolute_symlink_inside_the_path_is_rerooted) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etclink/passwd", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "sysroot passwd");
  path_put(&hp);
}

FIXTURE_TEST(resolver, relative_symlink_resolves_from_its_directory) {
  struct host_path hp;
  ASSERT_EQ(resolve("/bin/pw", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "sysroot passwd");
  path_put(&hp);
}

FIXTURE_TEST(resolver, symlink_to_a_path_the_sysroot_lacks_reaches_the_host) {
  struct host_path hp;
  ASSERT_EQ(resolve("/hostlink", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "host only");
  path_put(&hp);
}

/* ---- Rule 5: `..`, loops, non-directories ---- */

FIXTURE_TEST(resolver, dotdot_never_climbs_above_sysroot) {
  struct host_path hp;
  ASSERT_EQ(resolve("/../../etc/passwd", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "sysroot passwd");
  path_put(&hp);
  ASSERT_EQ(resolve("/etc/../../../etc/passwd", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "sysroot passwd");
  path_put(&hp);
  ASSERT_EQ(resolve("/..", PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(is_host_file(&hp, f->sysroot));
  path_put(&hp);
}

FIXTURE_TEST(resolver, dotdot_in_a_symlink_never_climbs_above_sysroot) {
  struct host_path hp;
  ASSERT_EQ(resolve("/escape", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "sysroot passwd");
  path_put(&hp);
}

FIXTURE_TEST(resolver, symlink_loop_is_eloop) {
  struct host_path hp;
  EXPECT_EQ(resolve("/loop1", PATH_FOLLOW, &hp), -ELOOP);
  EXPECT_EQ(resolve("/loop1/x", PATH_FOLLOW, &hp), -ELOOP);
  ASSERT_EQ(resolve("/loop1", PATH_NOFOLLOW, &hp), 0); /* lstat sees the link */
  EXPECT_TRUE(is_host_file(&hp, cat(f->sysroot, "/loop1")));
  path_put(&hp);
}

FIXTURE_TEST(resolver, non_directory_component_is_enotdir) {
  struct host_path hp;
  EXPECT_EQ(resolve("/etc/passwd/x", PATH_FOLLOW, &hp), -ENOTDIR);
  EXPECT_EQ(resolve("/bin/pw/x", PATH_NOFOLLOW, &hp), -ENOTDIR);
}

FIXTURE_TEST(resolver, dot_and_dotdot_names_are_refused_as_the_kernel_refuses_them) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etc/.", PATH_NOFOLLOW | PATH_REMOVE, &hp), 0);
  EXPECT_EQ(unlinkat(hp.dirfd, hp.path, AT_REMOVEDIR), -1);
  EXPECT_EQ(errno, EINVAL);
  path_put(&hp);
  ASSERT_EQ(resolve("/etc/..", PATH_NOFOLLOW | PATH_REMOVE, &hp), 0);
  EXPECT_EQ(unlinkat(hp.dirfd, hp.path, AT_REMOVEDIR), -1);
  EXPECT_EQ(errno, ENOTEMPTY);
  path_put(&hp);
  ASSERT_EQ(resolve("/", PATH_NOFOLLOW | PATH_REMOVE, &hp), 0);
  EXPECT_EQ(unlinkat(hp.dirfd, hp.path, AT_REMOVEDIR), -1);
  EXPECT_EQ(errno, EBUSY);
  path_put(&hp);
  EXPECT_EQ(access(cat(f->sysroot, "/etc"), F_OK), 0);
}

/* ---- Rule 6: the mechanism: descriptors, never re-joined strings ---- */

FIXTURE_TEST(resolver, sysroot_answers_are_a_hidden_directory_descriptor_and_a_name) {
  struct host_path hp;
  ASSERT_EQ(resolve("/etc/passwd", PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(hp.dirfd >= ELFRUN_FD_BASE);
  EXPECT_STREQ(hp.path, "passwd");
  int fl = fcntl(hp.dirfd, F_GETFL);
  EXPECT_TRUE(fl >= 0 && (fl & O_PATH));
  EXPECT_EQ(fcntl(hp.dirfd, F_GETFD), FD_CLOEXEC);
  path_put(&hp);
}

FIXTURE_TEST(resolver, lookups_leave_the_lowest_free_descriptor_to_the_guest) {
  int before = dup(0);
  close(before);
  struct host_path hp;
  ASSERT_EQ(resolve("/lib/ld-linux-aarch64.so.1", PATH_FOLLOW, &hp), 0);
  int fd = openat(hp.dirfd, hp.path, O_RDONLY | O_CLOEXEC);
  EXPECT_EQ(fd, before);
  close(fd);
  path_put(&hp);
}

/* ---- Rule 7: kernel file systems are the host's ---- */

FIXTURE_TEST(resolver, proc_sys_and_dev_are_never_looked_up_in_sysroot) {
  struct host_path hp;
  ASSERT_EQ(resolve("/proc/self/status", PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, "/proc/self/status"));
  path_put(&hp);
  ASSERT_EQ(resolve("/dev/null", PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, "/dev/null"));
  path_put(&hp);
  ASSERT_EQ(resolve("/proc", PATH_FOLLOW, &hp), 0);
  EXPECT_TRUE(went_to_host(&hp, "/proc"));
  path_put(&hp);
}

/* ---- Rule 8: the dynamic loader's files never fall back ---- */

/* A loader file the host has (so a fallback would find it). */
static const char *host_loader_file(void) {
  static const char *const kCandidates[] = {"/etc/ld.so.cache", "/lib64/ld-linux-x86-64.so.2",
                                            "/usr/lib/os-release", "/lib"};
  for (size_t i = 0; i < sizeof kCandidates / sizeof *kCandidates; i++)
    if (access(kCandidates[i], F_OK) == 0) return kCandidates[i];
  unit_note("the host has none of the loader files tried");
  return "/etc/ld.so.cache";
}

FIXTURE_TEST(resolver, loader_file_missing_from_sysroot_is_enoent) {
  struct host_path hp;
  EXPECT_EQ(resolve(host_loader_file(), PATH_FOLLOW, &hp), -ENOENT);
  EXPECT_EQ(resolve("/etc/ld.so.preload", PATH_FOLLOW, &hp), -ENOENT);
  EXPECT_EQ(resolve("/usr/lib/x86_64-linux-gnu/libc.so.6", PATH_FOLLOW, &hp), -ENOENT);
  EXPECT_EQ(resolve("/usr/share/../lib/x86_64-linux-gnu/libc.so.6", PATH_FOLLOW, &hp), -ENOENT);
}

FIXTURE_TEST(resolver, creating_under_a_missing_loader_directory_is_enoent) {
  struct host_path hp;
  EXPECT_EQ(resolve("/lib64/new-file", PATH_CREATE, &hp), -ENOENT);
}

FIXTURE_TEST(resolver, loader_file_present_in_sysroot_is_found) {
  struct host_path hp;
  ASSERT_EQ(resolve("/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1", PATH_FOLLOW, &hp), 0);
  EXPECT_STREQ(content_of(&hp), "arm64 ld.so");
  path_put(&hp);
}

/* ---- Rule 9: reverse translation of the process's own links ---- */

FIXTURE_TEST(resolver, proc_self_cwd_reads_back_as_guest_path) {
  ASSERT_EQ(chdir(cat(f->sysroot, "/etc")), 0);
  struct host_path hp;
  ASSERT_EQ(resolve("/proc/self/cwd", PATH_NOFOLLOW, &hp), 0);
  EXPECT_STREQ(hp.link, "/etc");
  path_put(&hp);
  ASSERT_EQ(chdir(f->sysroot), 0);
  ASSERT_EQ(resolve("/proc/thread-self/cwd", PATH_NOFOLLOW, &hp), 0);
  EXPECT_STREQ(hp.link, "/");
  path_put(&hp);
}

FIXTURE_TEST(resolver, proc_self_fd_reads_back_as_guest_path) {
  int fd = open(cat(f->sysroot, "/etc/passwd"), O_RDONLY | O_CLOEXEC);
  ASSERT_TRUE(fd >= 0);
  char link[64];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  struct host_path hp;
  ASSERT_EQ(resolve(link, PATH_NOFOLLOW, &hp), 0);
  EXPECT_STREQ(hp.link, "/etc/passwd");
  path_put(&hp);
  close(fd);
}

FIXTURE_TEST(resolver, proc_self_fd_outside_sysroot_reads_back_unchanged) {
  int fd = open(cat(f->host, "/only-host"), O_RDONLY | O_CLOEXEC);
  ASSERT_TRUE(fd >= 0);
  char link[64];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  struct host_path hp;
  ASSERT_EQ(resolve(link, PATH_NOFOLLOW, &hp), 0);
  EXPECT_TRUE(hp.link == NULL); /* the host's own answer is already right */
  path_put(&hp);
  close(fd);
}

/* ---- Rule 11: without a sysroot, the identity ---- */

TEST(resolver, without_sysroot_paths_are_the_identity) {
  ASSERT_TRUE(path_init(""));
  ASSERT_FALSE(sysroot_active());
  struct host_path hp;
  ASSERT_EQ(resolve("/lib/../etc//passwd", PATH_FOLLOW | PATH_CREATE, &hp), 0);
  EXPECT_EQ(hp.dirfd, AT_FDCWD);
  EXPECT_TRUE(hp.path == hp.buf);
  EXPECT_STREQ(hp.path, "/lib/../etc//passwd");
  EXPECT_EQ(hp.hold.fd, -1);
  path_put(&hp);
  ASSERT_EQ(resolve_at(5, "x", PATH_FOLLOW, &hp), 0);
  EXPECT_EQ(hp.dirfd, 5);
  EXPECT_EQ(resolve_at(ELFRUN_FD_BASE, "x", PATH_FOLLOW, &hp), -EBADF);
}

/* ---- The loader's entry point ---- */

FIXTURE_TEST(resolver, open_guest_file_applies_the_same_rules) {
  char buf[32] = {0};
  int fd = path_open_guest_file(NULL, "/lib/ld-linux-aarch64.so.1", O_RDONLY | O_CLOEXEC);
  ASSERT_TRUE(fd >= 0);
  EXPECT_EQ(read(fd, buf, sizeof buf - 1), 12);
  EXPECT_STREQ(buf, "arm64 ld.so\n");
  close(fd);
  EXPECT_EQ(path_open_guest_file(NULL, "/lib/no-such-loader.so.1", O_RDONLY), -ENOENT);
  EXPECT_EQ(path_open_guest_file(NULL, "", O_RDONLY), -ENOENT);
  fd = path_open_guest_file(NULL, cat(f->host, "/only-host"), O_RDONLY | O_CLOEXEC);
  EXPECT_TRUE(fd >= 0);
  close(fd);
}
