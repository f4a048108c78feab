/* The sidecar case-folding layer: exact, case-sensitive guest names over a
   sysroot stored on a file system that folds case (vfat, exFAT, SMB, an
   ext4 directory with +F, a macOS volume). docs/sidecar.md has the rules.

   This file decides whether the layer is on (--casefold, detection), maps
   one name through its directory's index for the resolver, and walks a
   directory path one component at a time for the directory cache, since
   openat2 would let the host fold each component. sidecar_index.c keeps
   the per-directory state, sidecar_mutate.c the calls that change names,
   sidecar_getdents.c the listing the guest sees.

   Detection never writes: an existing name is looked up with its ASCII
   letters' case flipped, and the two answers compared by device and inode
   (both the same file: the directory folds). Where a file system can fold
   some directories and not others (ext4, f2fs, tmpfs with casefold, +F in
   lsattr), the directory's FS_CASEFOLD_FL attribute answers instead, per
   directory (fs/ext4/ioctl.c: EXT4_CASEFOLD_FL is reported as
   FS_CASEFOLD_FL). */
#include "path/sidecar.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "base/config.h"
#include "path/sidecar_index.h"
#include "path/sysroot.h"

/* include/uapi/linux/fs.h (its header clashes with glibc's); the kernel
   reads and writes an int despite the declared long. */
#ifndef FS_IOC_GETFLAGS
#define FS_IOC_GETFLAGS _IOR('f', 1, long)
#endif
#ifndef FS_CASEFOLD_FL
#define FS_CASEFOLD_FL 0x40000000
#endif
#ifndef F2FS_SUPER_MAGIC
#define F2FS_SUPER_MAGIC 0xF2F52010
#endif

/* MAXSYMLINKS, include/linux/namei.h. */
#define MAX_SYMLINK_HOPS 40
#define MAX_DEVS 16
#define FLIP_TRIES 8

enum { FOLD_UNKNOWN = -1, FOLD_NO = 0, FOLD_YES = 1 };

/* What is known of one file system (by device) under the sysroot. */
struct dev_fold {
  dev_t dev;
  bool per_dir; /* folding is a per-directory attribute here */
  i8 folds;     /* FOLD_*: the flip test's answer, when not per_dir */
};

static struct {
  pthread_once_t once;
  atomic_bool on;
  enum casefold_mode mode;
  dev_t root_dev;
  ino_t root_ino;
  pthread_mutex_t mu; /* devs */
  int ndevs;
  struct dev_fold devs[MAX_DEVS];
} g_sc = {.once = PTHREAD_ONCE_INIT, .mu = PTHREAD_MUTEX_INITIALIZER};

bool sidecar_parse_mode(const char *s, enum casefold_mode *out) {
  if (!strcmp(s, "auto")) *out = CASEFOLD_AUTO;
  else if (!strcmp(s, "on")) *out = CASEFOLD_ON;
  else if (!strcmp(s, "off")) *out = CASEFOLD_OFF;
  else return false;
  return true;
}

const char *sidecar_mode_name(enum casefold_mode mode) {
  return mode == CASEFOLD_ON ? "on" : mode == CASEFOLD_OFF ? "off" : "auto";
}

/* ---- detection ---- */

static bool fs_folds_per_dir(int fd) {
  struct statfs sf;
  if (fstatfs(fd, &sf) != 0) return false;
  return sf.f_type == EXT4_SUPER_MAGIC || sf.f_type == (typeof(sf.f_type))F2FS_SUPER_MAGIC ||
         sf.f_type == TMPFS_MAGIC;
}

static struct dev_fold *dev_fold_of(int fd, dev_t dev) {
  pthread_mutex_lock(&g_sc.mu);
  struct dev_fold *f = NULL;
  for (int i = 0; i < g_sc.ndevs && !f; i++)
    if (g_sc.devs[i].dev == dev) f = &g_sc.devs[i];
  if (!f && g_sc.ndevs < MAX_DEVS) {
    f = &g_sc.devs[g_sc.ndevs++];
    *f = (struct dev_fold){.dev = dev, .per_dir = fs_folds_per_dir(fd), .folds = FOLD_UNKNOWN};
  }
  pthread_mutex_unlock(&g_sc.mu);
  return f;
}

static bool has_casefold_attr(int rdfd) {
  int flags = 0;
  return ioctl(rdfd, FS_IOC_GETFLAGS, &flags) == 0 && (flags & FS_CASEFOLD_FL);
}

static bool flip_case(const char *name, char out[NAME_MAX + 1]) {
  bool changed = false;
  size_t i = 0;
  for (; name[i] && i < NAME_MAX; i++) {
    char c = name[i];
    if (c >= 'a' && c <= 'z') c = (char)(c - 32), changed = true;
    else if (c >= 'A' && c <= 'Z') c = (char)(c + 32), changed = true;
    out[i] = c;
  }
  out[i] = 0;
  return changed;
}

/* The flip test on up to FLIP_TRIES names of the listing. */
static int flip_test(int rdfd, char *const *names, int n) {
  for (int i = 0, tries = 0; i < n && tries < FLIP_TRIES; i++) {
    char flipped[NAME_MAX + 1];
    if (sc_is_reserved(names[i]) || !flip_case(names[i], flipped)) continue;
    tries++;
    struct stat a, b;
    if (fstatat(rdfd, names[i], &a, AT_SYMLINK_NOFOLLOW) != 0) continue; /* gone meanwhile */
    if (fstatat(rdfd, flipped, &b, AT_SYMLINK_NOFOLLOW) != 0)
      return errno == ENOENT ? FOLD_NO : FOLD_UNKNOWN;
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino ? FOLD_YES : FOLD_NO;
  }
  return FOLD_UNKNOWN;
}

/* The answer for one directory with the layer on. */
bool sc_folds(int rdfd, const struct stat *st, char *const *names, int n) {
  if (g_sc.mode == CASEFOLD_ON) return true;
  struct dev_fold *f = dev_fold_of(rdfd, st->st_dev);
  if (!f) return flip_test(rdfd, names, n) == FOLD_YES;
  if (f->per_dir) return has_casefold_attr(rdfd);
  if (f->folds == FOLD_UNKNOWN) f->folds = (i8)flip_test(rdfd, names, n);
  return f->folds == FOLD_YES;
}

/* A few names of rdfd, enough for the flip test. */
static int peek_names(int rdfd, char *buf, size_t size, char *names[FLIP_TRIES * 4]) {
  long got = syscall(SYS_getdents64, rdfd, buf, size);
  int n = 0;
  for (long off = 0; off < got && n < FLIP_TRIES * 4;) {
    struct {
      u64 ino;
      i64 off;
      unsigned short reclen;
      unsigned char type;
      char name[];
    } *e = (void *)(buf + off);
    off += e->reclen;
    if (strcmp(e->name, ".") && strcmp(e->name, "..")) names[n++] = e->name;
  }
  return n;
}

static bool dir_folds(int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0) return false;
  struct dev_fold *f = dev_fold_of(fd, st.st_dev);
  if (f && !f->per_dir && f->folds != FOLD_UNKNOWN) return f->folds == FOLD_YES;
  int rdfd = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (rdfd < 0) return false;
  bool folds;
  if (f && f->per_dir) {
    folds = has_casefold_attr(rdfd);
  } else {
    char buf[4096] __attribute__((aligned(8)));
    char *names[FLIP_TRIES * 4];
    int n = peek_names(rdfd, buf, sizeof buf, names);
    int r = flip_test(rdfd, names, n);
    if (f) f->folds = (i8)r;
    folds = r == FOLD_YES;
  }
  close(rdfd);
  return folds;
}

static void sidecar_init(void) {
  g_sc.mode = (enum casefold_mode)g_config.casefold;
  if (!sysroot_active() || g_sc.mode == CASEFOLD_OFF) return;
  struct stat st;
  if (fstat(sysroot_fd(), &st) != 0) return;
  g_sc.root_dev = st.st_dev;
  g_sc.root_ino = st.st_ino;
  sc_init_fork();
  atomic_store(&g_sc.on, g_sc.mode == CASEFOLD_ON || dir_folds(sysroot_fd()));
}

bool sidecar_on(void) {
  pthread_once(&g_sc.once, sidecar_init);
  return atomic_load_explicit(&g_sc.on, memory_order_relaxed);
}

bool sidecar_watch_dir(int fd) {
  if (g_sc.mode != CASEFOLD_AUTO || sidecar_on() || !dir_folds(fd)) return false;
  atomic_store(&g_sc.on, true);
  return true;
}

/* ---- lookups ---- */

static int leaf_with_stat(int dirfd, const struct stat *st, const char *leaf, size_t n,
                          struct sidecar_name *out) {
  if (n > NAME_MAX) return -ENAMETOOLONG;
  out->active = true;
  out->absent = false;
  out->mapped = false;
  memcpy(out->guest, leaf, n);
  out->guest[n] = 0;
  return sc_cache_map(dirfd, st, out);
}

int sidecar_leaf(int dirfd, const char *leaf, size_t n, struct sidecar_name *out) {
  struct stat st;
  if (fstat(dirfd, &st) != 0) return -errno;
  return leaf_with_stat(dirfd, &st, leaf, n, out);
}

static int move_high(int fd) {
  int high = fcntl(fd, F_DUPFD_CLOEXEC, ELFRUN_FD_BASE);
  if (high < 0) return fd;
  close(fd);
  return high;
}

static int open_root(void) {
  int fd = openat(sysroot_fd(), ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
  return fd < 0 ? -errno : fd;
}

/* The walk's state: the directory reached and what is left to walk. */
struct walk {
  int cur;     /* O_PATH descriptor of the directory reached */
  char *rest;  /* the components still to walk, NUL-terminated */
  int hops;    /* symlinks followed */
  bool mapped; /* a row was used */
};

/* A symlink met on the way: its target, then what followed it, becomes
   the rest; an absolute target starts again from the sysroot's root
   (docs/sysroot.md, rule 4). */
static int follow(struct walk *w, const char *target, size_t tlen, const char *after) {
  if (++w->hops > MAX_SYMLINK_HOPS) return -ELOOP;
  size_t alen = strlen(after);
  if (tlen + 1 + alen + 1 > 2 * PATH_MAX) return -ENAMETOOLONG;
  char *next = malloc(2 * PATH_MAX);
  if (!next) return -ENOMEM;
  memcpy(next, target, tlen);
  next[tlen] = '/';
  memcpy(next + tlen + 1, after, alen + 1);
  memcpy(w->rest, next, tlen + 1 + alen + 1);
  free(next);
  if (target[0] == '/') {
    int root = open_root();
    if (root < 0) return root;
    close(w->cur);
    w->cur = root;
  }
  return 0;
}

static int step_into(struct walk *w, const char *host) {
  int fd = openat(w->cur, host, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return -errno;
  close(w->cur);
  w->cur = fd;
  return 0;
}

/* ".." never climbs above the sysroot's root (rule 5). */
static int step_up(struct walk *w, const struct stat *st) {
  if (st->st_dev == g_sc.root_dev && st->st_ino == g_sc.root_ino) return 0;
  return step_into(w, "..");
}

/* One component: name (n bytes); after is what follows it. */
static int step(struct walk *w, const char *name, size_t n, const char *after) {
  if (n == 1 && name[0] == '.') return 0;
  struct stat st;
  if (fstat(w->cur, &st) != 0) return -errno;
  if (n == 2 && name[0] == '.' && name[1] == '.') return step_up(w, &st);
  struct sidecar_name nm;
  int err = leaf_with_stat(w->cur, &st, name, n, &nm);
  if (err) return err;
  w->mapped |= nm.mapped;
  if (nm.absent) return -ENOENT;
  char target[PATH_MAX];
  ssize_t len = readlinkat(w->cur, nm.host, target, sizeof target);
  if (len >= (ssize_t)sizeof target) return -ENAMETOOLONG;
  if (len > 0) return follow(w, target, (size_t)len, after);
  if (errno != EINVAL) return -errno;
  return step_into(w, nm.host);
}

int sidecar_open_dir(const char *path, size_t len, bool *mapped) {
  *mapped = false;
  if (len >= PATH_MAX) return -ENAMETOOLONG;
  struct walk w = {.cur = open_root(), .rest = malloc(2 * PATH_MAX)};
  int err = w.cur < 0 ? w.cur : w.rest ? 0 : -ENOMEM;
  if (!err) {
    memcpy(w.rest, path, len);
    w.rest[len] = 0;
  }
  while (!err) {
    char *r = w.rest + strspn(w.rest, "/");
    if (!*r) break;
    size_t n = strcspn(r, "/");
    char name[NAME_MAX + 1];
    if (n > NAME_MAX) {
      err = -ENAMETOOLONG;
      break;
    }
    memcpy(name, r, n);
    name[n] = 0;
    memmove(w.rest, r + n, strlen(r + n) + 1);
    err = step(&w, name, n, w.rest);
  }
  free(w.rest);
  *mapped = w.mapped;
  if (err) {
    if (w.cur >= 0) close(w.cur);
    return err;
  }
  return move_high(w.cur);
}

/* ---- host paths back to guest paths ---- */

static bool guest_of_component(const char *host_dir, size_t dlen, const char *host,
                               char out[NAME_MAX + 1]) {
  int fd = sysroot_probe(host_dir, dlen ? dlen : 1, O_DIRECTORY);
  if (fd < 0) return false;
  bool ok = sc_cache_guest_of(fd, host, out);
  close(fd);
  return ok;
}

/* A reserved component is a generated host name: its directory's index
   holds the guest's spelling. The host spelling of the prefix is what
   the sysroot must be asked about; the guest's is what is shown. */
void sidecar_guest_path(char path[PATH_MAX]) {
  if (!sidecar_on() || path[0] != '/' || !strcasestr(path, SIDECAR_RESERVED)) return;
  char host[PATH_MAX], out[PATH_MAX];
  memcpy(host, path, strlen(path) + 1);
  size_t olen = 0;
  for (const char *p = host; *p;) {
    while (*p == '/') p++;
    if (!*p) break;
    size_t n = strcspn(p, "/");
    char comp[NAME_MAX + 1], guest[NAME_MAX + 1];
    if (n > NAME_MAX) return;
    memcpy(comp, p, n);
    comp[n] = 0;
    const char *show = comp;
    if (sc_is_reserved(comp) && guest_of_component(host, (size_t)(p - host - 1), comp, guest))
      show = guest;
    size_t sn = strlen(show);
    if (olen + 1 + sn >= PATH_MAX) return;
    out[olen++] = '/';
    memcpy(out + olen, show, sn);
    olen += sn;
    p += n;
  }
  if (olen == 0) out[olen++] = '/';
  out[olen] = 0;
  memcpy(path, out, olen + 1);
}
