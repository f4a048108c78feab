/* cifuse: a case-insensitive, case-preserving passthrough file system for
   the sidecar tests (docs/sidecar.md). It mounts BACKING at MOUNTPOINT and
   behaves as vfat, exFAT or an SMB share do towards names: a lookup in any
   case finds the one entry whose name equals it ignoring ASCII case; a new
   name keeps the case it was created with; creating a name that meets an
   existing one in another case finds the existing one (EEXIST for mkdir
   and O_EXCL); a rename onto another case of an existing name replaces it
   and takes the new spelling, a rename that changes only case changes the
   stored case.

     cifuse BACKING MOUNTPOINT [fuse options]

   It runs single-threaded (each operation resolves and acts without
   interleaving) and asks the kernel to cache nothing (entry, attribute
   and negative timeouts of 0): the kernel's dentry cache is keyed by the
   exact name, and a cached "FOO" would outlive an unlink of "foo". With
   use_ino, stat reports the backing inode, so every spelling of a name
   shows the same device and inode, which is what elfrun's detection
   compares. */
#define FUSE_USE_VERSION 35
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fuse.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

static int g_root = -1; /* the backing directory */

/* The entry of directory dir (relative to g_root, "." for the top) that
   name meets ignoring case; its real name goes to out. */
static bool find_entry(const char *dir, const char *name, char out[NAME_MAX + 1]) {
  int fd = openat(g_root, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return false;
  }
  struct dirent *e;
  bool found = false;
  while ((e = readdir(d)) && !found) {
    if (!strcasecmp(e->d_name, name)) {
      snprintf(out, NAME_MAX + 1, "%s", e->d_name);
      found = true;
    }
  }
  closedir(d);
  return found;
}

/* Maps a FUSE path to the backing path (relative to g_root). Every
   directory on the way must exist in some case. The last name is the
   existing entry's when one meets it (*exists), else as given. */
static int resolve(const char *path, char real[PATH_MAX], bool *exists) {
  strcpy(real, ".");
  size_t len = 1;
  if (exists) *exists = true;
  const char *p = path;
  while (*p == '/') p++;
  while (*p) {
    size_t n = strcspn(p, "/");
    char name[NAME_MAX + 1], found[NAME_MAX + 1];
    if (n > NAME_MAX) return -ENAMETOOLONG;
    memcpy(name, p, n);
    name[n] = 0;
    p += n;
    while (*p == '/') p++;
    bool last = !*p;
    const char *use = name;
    if (find_entry(real, name, found)) use = found;
    else if (!last) return -ENOENT;
    else if (exists) *exists = false;
    if (len + 1 + strlen(use) >= PATH_MAX) return -ENAMETOOLONG;
    len += (size_t)snprintf(real + len, PATH_MAX - len, "/%s", use);
  }
  return 0;
}

/* The backing path of a name that must exist. */
static int existing(const char *path, char real[PATH_MAX]) {
  bool exists;
  int err = resolve(path, real, &exists);
  return err ? err : exists ? 0 : -ENOENT;
}

/* The backing path for a new name: EEXIST when one meets it. */
static int fresh(const char *path, char real[PATH_MAX]) {
  bool exists;
  int err = resolve(path, real, &exists);
  return err ? err : exists ? -EEXIST : 0;
}

static int ret(int r) { return r < 0 ? -errno : r; }

static int ci_getattr(const char *path, struct stat *st, struct fuse_file_info *fi) {
  if (fi) return ret(fstat((int)fi->fh, st));
  char real[PATH_MAX];
  int err = existing(path, real);
  return err ? err : ret(fstatat(g_root, real, st, AT_SYMLINK_NOFOLLOW));
}

static int ci_readlink(const char *path, char *buf, size_t size) {
  char real[PATH_MAX];
  int err = existing(path, real);
  if (err) return err;
  ssize_t n = readlinkat(g_root, real, buf, size - 1);
  if (n < 0) return -errno;
  buf[n] = 0;
  return 0;
}

static int ci_mknod(const char *path, mode_t mode, dev_t rdev) {
  char real[PATH_MAX];
  int err = fresh(path, real);
  return err ? err : ret(mknodat(g_root, real, mode, rdev));
}

static int ci_mkdir(const char *path, mode_t mode) {
  char real[PATH_MAX];
  int err = fresh(path, real);
  return err ? err : ret(mkdirat(g_root, real, mode));
}

static int ci_unlink(const char *path) {
  char real[PATH_MAX];
  int err = existing(path, real);
  return err ? err : ret(unlinkat(g_root, real, 0));
}

static int ci_rmdir(const char *path) {
  char real[PATH_MAX];
  int err = existing(path, real);
  return err ? err : ret(unlinkat(g_root, real, AT_REMOVEDIR));
}

static int ci_symlink(const char *target, const char *path) {
  char real[PATH_MAX];
  int err = fresh(path, real);
  return err ? err : ret(symlinkat(target, g_root, real));
}

/* The backing path with its last name spelled as path spells it. */
static void respell(const char *real, const char *path, char out[PATH_MAX]) {
  const char *slash = strrchr(real, '/');
  const char *want = strrchr(path, '/');
  want = want ? want + 1 : path;
  snprintf(out, PATH_MAX, "%.*s/%s", (int)(slash - real), real, want);
}

static int ci_rename(const char *from, const char *to, unsigned int flags) {
  char rfrom[PATH_MAX], rto[PATH_MAX], spelled[PATH_MAX];
  bool exists;
  int err = existing(from, rfrom);
  if (!err) err = resolve(to, rto, &exists);
  if (err) return err;
  respell(rto, to, spelled);
  if (exists && !strcmp(rfrom, rto)) /* only the case changes */
    return flags & RENAME_EXCHANGE ? 0 : ret(renameat(g_root, rfrom, g_root, spelled));
  if (syscall(SYS_renameat2, g_root, rfrom, g_root, rto, flags) != 0) return -errno;
  if (exists && !(flags & RENAME_EXCHANGE) && strcmp(rto, spelled))
    return ret(renameat(g_root, rto, g_root, spelled));
  return 0;
}

static int ci_link(const char *from, const char *to) {
  char rfrom[PATH_MAX], rto[PATH_MAX];
  int err = existing(from, rfrom);
  if (!err) err = fresh(to, rto);
  return err ? err : ret(linkat(g_root, rfrom, g_root, rto, 0));
}

static int ci_chmod(const char *path, mode_t mode, struct fuse_file_info *fi) {
  if (fi) return ret(fchmod((int)fi->fh, mode));
  char real[PATH_MAX];
  int err = existing(path, real);
  return err ? err : ret(fchmodat(g_root, real, mode, 0));
}

static int ci_chown(const char *path, uid_t uid, gid_t gid, struct fuse_file_info *fi) {
  if (fi) return ret(fchown((int)fi->fh, uid, gid));
  char real[PATH_MAX];
  int err = existing(path, real);
  return err ? err : ret(fchownat(g_root, real, uid, gid, AT_SYMLINK_NOFOLLOW));
}

static int ci_truncate(const char *path, off_t size, struct fuse_file_info *fi) {
  if (fi) return ret(ftruncate((int)fi->fh, size));
  char real[PATH_MAX];
  int err = existing(path, real);
  if (err) return err;
  int fd = openat(g_root, real, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  int r = ret(ftruncate(fd, size));
  close(fd);
  return r;
}

static int ci_utimens(const char *path, const struct timespec ts[2], struct fuse_file_info *fi) {
  if (fi) return ret(futimens((int)fi->fh, ts));
  char real[PATH_MAX];
  int err = existing(path, real);
  return err ? err : ret(utimensat(g_root, real, ts, AT_SYMLINK_NOFOLLOW));
}

static int ci_open(const char *path, struct fuse_file_info *fi) {
  char real[PATH_MAX];
  int err = existing(path, real);
  if (err) return err;
  int fd = openat(g_root, real, fi->flags & ~O_NOFOLLOW);
  if (fd < 0) return -errno;
  fi->fh = (u_int64_t)fd;
  return 0;
}

static int ci_create(const char *path, mode_t mode, struct fuse_file_info *fi) {
  char real[PATH_MAX];
  bool exists;
  int err = resolve(path, real, &exists);
  if (err) return err;
  if (exists && (fi->flags & O_EXCL)) return -EEXIST;
  int fd = openat(g_root, real, fi->flags | O_CREAT, mode);
  if (fd < 0) return -errno;
  fi->fh = (u_int64_t)fd;
  return 0;
}

static int ci_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
  (void)path;
  ssize_t n = pread((int)fi->fh, buf, size, off);
  return n < 0 ? -errno : (int)n;
}

static int ci_write(const char *path, const char *buf, size_t size, off_t off,
                    struct fuse_file_info *fi) {
  (void)path;
  ssize_t n = pwrite((int)fi->fh, buf, size, off);
  return n < 0 ? -errno : (int)n;
}

static int ci_statfs(const char *path, struct statvfs *sv) {
  (void)path;
  return ret(fstatvfs(g_root, sv));
}

static int ci_release(const char *path, struct fuse_file_info *fi) {
  (void)path;
  close((int)fi->fh);
  return 0;
}

static int ci_fsync(const char *path, int datasync, struct fuse_file_info *fi) {
  (void)path;
  return ret(datasync ? fdatasync((int)fi->fh) : fsync((int)fi->fh));
}

static int ci_opendir(const char *path, struct fuse_file_info *fi) {
  char real[PATH_MAX];
  int err = existing(path, real);
  if (err) return err;
  int fd = openat(g_root, real, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *d = fd < 0 ? NULL : fdopendir(fd);
  if (!d) {
    if (fd >= 0) close(fd);
    return -errno;
  }
  fi->fh = (u_int64_t)(uintptr_t)d;
  return 0;
}

/* Offsets are telldir's, so a guest's seekdir (and elfrun's step back when
   a batch is full) lands where it should. */
static int ci_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off,
                      struct fuse_file_info *fi, enum fuse_readdir_flags flags) {
  (void)path;
  (void)flags;
  DIR *d = (DIR *)(uintptr_t)fi->fh;
  seekdir(d, off);
  struct dirent *e;
  while ((e = readdir(d))) {
    struct stat st = {.st_ino = e->d_ino, .st_mode = (mode_t)DTTOIF(e->d_type)};
    if (fill(buf, e->d_name, &st, telldir(d), 0)) break;
  }
  return 0;
}

static int ci_releasedir(const char *path, struct fuse_file_info *fi) {
  (void)path;
  closedir((DIR *)(uintptr_t)fi->fh);
  return 0;
}

static int ci_access(const char *path, int mask) {
  char real[PATH_MAX];
  int err = existing(path, real);
  return err ? err : ret(faccessat(g_root, real, mask, 0));
}

static void *ci_init(struct fuse_conn_info *conn, struct fuse_config *cfg) {
  (void)conn;
  cfg->use_ino = 1;
  cfg->readdir_ino = 1;
  cfg->entry_timeout = 0;
  cfg->attr_timeout = 0;
  cfg->negative_timeout = 0;
  cfg->hard_remove = 1;
  return NULL;
}

static const struct fuse_operations ci_ops = {
    .init = ci_init,
    .getattr = ci_getattr,
    .readlink = ci_readlink,
    .mknod = ci_mknod,
    .mkdir = ci_mkdir,
    .unlink = ci_unlink,
    .rmdir = ci_rmdir,
    .symlink = ci_symlink,
    .rename = ci_rename,
    .link = ci_link,
    .chmod = ci_chmod,
    .chown = ci_chown,
    .truncate = ci_truncate,
    .utimens = ci_utimens,
    .open = ci_open,
    .create = ci_create,
    .read = ci_read,
    .write = ci_write,
    .statfs = ci_statfs,
    .release = ci_release,
    .fsync = ci_fsync,
    .opendir = ci_opendir,
    .readdir = ci_readdir,
    .releasedir = ci_releasedir,
    .access = ci_access,
};

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: cifuse BACKING MOUNTPOINT [fuse options]\n");
    return 2;
  }
  g_root = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (g_root < 0) {
    perror(argv[1]);
    return 2;
  }
  umask(0);
  /* fuse_main sees: cifuse MOUNTPOINT -s [options]. */
  char **args = calloc((size_t)argc + 2, sizeof *args);
  int n = 0;
  args[n++] = argv[0];
  args[n++] = argv[2];
  args[n++] = "-s";
  for (int i = 3; i < argc; i++) args[n++] = argv[i];
  return fuse_main(n, args, &ci_ops, NULL);
}
