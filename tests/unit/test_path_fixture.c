/* The temporary sysroot tree of the path-layer tests (test_path_fixture.h). */
#include "test_path_fixture.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path/sysroot.h"

const char *cat(const char *a, const char *b) {
  static char buf[4][PATH_MAX];
  static int next;
  char *out = buf[next++ % 4];
  size_t an = strnlen(a, PATH_MAX - 1), bn = strnlen(b, PATH_MAX - 1 - an);
  memcpy(out, a, an);
  memcpy(out + an, b, bn);
  out[an + bn] = 0;
  return out;
}

void make_dirs(const char *path) {
  char buf[PATH_MAX];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = 0;
    mkdir(buf, 0755);
    *p = '/';
  }
  mkdir(buf, 0755);
}

void put_file(const char *path, const char *content) {
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", path);
  *strrchr(dir, '/') = 0;
  make_dirs(dir);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  if (write(fd, content, strlen(content)) < 0) { /* the test will notice */ }
  close(fd);
}

static void put_link(const char *target, const char *path) {
  if (symlink(target, path) != 0) unit_note("symlink %s: %s", path, strerror(errno));
}

static void build_sysroot(const struct fixture *f) {
  const char *s = f->sysroot;
  put_file(cat(s, "/etc/passwd"), "sysroot passwd\n");
  make_dirs(cat(s, "/bin"));
  put_link("../etc/passwd", cat(s, "/bin/pw"));
  put_link("/etc", cat(s, "/etclink"));
  put_file(cat(s, "/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1"), "arm64 ld.so\n");
  put_link("/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1", cat(s, "/lib/ld-linux-aarch64.so.1"));
  make_dirs(cat(s, "/usr/lib"));
  put_link("../../../../../../../../etc/passwd", cat(s, "/escape"));
  put_link("loop2", cat(s, "/loop1"));
  put_link("loop1", cat(s, "/loop2"));
  put_link("/etc/made-through-link", cat(s, "/dangling"));
  put_link(cat(f->host, "/only-host"), cat(s, "/hostlink"));
  make_dirs(cat(s, "/proc"));
  make_dirs(cat(s, "/dev"));
  put_file(cat(cat(s, f->mirror), "/both"), "sysroot both\n");
}

static void build_host(const struct fixture *f) {
  put_file(cat(f->host, "/only-host"), "host only\n");
  put_file(cat(f->host, "/both"), "host both\n");
  put_file(cat(f->host, "/deep/a/b/file"), "host deep\n");
  put_file(cat(f->mirror, "/leaf-host"), "host leaf\n");
  put_file(cat(f->mirror, "/both"), "host both\n");
}

bool fixture_make(struct fixture *f, bool with_sysroot) {
  char tmpl[] = "/tmp/elfrun-path-XXXXXX";
  if (!mkdtemp(tmpl) || !realpath(tmpl, f->root)) return false;
  strcpy(f->sysroot, cat(f->root, "/sysroot"));
  strcpy(f->host, cat(f->root, "/host"));
  strcpy(f->mirror, cat(f->root, "/mirror"));
  make_dirs(f->sysroot);
  build_sysroot(f);
  build_host(f);
  return !with_sysroot || path_init(f->sysroot);
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  (void)st, (void)type, (void)ftw;
  remove(path);
  return 0;
}

void fixture_remove(struct fixture *f) {
  if (chdir("/") != 0) { /* the tree goes all the same */ }
  nftw(f->root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

int resolve_at(int dirfd, const char *guest, unsigned how, struct host_path *hp) {
  snprintf(hp->buf, sizeof hp->buf, "%s", guest);
  return path_resolve(NULL, dirfd, how, hp);
}

int resolve(const char *guest, unsigned how, struct host_path *hp) {
  return resolve_at(AT_FDCWD, guest, how, hp); /* A64_AT_FDCWD too */
}

const char *content_of(const struct host_path *hp) {
  static char buf[256];
  int fd = openat(hp->dirfd, hp->path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    snprintf(buf, sizeof buf, "errno %d", errno);
    return buf;
  }
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  buf[n > 0 ? n : 0] = 0;
  char *nl = strchr(buf, '\n');
  if (nl) *nl = 0;
  return buf;
}

bool is_host_file(const struct host_path *hp, const char *host_path) {
  struct stat a, b;
  return fstatat(hp->dirfd, hp->path, &a, AT_SYMLINK_NOFOLLOW) == 0 &&
         lstat(host_path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

bool went_to_host(const struct host_path *hp, const char *path) {
  return hp->dirfd == AT_FDCWD && hp->hold.fd < 0 && !strcmp(hp->path, path);
}
