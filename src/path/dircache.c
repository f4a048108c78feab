/* The directory cache: sysroot directories by guest path.

   Most lookups land in a handful of directories (/usr/lib/aarch64-linux-gnu,
   /etc, the PATH directories, the guest's working directory). Opening one
   costs an openat2 walk plus moving the descriptor above ELFRUN_FD_BASE
   (about 2.5 us on the reference machine); asking an open directory about
   one name costs a single readlinkat (about 0.7 us). So the cache keeps
   O_PATH descriptors of sysroot directories ("present"), and remembers the
   directories the sysroot does not have ("absent"), which is what every
   path under a host-only directory such as a `mktemp -d` one asks about.

   Staleness. An absent answer can go stale behind elfrun's back (someone
   creates the directory), so each carries what proves it: the parent's
   mtime and ctime when the parent is present (a new name changes both), or
   the parent's own absent answer. Present answers are trusted: a sysroot's
   directories are not expected to move under a running guest. The guest's
   own changes invalidate explicitly, through path_put(), since timestamps
   are too coarse to catch a change within the same clock tick: a new name
   drops the absent answers its directory vouched for; removing or renaming
   a directory or a symlink drops everything, since any cached path might
   run through it.

   Leaves (the last component of a path) are never cached: the readlinkat
   that tells whether one is a symlink costs no more than checking a cached
   answer would.

   The table is small and scanned linearly (a hash compare per slot), and
   sized from RLIMIT_NOFILE so that it never takes the descriptors elfrun
   needs for everything else. A lookup borrows an entry's descriptor until
   path_put(); an entry dropped while lent is closed by the last release. */
#include "path/dircache.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/config.h"
#include "path/sidecar.h"
#include "path/sysroot.h"

#define DIRCACHE_SLOTS 32
#define DIRCACHE_KEY_MAX 256   /* longer directory paths are not cached */
#define DIRCACHE_FD_RESERVE 16 /* descriptors above ELFRUN_FD_BASE left to others */

enum entry_state {
  ENTRY_FREE,
  ENTRY_PRESENT,          /* fd is the directory */
  ENTRY_ABSENT_IN_PARENT, /* the (present) parent has no such name */
  ENTRY_ABSENT_PARENT,    /* the parent is absent itself */
  ENTRY_DEAD,             /* dropped while lent: the last release closes fd */
};

/* Which parent directory vouched for an absence, and what it looked like. */
struct stamp {
  dev_t dev;
  ino_t ino;
  struct timespec mtime, ctime;
};

struct entry {
  u8 state;            /* enum entry_state */
  bool mapped;         /* present: reached through a sidecar row */
  u16 len;             /* key length */
  int fd;              /* present or dead: the O_PATH descriptor */
  int refs;            /* lookups borrowing fd now */
  u64 hash;            /* of the key */
  u64 last_use;        /* g_cache.clock at the last hit, for eviction */
  struct stamp parent; /* ENTRY_ABSENT_IN_PARENT: the parent's times */
  char key[DIRCACHE_KEY_MAX]; /* cleaned absolute guest path, no NUL */
};

static struct {
  pthread_mutex_t lock;
  int capacity;        /* slots in use: 0 until dircache_init() */
  u64 clock;
  u64 hits, misses;
  struct entry e[DIRCACHE_SLOTS];
} g_cache = {.lock = PTHREAD_MUTEX_INITIALIZER};

void dircache_init(void) {
  struct rlimit rl;
  long long spare = 0;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0)
    spare = rl.rlim_cur == RLIM_INFINITY
                ? DIRCACHE_SLOTS
                : (long long)rl.rlim_cur - ELFRUN_FD_BASE - DIRCACHE_FD_RESERVE;
  g_cache.capacity = spare < 0 ? 0 : spare > DIRCACHE_SLOTS ? DIRCACHE_SLOTS : (int)spare;
}

/* FNV-1a. */
static u64 hash_key(const char *s, size_t n) {
  u64 h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (u8)s[i]) * 0x100000001b3ull;
  return h;
}

static bool is_root(const char *dir, size_t len) { return len == 1 && dir[0] == '/'; }

/* The lexical parent of a cleaned absolute path: "/a/b" -> "/a", "/a" -> "/". */
static size_t parent_len(const char *dir, size_t len) {
  size_t i = len;
  while (i > 0 && dir[i - 1] != '/') i--;
  return i > 1 ? i - 1 : 1;
}

static bool is_absent(const struct entry *e) {
  return e->state == ENTRY_ABSENT_IN_PARENT || e->state == ENTRY_ABSENT_PARENT;
}

static struct entry *find_locked(const char *dir, size_t len, u64 h) {
  for (int i = 0; i < g_cache.capacity; i++) {
    struct entry *e = &g_cache.e[i];
    if ((e->state == ENTRY_PRESENT || is_absent(e)) && e->hash == h && e->len == len &&
        !memcmp(e->key, dir, len))
      return e;
  }
  return NULL;
}

static void stamp_of(const struct stat *st, struct stamp *out) {
  out->dev = st->st_dev;
  out->ino = st->st_ino;
  out->mtime = st->st_mtim;
  out->ctime = st->st_ctim;
}

static bool same_time(struct timespec a, struct timespec b) {
  return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/* The descriptor of a directory the cache knows to be present. */
static int present_fd_locked(const char *dir, size_t len) {
  if (is_root(dir, len)) return sysroot_fd();
  struct entry *e = find_locked(dir, len, hash_key(dir, len));
  return e && e->state == ENTRY_PRESENT ? e->fd : -1;
}

/* Whether an absent answer still holds: its chain of absent parents ends
   at a present directory whose times have not changed since it vouched. */
static bool absent_still_true_locked(const struct entry *e) {
  for (;;) {
    size_t plen = parent_len(e->key, e->len);
    if (e->state == ENTRY_ABSENT_IN_PARENT) {
      int fd = present_fd_locked(e->key, plen);
      struct stat st;
      if (fd < 0 || fstat(fd, &st) != 0) return false;
      return same_time(st.st_mtim, e->parent.mtime) && same_time(st.st_ctim, e->parent.ctime);
    }
    if (is_root(e->key, plen)) return false;
    const struct entry *p = find_locked(e->key, plen, hash_key(e->key, plen));
    if (!p || !is_absent(p)) return false;
    e = p;
  }
}

static void drop_locked(struct entry *e) {
  if (e->state == ENTRY_PRESENT) {
    if (e->refs > 0) {
      e->state = ENTRY_DEAD;
      return;
    }
    close(e->fd);
  }
  e->state = ENTRY_FREE;
  e->fd = -1;
}

/* A slot for a new entry: a free one, else the least recently used entry
   nobody borrows. NULL when every slot is lent out. */
static struct entry *claim_locked(void) {
  struct entry *victim = NULL;
  for (int i = 0; i < g_cache.capacity; i++) {
    struct entry *e = &g_cache.e[i];
    if (e->state == ENTRY_FREE) return e;
    if (e->state == ENTRY_DEAD || e->refs > 0) continue;
    if (!victim || e->last_use < victim->last_use) victim = e;
  }
  if (victim) drop_locked(victim);
  return victim;
}

static void fill_locked(struct entry *e, const char *dir, size_t len, u64 h, enum entry_state state,
                        int fd, const struct stamp *parent) {
  e->state = (u8)state;
  e->len = (u16)len;
  e->fd = fd;
  e->refs = 0;
  e->hash = h;
  e->last_use = ++g_cache.clock;
  e->parent = *parent;
  memcpy(e->key, dir, len);
}

static void lend_locked(struct entry *e, struct dir_hold *out) {
  e->refs++;
  e->last_use = ++g_cache.clock;
  out->fd = e->fd;
  out->mapped = e->mapped;
  out->slot = (int)(e - g_cache.e);
}

/* 0: present, lent to out; -ENOENT: a valid absent answer; 1: unknown. */
static int lookup_locked(const char *dir, size_t len, u64 h, struct dir_hold *out) {
  struct entry *e = find_locked(dir, len, h);
  if (e && e->state == ENTRY_PRESENT) {
    g_cache.hits++;
    lend_locked(e, out);
    return 0;
  }
  if (e && absent_still_true_locked(e)) {
    g_cache.hits++;
    e->last_use = ++g_cache.clock;
    return -ENOENT;
  }
  if (e) drop_locked(e);
  g_cache.misses++;
  return 1;
}

/* Whether name (the n bytes at leaf) is missing from directory fd, as
   lstat would see it: a dangling symlink is a name, not an absence. */
static bool leaf_missing(int fd, const char *leaf, size_t n) {
  char name[DIRCACHE_KEY_MAX];
  if (n >= sizeof name) return false;
  memcpy(name, leaf, n);
  name[n] = 0;
  struct stat st;
  return fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT;
}

static void insert_absent(const char *dir, size_t len, u64 h, enum entry_state state,
                          const struct stamp *parent) {
  pthread_mutex_lock(&g_cache.lock);
  if (!find_locked(dir, len, h)) {
    struct entry *e = claim_locked();
    if (e) fill_locked(e, dir, len, h, state, -1, parent);
  }
  pthread_mutex_unlock(&g_cache.lock);
}

/* Records that the sysroot has no directory dir, when its parent can vouch
   for it: present without that name (its times are the proof), or absent
   itself. The parent is looked up through the cache, so a deep missing
   path fills in its absent ancestors once. The parent's times are read
   before the name is checked, so a name created in between shows later as
   a changed time instead of being missed. */
static void remember_absent(const char *dir, size_t len, u64 h) {
  if (len >= DIRCACHE_KEY_MAX || g_cache.capacity == 0) return;
  size_t plen = parent_len(dir, len);
  size_t leaf = plen == 1 ? 1 : plen + 1;
  struct dir_hold parent;
  struct stamp stamp = {0};
  int err = dircache_open(dir, plen, &parent);
  if (err == -ENOENT) {
    insert_absent(dir, len, h, ENTRY_ABSENT_PARENT, &stamp);
    return;
  }
  if (err) return;
  struct stat st;
  bool proven = fstat(parent.fd, &st) == 0 && leaf_missing(parent.fd, dir + leaf, len - leaf);
  dircache_release(&parent);
  if (!proven) return;
  stamp_of(&st, &stamp);
  insert_absent(dir, len, h, ENTRY_ABSENT_IN_PARENT, &stamp);
}

/* The kernel walks the whole path, unless the sidecar layer is on (or
   this very directory switches it on): then each component is mapped
   (docs/sidecar.md). An absence below a mapped name is not cached. */
static int probe(const char *dir, size_t len, bool *mapped) {
  *mapped = false;
  if (sidecar_on()) return sidecar_open_dir(dir, len, mapped);
  int fd = sysroot_probe(dir, len, O_DIRECTORY);
  if (fd < 0 || !sidecar_watch_dir(fd)) return fd;
  close(fd);
  dircache_dirs_changed();
  return sidecar_open_dir(dir, len, mapped);
}

/* A directory the cache does not know: ask the kernel, keep the answer. */
static int open_uncached(const char *dir, size_t len, u64 h, struct dir_hold *out) {
  bool mapped;
  int fd = probe(dir, len, &mapped);
  out->mapped = mapped;
  if (fd == -ENOENT && !mapped) remember_absent(dir, len, h);
  if (fd < 0) return fd;
  pthread_mutex_lock(&g_cache.lock);
  struct entry *e = len < DIRCACHE_KEY_MAX ? find_locked(dir, len, h) : NULL;
  if (e && e->state == ENTRY_PRESENT) {
    close(fd); /* another thread cached it meanwhile */
  } else {
    if (e) drop_locked(e);
    e = len < DIRCACHE_KEY_MAX ? claim_locked() : NULL;
    if (e) fill_locked(e, dir, len, h, ENTRY_PRESENT, fd, &(struct stamp){0});
    if (e) e->mapped = mapped;
  }
  if (e) {
    lend_locked(e, out);
  } else {
    out->fd = fd;
    out->owned = true;
  }
  pthread_mutex_unlock(&g_cache.lock);
  return 0;
}

/* vfork children running now (fork.c brackets each). Such a child shares
   this table but has its own descriptor table: a descriptor it opened and
   cached would mean nothing (or another file) to its parent, and the
   parent's second posix_spawn failed with EBADF. While one runs, every
   lookup asks the kernel and owns its descriptor; answers cached before
   stay valid, since the child's table is a copy of the parent's. */
static int g_vfork_children;

void dircache_vfork_begin(void) { __atomic_add_fetch(&g_vfork_children, 1, __ATOMIC_SEQ_CST); }
void dircache_vfork_end(void) { __atomic_sub_fetch(&g_vfork_children, 1, __ATOMIC_SEQ_CST); }

static int open_bypassing_cache(const char *dir, size_t len, struct dir_hold *out) {
  bool mapped;
  int fd = probe(dir, len, &mapped);
  out->mapped = mapped;
  if (fd < 0) return fd;
  out->fd = fd;
  out->owned = true;
  return 0;
}

int dircache_open(const char *dir, size_t len, struct dir_hold *out) {
  *out = DIR_HOLD_NONE;
  if (is_root(dir, len)) {
    out->fd = sysroot_fd();
    return 0;
  }
  if (__atomic_load_n(&g_vfork_children, __ATOMIC_SEQ_CST) > 0)
    return open_bypassing_cache(dir, len, out);
  u64 h = hash_key(dir, len);
  pthread_mutex_lock(&g_cache.lock);
  int ret = lookup_locked(dir, len, h, out);
  pthread_mutex_unlock(&g_cache.lock);
  return ret == 1 ? open_uncached(dir, len, h, out) : ret;
}

void dircache_release(struct dir_hold *h) {
  if (h->owned) {
    close(h->fd);
  } else if (h->slot >= 0) {
    pthread_mutex_lock(&g_cache.lock);
    struct entry *e = &g_cache.e[h->slot];
    if (--e->refs == 0 && e->state == ENTRY_DEAD) {
      close(e->fd);
      e->fd = -1;
      e->state = ENTRY_FREE;
    }
    pthread_mutex_unlock(&g_cache.lock);
  }
  *h = DIR_HOLD_NONE;
}

static bool any_absent(void) {
  pthread_mutex_lock(&g_cache.lock);
  bool any = false;
  for (int i = 0; i < g_cache.capacity && !any; i++) any = is_absent(&g_cache.e[i]);
  pthread_mutex_unlock(&g_cache.lock);
  return any;
}

/* The directory a new name went into: (dirfd, path) less its last
   component. */
static bool parent_of(int dirfd, const char *path, struct stat *st) {
  char dir[PATH_MAX];
  size_t n = strlen(path);
  while (n > 1 && path[n - 1] == '/') n--;
  while (n > 0 && path[n - 1] != '/') n--;
  if (n == 0) return (dirfd == AT_FDCWD ? stat(".", st) : fstat(dirfd, st)) == 0;
  if (n >= sizeof dir) return false;
  memcpy(dir, path, n);
  dir[n] = 0;
  return fstatat(dirfd, dir, st, 0) == 0;
}

/* Only the absences the new name's directory vouched for can have become
   wrong (their descendants fall with them, their chain being broken);
   the directory is known by identity, so the name's spelling (a relative
   path, a host path into the sysroot) does not matter. */
void dircache_name_created(int dirfd, const char *path) {
  if (!any_absent()) return;
  struct stat st;
  bool known = parent_of(dirfd, path, &st);
  pthread_mutex_lock(&g_cache.lock);
  for (int i = 0; i < g_cache.capacity; i++) {
    struct entry *e = &g_cache.e[i];
    if (e->state == ENTRY_ABSENT_IN_PARENT &&
        (!known || (e->parent.dev == st.st_dev && e->parent.ino == st.st_ino)))
      drop_locked(e);
  }
  pthread_mutex_unlock(&g_cache.lock);
}

void dircache_dirs_changed(void) {
  pthread_mutex_lock(&g_cache.lock);
  for (int i = 0; i < g_cache.capacity; i++) {
    struct entry *e = &g_cache.e[i];
    if (e->state == ENTRY_PRESENT || is_absent(e)) drop_locked(e);
  }
  pthread_mutex_unlock(&g_cache.lock);
}

void dircache_get_stats(struct dircache_stats *out) {
  pthread_mutex_lock(&g_cache.lock);
  *out = (struct dircache_stats){.hits = g_cache.hits, .misses = g_cache.misses};
  for (int i = 0; i < g_cache.capacity; i++) {
    if (g_cache.e[i].state == ENTRY_PRESENT) out->present++;
    if (is_absent(&g_cache.e[i])) out->absent++;
  }
  pthread_mutex_unlock(&g_cache.lock);
}
