/* The sidecar's per-directory state: the host listing, the index file and
   the cache of both.

   The index (SIDECAR_INDEX in the directory it describes) maps exact guest
   names to the host names storing them. Only names that could not be
   stored under their own spelling have a row; every other name is its own
   host name. docs/sidecar.md gives the format:

     "elfrun-casefold-index 1\n", then per row:
     one state byte ('=' settled, '?' pending), guest name, NUL, host name, NUL

   Names cannot hold NUL, so no quoting is needed. The file is replaced
   whole, never edited: written to a temp file in the same directory,
   fsync'ed, then renamed over the old one (rename(2) is atomic), so a
   reader sees the old rows or the new ones, never a mix.

   The cache keeps directories by device and inode and trusts an entry
   while the directory's mtime and ctime are those seen when it was read:
   every name created, removed or renamed in it, index writes included,
   changes both. The guest's own mutations forget the entry at once, as
   timestamps are too coarse to catch two changes within one clock tick. */
#include "path/sidecar_index.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/config.h"
#include "path/sysroot.h"

#define INDEX_MAGIC "elfrun-casefold-index 1\n"
#define CACHE_SLOTS 64
#define DENTS_BUF 32768

bool sc_is_reserved(const char *name) {
  return !strncasecmp(name, SIDECAR_RESERVED, sizeof SIDECAR_RESERVED - 1);
}

bool sc_fold_eq(const char *a, const char *b) { return !strcasecmp(a, b); }

/* ---- the listing ---- */

struct linux_dirent64 {
  u64 d_ino;
  i64 d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[];
};

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends every name of rdfd but "." and ".." to d->pool, NUL-separated. */
static int read_names(struct sc_dir *d, int rdfd, size_t *used) {
  static __thread char buf[DENTS_BUF];
  size_t cap = 0;
  for (;;) {
    long n = syscall(SYS_getdents64, rdfd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue; /* nothing was read: ask again */
    if (n < 0) return -errno;
    if (n == 0) return 0;
    for (long off = 0; off < n;) {
      struct linux_dirent64 *e = (struct linux_dirent64 *)(buf + off);
      off += e->d_reclen;
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      size_t len = strlen(e->d_name) + 1;
      if (*used + len > cap) {
        cap = (cap + len) * 2;
        char *p = realloc(d->pool, cap);
        if (!p) return -ENOMEM;
        d->pool = p;
      }
      memcpy(d->pool + *used, e->d_name, len);
      *used += len;
      d->nnames++;
    }
  }
}

static int list_dir(struct sc_dir *d, int rdfd) {
  size_t used = 0;
  int err = read_names(d, rdfd, &used);
  if (err) return err;
  d->names = malloc((size_t)(d->nnames ? d->nnames : 1) * sizeof *d->names);
  if (!d->names) return -ENOMEM;
  size_t off = 0;
  for (int i = 0; i < d->nnames; i++) {
    d->names[i] = d->pool + off;
    off += strlen(d->pool + off) + 1;
  }
  qsort(d->names, (size_t)d->nnames, sizeof *d->names, cmp_names);
  return 0;
}

bool sc_dir_listed(const struct sc_dir *d, const char *host) {
  const char *key = host;
  return d->nnames && bsearch(&key, d->names, (size_t)d->nnames, sizeof *d->names, cmp_names);
}

/* ---- rows ---- */

int sc_dir_row(const struct sc_dir *d, const char *guest) {
  for (int i = 0; i < d->nrows; i++)
    if (!strcmp(d->rows[i].guest, guest)) return i;
  return -1;
}

int sc_dir_add_row(struct sc_dir *d, const char *guest, const char *host, bool pending) {
  if (d->nrows == d->cap_rows) {
    int cap = d->cap_rows ? d->cap_rows * 2 : 8;
    struct sc_row *r = realloc(d->rows, (size_t)cap * sizeof *r);
    if (!r) return -ENOMEM;
    d->rows = r;
    d->cap_rows = cap;
  }
  struct sc_row *r = &d->rows[d->nrows];
  r->guest = strdup(guest);
  r->host = strdup(host);
  r->pending = pending;
  if (!r->guest || !r->host) {
    free(r->guest);
    free(r->host);
    return -ENOMEM;
  }
  d->nrows++;
  d->dirty = true;
  return 0;
}

void sc_dir_drop_row(struct sc_dir *d, int i) {
  free(d->rows[i].guest);
  free(d->rows[i].host);
  d->rows[i] = d->rows[--d->nrows];
  d->dirty = true;
}

/* A pending row was written before its host operation, which may or may
   not have happened: the host decides. */
void sc_dir_settle(struct sc_dir *d, int dirfd) {
  for (int i = d->nrows - 1; i >= 0; i--) {
    if (!d->rows[i].pending) continue;
    struct stat st;
    if (fstatat(dirfd, d->rows[i].host, &st, AT_SYMLINK_NOFOLLOW) == 0) {
      d->rows[i].pending = false;
      d->dirty = true;
    } else if (errno == ENOENT) {
      sc_dir_drop_row(d, i);
    }
  }
}

static bool parse_rows(struct sc_dir *d, const char *p, size_t n) {
  size_t m = sizeof INDEX_MAGIC - 1;
  if (n < m || memcmp(p, INDEX_MAGIC, m)) return false;
  for (size_t i = m; i < n;) {
    char state = p[i++];
    const char *guest = p + i;
    const char *end = memchr(guest, 0, n - i);
    if (!end || (state != '=' && state != '?')) return false;
    const char *host = end + 1;
    const char *hend = host < p + n ? memchr(host, 0, (size_t)(p + n - host)) : NULL;
    if (!hend || !*guest || !*host) return false;
    if (sc_dir_add_row(d, guest, host, state == '?')) return false;
    i = (size_t)(hend + 1 - p);
  }
  d->dirty = false;
  return true;
}

/* Host handlers have no SA_RESTART (docs/internals.md), so a signal may
   cut a call on a file system that waits interruptibly (FUSE, NFS). */
static ssize_t read_full(int fd, char *buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, buf + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) break;
    got += (size_t)r;
  }
  return (ssize_t)got;
}

/* Reads dirfd's index into d. A failure fails the whole reading: a writer
   that went on without the rows would write them away, and their files
   with them. Returns 0 or -errno (EIO: the index does not parse). */
static int read_rows(struct sc_dir *d, int rdfd) {
  int fd;
  do fd = openat(rdfd, SIDECAR_INDEX, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return errno == ENOENT ? 0 : -errno; /* gone since the listing */
  struct stat st;
  char *buf = NULL;
  int err = 0;
  if (fstat(fd, &st) != 0) err = -errno;
  else if (st.st_size <= 0 || st.st_size >= (64 << 20)) err = -EIO;
  else if (!(buf = malloc((size_t)st.st_size))) err = -ENOMEM;
  else {
    ssize_t got = read_full(fd, buf, (size_t)st.st_size);
    if (got < 0) err = -errno;
    else if (got != st.st_size || !parse_rows(d, buf, (size_t)got)) err = -EIO;
  }
  if (err == -EIO)
    fprintf(stderr, "elfrun: sidecar index of directory inode %lu does not parse\n",
            (unsigned long)d->ino);
  free(buf);
  close(fd);
  d->dirty = false;
  return err;
}

void sc_dir_free(struct sc_dir *d) {
  if (!d) return;
  while (d->nrows) sc_dir_drop_row(d, d->nrows - 1);
  free(d->rows);
  free(d->names);
  free(d->pool);
  free(d);
}

struct sc_dir *sc_dir_load(int dirfd, const struct stat *st) {
  struct sc_dir *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->dev = st->st_dev;
  d->ino = st->st_ino;
  d->mtime = st->st_mtim;
  d->ctime = st->st_ctim;
  int rdfd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int err = rdfd < 0 ? -errno : list_dir(d, rdfd);
  if (err) {
    if (rdfd >= 0) close(rdfd);
    sc_dir_free(d);
    errno = -err;
    return NULL;
  }
  d->ci = sc_folds(rdfd, st, d->names, d->nnames);
  err = sc_dir_listed(d, SIDECAR_INDEX) ? read_rows(d, rdfd) : 0;
  close(rdfd);
  if (err) {
    sc_dir_free(d);
    errno = -err;
    return NULL;
  }
  return d;
}

/* ---- mapping ---- */

void sc_dir_map(const struct sc_dir *d, struct sidecar_name *out) {
  const char *g = out->guest;
  int i = sc_dir_row(d, g);
  if (i >= 0) {
    strcpy(out->host, d->rows[i].host);
    out->mapped = true;
    out->absent = d->rows[i].pending && !sc_dir_listed(d, d->rows[i].host);
    return;
  }
  strcpy(out->host, g);
  bool dots = !strcmp(g, ".") || !strcmp(g, "..");
  /* Unmapped: claimed only under its exact spelling where the host folds. */
  if (!dots && (sc_is_reserved(g) || (d->ci && !sc_dir_listed(d, g)))) out->absent = true;
}

const char *sc_dir_guest_of(const struct sc_dir *d, const char *host) {
  for (int i = 0; i < d->nrows; i++)
    if (!strcmp(d->rows[i].host, host)) return d->rows[i].guest;
  return NULL;
}

/* ---- writing ---- */

static int write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) return -errno;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

static int write_rows(int fd, const struct sc_dir *d) {
  int err = write_all(fd, INDEX_MAGIC, sizeof INDEX_MAGIC - 1);
  for (int i = 0; i < d->nrows && !err; i++) {
    const struct sc_row *r = &d->rows[i];
    err = write_all(fd, r->pending ? "?" : "=", 1);
    if (!err) err = write_all(fd, r->guest, strlen(r->guest) + 1);
    if (!err) err = write_all(fd, r->host, strlen(r->host) + 1);
  }
  if (!err && fsync(fd) != 0) err = -errno;
  return err;
}

int sc_dir_write(struct sc_dir *d, int dirfd) {
  if (!d->dirty) return 0;
  if (d->nrows == 0) {
    if (unlinkat(dirfd, SIDECAR_INDEX, 0) != 0 && errno != ENOENT) return -errno;
    d->dirty = false;
    return 0;
  }
  char tmp[64];
  snprintf(tmp, sizeof tmp, SIDECAR_TMP "%d.%ld", getpid(), (long)syscall(SYS_gettid));
  int fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return -errno;
  int err = write_rows(fd, d);
  close(fd);
  if (!err && renameat(dirfd, tmp, dirfd, SIDECAR_INDEX) != 0) err = -errno;
  if (err) unlinkat(dirfd, tmp, 0);
  else d->dirty = false;
  return err;
}

/* ---- the cache ---- */

static struct {
  pthread_mutex_t lock;
  u64 clock;
  struct sc_dir *e[CACHE_SLOTS];
} g_idx = {.lock = PTHREAD_MUTEX_INITIALIZER};

static bool same_ts(struct timespec a, struct timespec b) {
  return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

static struct sc_dir **find_locked(dev_t dev, ino_t ino) {
  for (int i = 0; i < CACHE_SLOTS; i++)
    if (g_idx.e[i] && g_idx.e[i]->dev == dev && g_idx.e[i]->ino == ino) return &g_idx.e[i];
  return NULL;
}

static struct sc_dir **slot_locked(void) {
  struct sc_dir **victim = &g_idx.e[0];
  for (int i = 0; i < CACHE_SLOTS; i++) {
    if (!g_idx.e[i]) return &g_idx.e[i];
    if (g_idx.e[i]->last_use < (*victim)->last_use) victim = &g_idx.e[i];
  }
  return victim;
}

/* The cached state of the directory, fresh; NULL when it cannot be read
   (then names map to themselves). Call with g_idx.lock held. */
static struct sc_dir *get_locked(int dirfd, const struct stat *st) {
  struct sc_dir **slot = find_locked(st->st_dev, st->st_ino);
  if (slot && same_ts((*slot)->mtime, st->st_mtim) && same_ts((*slot)->ctime, st->st_ctim)) {
    (*slot)->last_use = ++g_idx.clock;
    return *slot;
  }
  struct sc_dir *d = sc_dir_load(dirfd, st);
  if (!d) return NULL;
  if (!slot) slot = slot_locked();
  sc_dir_free(*slot);
  *slot = d;
  d->last_use = ++g_idx.clock;
  return d;
}

int sc_cache_map(int dirfd, const struct stat *st, struct sidecar_name *out) {
  pthread_mutex_lock(&g_idx.lock);
  struct sc_dir *d = get_locked(dirfd, st);
  if (d) sc_dir_map(d, out);
  else strcpy(out->host, out->guest);
  pthread_mutex_unlock(&g_idx.lock);
  return 0;
}

bool sc_cache_guest_of(int dirfd, const char *host, char out[NAME_MAX + 1]) {
  struct stat st;
  if (fstat(dirfd, &st) != 0) return false;
  pthread_mutex_lock(&g_idx.lock);
  struct sc_dir *d = get_locked(dirfd, &st);
  const char *g = d ? sc_dir_guest_of(d, host) : NULL;
  if (g) strcpy(out, g);
  pthread_mutex_unlock(&g_idx.lock);
  return g != NULL;
}

void sc_cache_forget(int dirfd) {
  struct stat st;
  if (fstat(dirfd, &st) != 0) return;
  pthread_mutex_lock(&g_idx.lock);
  struct sc_dir **slot = find_locked(st.st_dev, st.st_ino);
  if (slot) {
    sc_dir_free(*slot);
    *slot = NULL;
  }
  pthread_mutex_unlock(&g_idx.lock);
}

/* ---- the writers' lock ----
   A pthread mutex orders this process's threads; flock(2) on a lock file
   at the sysroot's root orders processes. flock belongs to the open file
   description, which a forked child shares with its parent, so each
   process opens its own (the pid tells whether this one did). The kernel
   drops the lock of a process that dies, however it dies. */

static struct {
  pthread_mutex_t mu;
  int fd;
  pid_t pid;
} g_lock = {PTHREAD_MUTEX_INITIALIZER, -1, 0};

static int open_lock_file(void) {
  int root = sysroot_fd();
  int fd = openat(root, SIDECAR_LOCK, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  /* A read-only root may still hold writable directories: lock the root
     directory itself then. */
  if (fd < 0) fd = openat(root, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return -1;
  int high = fcntl(fd, F_DUPFD_CLOEXEC, ELFRUN_FD_BASE);
  if (high >= 0) {
    close(fd);
    fd = high;
  }
  return fd;
}

void sc_lock(void) {
  pthread_mutex_lock(&g_lock.mu);
  if (g_lock.pid != getpid()) {
    if (g_lock.fd >= 0) close(g_lock.fd); /* a parent's: shared with it */
    g_lock.fd = open_lock_file();
    g_lock.pid = getpid();
  }
  if (g_lock.fd >= 0)
    while (flock(g_lock.fd, LOCK_EX) != 0 && errno == EINTR) {
    }
}

void sc_unlock(void) {
  if (g_lock.fd >= 0) flock(g_lock.fd, LOCK_UN);
  pthread_mutex_unlock(&g_lock.mu);
}

/* fork() while another thread holds a lock would leave it held in the
   child for good: fork waits for both, and the child forgets the parent's
   lock descriptor (closing it leaves the parent's lock alone). */
static void before_fork(void) {
  pthread_mutex_lock(&g_lock.mu);
  pthread_mutex_lock(&g_idx.lock);
}

static void after_fork_parent(void) {
  pthread_mutex_unlock(&g_idx.lock);
  pthread_mutex_unlock(&g_lock.mu);
}

static void after_fork_child(void) {
  after_fork_parent();
  sidecar_after_fork();
}

void sc_init_fork(void) { pthread_atfork(before_fork, after_fork_parent, after_fork_child); }

void sidecar_after_fork(void) {
  if (g_lock.fd >= 0 && g_lock.pid != getpid()) {
    close(g_lock.fd);
    g_lock.fd = -1;
    g_lock.pid = 0;
  }
}
