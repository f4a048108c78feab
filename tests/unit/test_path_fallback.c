/* Which guest paths may fall back to the host (src/path/fallback.c):
   docs/sysroot.md rules 7 (kernel file systems are the host's) and 8 (the
   dynamic loader's files never fall back). Pure string tests. */
#include "path/fallback.h"
#include "unit.h"

TEST(fallback, loader_paths_never_fall_back) {
  EXPECT_TRUE(fallback_forbidden("/lib"));
  EXPECT_TRUE(fallback_forbidden("/lib/x86_64-linux-gnu/libc.so.6"));
  EXPECT_TRUE(fallback_forbidden("/lib64/ld-linux-x86-64.so.2"));
  EXPECT_TRUE(fallback_forbidden("/libx32/x"));
  EXPECT_TRUE(fallback_forbidden("/usr/lib/aarch64-linux-gnu/libc.so.6"));
  EXPECT_TRUE(fallback_forbidden("/usr/lib64/x"));
  EXPECT_TRUE(fallback_forbidden("/usr/libexec/x"));
  EXPECT_TRUE(fallback_forbidden("/etc/ld.so.preload"));
  EXPECT_TRUE(fallback_forbidden("/etc/ld.so.cache"));
  EXPECT_TRUE(fallback_forbidden("/etc/ld.so.conf"));
  EXPECT_TRUE(fallback_forbidden("/etc/ld.so.conf.d/libc.conf"));
}

TEST(fallback, loader_paths_are_caught_through_lexical_detours) {
  EXPECT_TRUE(fallback_forbidden("//lib/x"));
  EXPECT_TRUE(fallback_forbidden("/./usr/./lib/x"));
  EXPECT_TRUE(fallback_forbidden("/usr//lib/x"));
  EXPECT_TRUE(fallback_forbidden("/usr/share/../lib/x"));
  EXPECT_TRUE(fallback_forbidden("/tmp/../../lib/x"));
  EXPECT_TRUE(fallback_forbidden("/lib/../tmp/x")); /* the host walks its /lib */
}

TEST(fallback, other_paths_may_fall_back) {
  EXPECT_FALSE(fallback_forbidden("/"));
  EXPECT_FALSE(fallback_forbidden("/etc/resolv.conf"));
  EXPECT_FALSE(fallback_forbidden("/etc/ld.so"));
  EXPECT_FALSE(fallback_forbidden("/etc/ld.sox"));
  EXPECT_FALSE(fallback_forbidden("/etcx/ld.so.cache"));
  EXPECT_FALSE(fallback_forbidden("/tmp/lib/x"));
  EXPECT_FALSE(fallback_forbidden("/usr/share/lib"));
  EXPECT_FALSE(fallback_forbidden("/usr/local/lib/x"));
  EXPECT_FALSE(fallback_forbidden("/home/me/lib"));
  EXPECT_FALSE(fallback_forbidden("/xlib"));
}

TEST(fallback, kernel_file_systems_are_host_only) {
  EXPECT_TRUE(fallback_host_only("/proc"));
  EXPECT_TRUE(fallback_host_only("/proc/self/maps"));
  EXPECT_TRUE(fallback_host_only("/sys/devices/system/cpu"));
  EXPECT_TRUE(fallback_host_only("/dev/null"));
  EXPECT_TRUE(fallback_host_only("//dev/./null"));
  EXPECT_TRUE(fallback_host_only("/usr/../dev/null"));
}

TEST(fallback, other_paths_are_not_host_only) {
  EXPECT_FALSE(fallback_host_only("/"));
  EXPECT_FALSE(fallback_host_only("/devices"));
  EXPECT_FALSE(fallback_host_only("/procx/1"));
  EXPECT_FALSE(fallback_host_only("/etc/proc"));
  EXPECT_FALSE(fallback_host_only("/proc/../etc/passwd"));
}
