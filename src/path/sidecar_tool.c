/* `elfrun sysroot import SRC DEST` and `elfrun sysroot check DEST`: the
   host-side tools of the sidecar layer (docs/sidecar.md).

   import copies a host tree into a sysroot through the layer, so that
   names differing only in case survive on a case-insensitive DEST: each
   entry is created with sidecar_create() exactly as a guest's mkdir, open,
   symlink, mknod or link would be, then given SRC's mode, times and (as
   root) owner. Hard links within SRC stay hard links.

   check reads every index under DEST, under the writers' lock (so that
   no writer is between its steps) and without changing anything, counting
   what would break the layer's promise: a settled row whose host name is
   missing (a name pointing nowhere) and a generated host name no row
   names (a lost file). Pending rows are counted apart: they are true
   exactly when their host name exists, and the next writer settles them. */
#include "path/sidecar.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/config.h"
#include "path/sidecar_index.h"
#include "path/sysroot.h"

/* ---- import ---- */

struct hardlink {
  dev_t dev;
  ino_t ino;
  char *host; /* DEST host path of the first copy */
};

struct import {
  int errors;
  size_t nlinks, cap_links;
  struct hardlink *links;
};

struct mode_dev {
  int flags;
  mode_t mode;
  dev_t dev;
  const char *target;
};

static i64 op_mkdir(int dirfd, const char *name, void *ctx) {
  return mkdirat(dirfd, name, ((struct mode_dev *)ctx)->mode | 0700) ? -errno : 0;
}

static i64 op_open(int dirfd, const char *name, void *ctx) {
  const struct mode_dev *m = ctx;
  int fd = openat(dirfd, name, m->flags, m->mode | 0600);
  return fd < 0 ? -errno : fd;
}

static i64 op_symlink(int dirfd, const char *name, void *ctx) {
  return symlinkat(((struct mode_dev *)ctx)->target, dirfd, name) ? -errno : 0;
}

static i64 op_mknod(int dirfd, const char *name, void *ctx) {
  const struct mode_dev *m = ctx;
  return mknodat(dirfd, name, m->mode, m->dev) ? -errno : 0;
}

static i64 op_link(int dirfd, const char *name, void *ctx) {
  return linkat(AT_FDCWD, ((struct mode_dev *)ctx)->target, dirfd, name, 0) ? -errno : 0;
}

static void complain(struct import *im, const char *what, const char *name, int err) {
  fprintf(stderr, "elfrun: sysroot import: %s %s: %s\n", what, name, strerror(err));
  im->errors++;
}

/* The host name the layer gave name in dirfd. */
static void host_name(int dirfd, const char *name, char out[NAME_MAX + 1]) {
  struct sidecar_name nm;
  if (sidecar_on() && sidecar_leaf(dirfd, name, strlen(name), &nm) == 0) strcpy(out, nm.host);
  else snprintf(out, NAME_MAX + 1, "%s", name);
}

static int copy_data(int in, int out) {
  char buf[65536];
  for (;;) {
    ssize_t n = read(in, buf, sizeof buf);
    if (n < 0) return -errno;
    if (n == 0) return 0;
    for (ssize_t w = 0; w < n;) {
      ssize_t k = write(out, buf + w, (size_t)(n - w));
      if (k < 0) return -errno;
      w += k;
    }
  }
}

static void set_attrs(int dirfd, const char *host, const struct stat *st) {
  if (geteuid() == 0) fchownat(dirfd, host, st->st_uid, st->st_gid, AT_SYMLINK_NOFOLLOW);
  if (!S_ISLNK(st->st_mode)) fchmodat(dirfd, host, st->st_mode & 07777, 0);
  struct timespec ts[2] = {st->st_atim, st->st_mtim};
  utimensat(dirfd, host, ts, AT_SYMLINK_NOFOLLOW);
}

static const char *fd_path(int fd, char out[PATH_MAX]) {
  char link[32];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, out, PATH_MAX - 1);
  if (n < 0) return NULL;
  out[n] = 0;
  return out;
}

static const char *known_link(struct import *im, const struct stat *st) {
  for (size_t i = 0; i < im->nlinks; i++)
    if (im->links[i].dev == st->st_dev && im->links[i].ino == st->st_ino) return im->links[i].host;
  return NULL;
}

static void remember_link(struct import *im, const struct stat *st, int dirfd, const char *host) {
  char dir[PATH_MAX], full[PATH_MAX + NAME_MAX + 2];
  if (!fd_path(dirfd, dir)) return;
  snprintf(full, sizeof full, "%s/%s", dir, host);
  if (im->nlinks == im->cap_links) {
    size_t cap = im->cap_links ? im->cap_links * 2 : 64;
    struct hardlink *p = realloc(im->links, cap * sizeof *p);
    if (!p) return;
    im->links = p;
    im->cap_links = cap;
  }
  char *copy = strdup(full);
  if (copy) im->links[im->nlinks++] = (struct hardlink){st->st_dev, st->st_ino, copy};
}

static void import_file(struct import *im, int srcdir, int dstdir, const char *name,
                        const struct stat *st) {
  const char *first = st->st_nlink > 1 ? known_link(im, st) : NULL;
  if (first) {
    i64 r = sidecar_create(dstdir, name, op_link, &(struct mode_dev){.target = first});
    if (r < 0) complain(im, "link", name, (int)-r);
    return;
  }
  int in = openat(srcdir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (in < 0) return complain(im, "read", name, errno);
  struct mode_dev m = {.flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
                       .mode = st->st_mode & 07777};
  i64 out = sidecar_create(dstdir, name, op_open, &m);
  if (out < 0) {
    complain(im, "create", name, (int)-out);
  } else {
    int err = copy_data(in, (int)out);
    if (err) complain(im, "copy", name, -err);
    close((int)out);
  }
  close(in);
  char host[NAME_MAX + 1];
  host_name(dstdir, name, host);
  set_attrs(dstdir, host, st);
  if (st->st_nlink > 1) remember_link(im, st, dstdir, host);
}

static void import_dir(struct import *im, int srcdir, int dstdir);

static void import_subdir(struct import *im, int srcdir, int dstdir, const char *name,
                          const struct stat *st) {
  i64 r = sidecar_create(dstdir, name, op_mkdir, &(struct mode_dev){.mode = st->st_mode & 07777});
  if (r < 0 && r != -EEXIST) return complain(im, "mkdir", name, (int)-r);
  char host[NAME_MAX + 1];
  host_name(dstdir, name, host);
  int src = openat(srcdir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  int dst = openat(dstdir, host, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (src < 0 || dst < 0) {
    complain(im, "open", name, errno);
  } else {
    import_dir(im, src, dst);
    set_attrs(dstdir, host, st);
  }
  if (src >= 0) close(src);
  if (dst >= 0) close(dst);
}

static void import_entry(struct import *im, int srcdir, int dstdir, const char *name) {
  struct stat st;
  if (fstatat(srcdir, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return complain(im, "stat", name, errno);
  if (S_ISDIR(st.st_mode)) return import_subdir(im, srcdir, dstdir, name, &st);
  if (S_ISREG(st.st_mode)) return import_file(im, srcdir, dstdir, name, &st);
  i64 r;
  char target[PATH_MAX];
  if (S_ISLNK(st.st_mode)) {
    ssize_t n = readlinkat(srcdir, name, target, sizeof target - 1);
    if (n < 0) return complain(im, "readlink", name, errno);
    target[n] = 0;
    r = sidecar_create(dstdir, name, op_symlink, &(struct mode_dev){.target = target});
  } else {
    r = sidecar_create(dstdir, name, op_mknod, &(struct mode_dev){.mode = st.st_mode, .dev = st.st_rdev});
  }
  if (r < 0 && r != -EEXIST) return complain(im, "create", name, (int)-r);
  char host[NAME_MAX + 1];
  host_name(dstdir, name, host);
  set_attrs(dstdir, host, &st);
}

static void import_dir(struct import *im, int srcdir, int dstdir) {
  int fd = dup(srcdir);
  DIR *d = fd < 0 ? NULL : fdopendir(fd);
  if (!d) return complain(im, "list", "directory", errno);
  struct dirent *e;
  while ((e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    import_entry(im, srcdir, dstdir, e->d_name);
  }
  closedir(d);
}

static int cmd_import(const char *src, const char *dest) {
  mkdir(dest, 0755);
  if (!path_init(dest)) return 2;
  if (!sysroot_active()) {
    fprintf(stderr, "elfrun: sysroot import: DEST must not be /\n");
    return 2;
  }
  int srcfd = open(src, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (srcfd < 0) {
    fprintf(stderr, "elfrun: sysroot import: %s: %s\n", src, strerror(errno));
    return 2;
  }
  struct import im = {0};
  import_dir(&im, srcfd, sysroot_fd());
  close(srcfd);
  printf("imported %s into %s (case folding layer %s)\n", src, dest, sidecar_on() ? "on" : "off");
  for (size_t k = 0; k < im.nlinks; k++) free(im.links[k].host);
  free(im.links);
  return im.errors ? 1 : 0;
}

/* ---- check ---- */

struct tally {
  long dirs, rows, pending, dangling, orphans;
};

static bool exists_at(int dirfd, const char *name) {
  struct stat st;
  return fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

static void check_dir(struct tally *t, int dirfd, const char *path) {
  struct stat st;
  if (fstat(dirfd, &st) != 0) return;
  struct sc_dir *d = sc_dir_load(dirfd, &st);
  if (!d) return;
  t->dirs++;
  for (int i = 0; i < d->nrows; i++) {
    t->rows++;
    if (d->rows[i].pending) t->pending++;
    else if (!exists_at(dirfd, d->rows[i].host)) {
      t->dangling++;
      printf("dangling: %s/%s -> %s\n", path, d->rows[i].guest, d->rows[i].host);
    }
  }
  for (int i = 0; i < d->nnames; i++) {
    const char *n = d->names[i];
    if (!strncmp(n, SIDECAR_GEN, sizeof SIDECAR_GEN - 1) && !sc_dir_guest_of(d, n)) {
      t->orphans++;
      printf("orphan: %s/%s\n", path, n);
    }
  }
  for (int i = 0; i < d->nnames; i++) {
    struct stat cs;
    if (fstatat(dirfd, d->names[i], &cs, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(cs.st_mode)) continue;
    int sub = openat(dirfd, d->names[i], O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0) continue;
    char subpath[PATH_MAX];
    snprintf(subpath, sizeof subpath, "%s/%s", path, d->names[i]);
    check_dir(t, sub, subpath);
    close(sub);
  }
  sc_dir_free(d);
}

static int cmd_check(const char *dest) {
  if (!path_init(dest) || !sysroot_active()) return 2;
  struct tally t = {0};
  sc_lock(); /* a writer's listing and index change together */
  check_dir(&t, sysroot_fd(), "");
  sc_unlock();
  printf("%ld directories, %ld rows, %ld pending, %ld dangling, %ld orphans\n", t.dirs, t.rows,
         t.pending, t.dangling, t.orphans);
  return t.dangling || t.orphans ? 1 : 0;
}

int sidecar_tool_main(int argc, char **argv) {
  if (argc == 4 && !strcmp(argv[1], "import")) return cmd_import(argv[2], argv[3]);
  if (argc == 3 && !strcmp(argv[1], "check")) return cmd_check(argv[2]);
  fprintf(stderr, "usage: elfrun [--casefold=MODE] sysroot import SRC DEST\n"
                  "       elfrun [--casefold=MODE] sysroot check DEST\n");
  return 2;
}
