#ifndef ELFRUN_TESTS_UNIT_TEST_PATH_FIXTURE_H_
#define ELFRUN_TESTS_UNIT_TEST_PATH_FIXTURE_H_

/* A sysroot tree for the path-layer tests, built fresh in /tmp by each test
   (each runs in a process of its own) and removed afterwards:

     T/sysroot = S, the sysroot (path_init() is called with it):
       etc/passwd                  "sysroot passwd"
       bin/pw -> ../etc/passwd     relative symlink
       etclink -> /etc             absolute symlink to a directory
       lib/aarch64-linux-gnu/ld-linux-aarch64.so.1   "arm64 ld.so"
       lib/ld-linux-aarch64.so.1 -> /lib/aarch64-linux-gnu/ld-linux-aarch64.so.1
       usr/lib/                    empty
       escape -> ../../../../../../../../etc/passwd
       loop1 -> loop2, loop2 -> loop1
       dangling -> /etc/made-through-link
       hostlink -> H/only-host     absolute, missing from S: a host file
       proc/, dev/                 empty mount points, as in a rootfs
       M/both                      "sysroot both" (M's mirror inside S)
     T/host = H, a host directory the sysroot does not have:
       only-host "host only", both "host both", deep/a/b/file "host deep"
     T/mirror = M, a host directory the sysroot has too (as S/M):
       leaf-host "host leaf", both "host both"

   Guest paths name H and M by their host paths (T is absolute). */

#include <limits.h>

#include "path/path.h"
#include "unit.h"

struct fixture {
  char root[PATH_MAX];    /* T */
  char sysroot[PATH_MAX]; /* S */
  char host[PATH_MAX];    /* H */
  char mirror[PATH_MAX];  /* M */
};

/* Builds the tree; with_sysroot also makes S the sysroot. */
bool fixture_make(struct fixture *f, bool with_sysroot);
void fixture_remove(struct fixture *f);

/* Joins a and b into a static buffer (one of four, used in turn). */
const char *cat(const char *a, const char *b);
/* Writes content to path, making its directories. */
void put_file(const char *path, const char *content);
void make_dirs(const char *path);

/* Resolves the guest path as a system call would: how is PATH_*. */
int resolve(const char *guest, unsigned how, struct host_path *hp);
int resolve_at(int dirfd, const char *guest, unsigned how, struct host_path *hp);

/* What the resolved file holds (first line), or "errno N". */
const char *content_of(const struct host_path *hp);
/* Whether the resolved name is the host file at host_path (lstat). */
bool is_host_file(const struct host_path *hp, const char *host_path);
/* Whether the result is the host's literal path (no sysroot descriptor). */
bool went_to_host(const struct host_path *hp, const char *path);

/* A test with a fixture, removed whatever the test's outcome:
     FIXTURE_TEST(resolver, name) { ... f->sysroot ... } */
#define FIXTURE_TEST(suite, name)                        \
  static void body_##suite##_##name(struct fixture *f);  \
  TEST(suite, name) {                                    \
    struct fixture fx;                                   \
    if (!EXPECT_TRUE(fixture_make(&fx, true))) return;   \
    body_##suite##_##name(&fx);                          \
    fixture_remove(&fx);                                 \
  }                                                      \
  static void body_##suite##_##name(struct fixture *f __attribute__((unused)))

#endif
