/* Choosing and opening the sysroot, and mapping host paths back to guest
   paths (src/path/sysroot.c): docs/sysroot.md rules 6, 9 and 12. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/config.h"
#include "path/sysroot.h"
#include "test_path_fixture.h"

/* Builds the tree without choosing a sysroot; the test chooses. */
#define BARE_FIXTURE_TEST(name)                          \
  static void body_##name(struct fixture *f);            \
  TEST(sysroot, name) {                                  \
    struct fixture fx;                                   \
    unsetenv("ELFRUN_SYSROOT");                          \
    unsetenv("QEMU_LD_PREFIX");                          \
    if (!EXPECT_TRUE(fixture_make(&fx, false))) return;  \
    body_##name(&fx);                                    \
    fixture_remove(&fx);                                 \
  }                                                      \
  static void body_##name(struct fixture *f __attribute__((unused)))

/* ---- Rule 12: where the sysroot comes from ---- */

BARE_FIXTURE_TEST(option_wins_over_the_environment) {
  setenv("ELFRUN_SYSROOT", f->host, 1);
  setenv("QEMU_LD_PREFIX", f->mirror, 1);
  ASSERT_TRUE(path_init(f->sysroot));
  EXPECT_STREQ(path_sysroot(), f->sysroot);
}

BARE_FIXTURE_TEST(elfrun_sysroot_wins_over_qemu_ld_prefix) {
  setenv("ELFRUN_SYSROOT", f->sysroot, 1);
  setenv("QEMU_LD_PREFIX", f->mirror, 1);
  ASSERT_TRUE(path_init(NULL));
  EXPECT_STREQ(path_sysroot(), f->sysroot);
}

BARE_FIXTURE_TEST(qemu_ld_prefix_alone_sets_the_sysroot) {
  setenv("QEMU_LD_PREFIX", f->sysroot, 1);
  ASSERT_TRUE(path_init(NULL));
  EXPECT_STREQ(path_sysroot(), f->sysroot);
  EXPECT_TRUE(sysroot_active());
}

BARE_FIXTURE_TEST(empty_value_turns_the_sysroot_off) {
  setenv("ELFRUN_SYSROOT", "", 1);
  setenv("QEMU_LD_PREFIX", f->sysroot, 1);
  ASSERT_TRUE(path_init(NULL));
  EXPECT_FALSE(sysroot_active());
  EXPECT_TRUE(path_sysroot() == NULL);
}

BARE_FIXTURE_TEST(no_option_and_no_environment_means_no_sysroot) {
  ASSERT_TRUE(path_init(NULL));
  EXPECT_FALSE(sysroot_active());
}

BARE_FIXTURE_TEST(host_root_means_no_sysroot) {
  ASSERT_TRUE(path_init("/"));
  EXPECT_FALSE(sysroot_active());
}

BARE_FIXTURE_TEST(relative_and_symlinked_sysroots_are_made_canonical) {
  ASSERT_EQ(symlink(f->sysroot, cat(f->root, "/link-to-sysroot")), 0);
  ASSERT_EQ(chdir(f->root), 0);
  ASSERT_TRUE(path_init("link-to-sysroot/"));
  EXPECT_STREQ(path_sysroot(), f->sysroot);
}

BARE_FIXTURE_TEST(unusable_sysroot_is_an_error) {
  EXPECT_FALSE(path_init(cat(f->root, "/no-such-directory")));
  EXPECT_FALSE(path_init(cat(f->sysroot, "/etc/passwd")));
  EXPECT_FALSE(sysroot_active());
}

/* ---- Rule 6: the sysroot's descriptor is out of the guest's sight ---- */

BARE_FIXTURE_TEST(sysroot_descriptor_is_high_o_path_and_close_on_exec) {
  ASSERT_TRUE(path_init(f->sysroot));
  int fd = sysroot_fd();
  EXPECT_TRUE(fd >= ELFRUN_FD_BASE);
  EXPECT_TRUE(fcntl(fd, F_GETFL) & O_PATH);
  EXPECT_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
}

/* ---- Rule 9: guest paths back out ---- */

BARE_FIXTURE_TEST(host_paths_inside_sysroot_lose_its_prefix) {
  ASSERT_TRUE(path_init(f->sysroot));
  char *g = path_host_to_guest(f->sysroot);
  EXPECT_STREQ(g, "/");
  free(g);
  g = path_host_to_guest(cat(f->sysroot, "/usr/lib/x"));
  EXPECT_STREQ(g, "/usr/lib/x");
  free(g);
  EXPECT_STREQ(path_guest_view(cat(f->sysroot, "/etc")), "/etc");
}

BARE_FIXTURE_TEST(host_paths_outside_sysroot_are_unchanged) {
  ASSERT_TRUE(path_init(f->sysroot));
  const char *sibling = cat(f->sysroot, "-other/x"); /* shares the prefix's text */
  EXPECT_STREQ(path_guest_view(sibling), sibling);
  EXPECT_STREQ(path_guest_view("/tmp/x"), "/tmp/x");
  EXPECT_STREQ(path_guest_view("pipe:[1234]"), "pipe:[1234]");
}

TEST(sysroot, without_sysroot_host_paths_are_guest_paths) {
  ASSERT_TRUE(path_init(""));
  char *g = path_host_to_guest("/usr/lib/x");
  EXPECT_STREQ(g, "/usr/lib/x");
  free(g);
}
