/* The system calls that change names, through the sidecar layer: create
   (open O_CREAT, mkdir, mknod, symlink, the new name of link), remove
   (unlink, rmdir) and rename (renameat2 with every flag).

   Each runs under the writers' lock (sidecar_index.c), on a fresh reading
   of its directories, so that two processes never both decide that a name
   is free. A new name that would meet an existing one differing only in
   case, on a directory that folds case, is stored under a generated host
   name (SIDECAR_GEN and 16 hex digits) with an index row.

   Crash safety rests on one rule: a row whose host operation is still to
   come is written first, marked pending, and a pending row is true
   exactly when its host name exists. Whoever writes the index next under
   the lock settles it by asking the host (sc_dir_settle), and readers
   already treat a pending row whose host name is missing as absent. So a
   writer killed anywhere leaves every file reachable under its guest
   name (nothing is lost) and no settled row naming nothing. */
#include "path/sidecar.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "path/sidecar_index.h"

/* A writer holds the lock while its temp file exists, so a temp file seen
   under the lock is a killed writer's: it goes. */
static void drop_stale_temps(const struct sc_dir *d, int dirfd) {
  for (int i = 0; i < d->nnames; i++)
    if (!strncmp(d->names[i], SIDECAR_TMP, sizeof SIDECAR_TMP - 1)) unlinkat(dirfd, d->names[i], 0);
}

static struct sc_dir *load_fresh(int dirfd) {
  struct stat st;
  if (fstat(dirfd, &st) != 0) return NULL;
  struct sc_dir *d = sc_dir_load(dirfd, &st);
  if (!d) return NULL;
  sc_dir_settle(d, dirfd);
  drop_stale_temps(d, dirfd);
  return d;
}

/* Whether an existing host name other than self (the name being renamed,
   or NULL) would meet guest on this directory. The host's own answer
   covers whatever folding it does beyond ASCII. */
static bool collides(const struct sc_dir *d, int dirfd, const char *guest, const char *self) {
  if (sc_is_reserved(guest)) return true;
  if (!d->ci) return false;
  for (int i = 0; i < d->nnames; i++)
    if (sc_fold_eq(d->names[i], guest) && (!self || strcmp(d->names[i], self))) return true;
  struct stat a, b;
  if (fstatat(dirfd, guest, &a, AT_SYMLINK_NOFOLLOW) != 0) return false;
  if (!self || fstatat(dirfd, self, &b, AT_SYMLINK_NOFOLLOW) != 0) return true;
  return a.st_dev != b.st_dev || a.st_ino != b.st_ino;
}

static int generate(const struct sc_dir *d, char out[NAME_MAX + 1]) {
  for (int tries = 0; tries < 16; tries++) {
    u64 r;
    if (getrandom(&r, sizeof r, 0) != sizeof r) return -EAGAIN;
    snprintf(out, NAME_MAX + 1, SIDECAR_GEN "%016llx", (unsigned long long)r);
    bool taken = false;
    for (int i = 0; i < d->nnames && !taken; i++) taken = sc_fold_eq(d->names[i], out);
    if (!taken) return 0;
  }
  return -EEXIST;
}

/* The host name of an existing guest name, or NULL when there is none. */
static const char *existing(const struct sc_dir *d, const char *guest) {
  int i = sc_dir_row(d, guest);
  if (i >= 0) return d->rows[i].host;
  return !sc_is_reserved(guest) && sc_dir_listed(d, guest) ? guest : NULL;
}

/* Rewrites the index; an error leaves the host untouched, so it is the
   call's answer. */
static int save(struct sc_dir *d, int dirfd) {
  int err = sc_dir_write(d, dirfd);
  sc_cache_forget(dirfd);
  return err;
}

static i64 create_locked(int dirfd, const char *guest, sidecar_op op, void *ctx) {
  struct sc_dir *d = load_fresh(dirfd);
  if (!d) return -errno;
  i64 ret;
  const char *host = existing(d, guest);
  if (host || !collides(d, dirfd, guest, NULL)) {
    int err = save(d, dirfd); /* settled rows, if any */
    ret = err ? err : op(dirfd, host ? host : guest, ctx);
  } else {
    char gen[NAME_MAX + 1];
    ret = generate(d, gen);
    if (!ret) ret = sc_dir_add_row(d, guest, gen, true);
    if (!ret) ret = save(d, dirfd);
    if (!ret) {
      ret = op(dirfd, gen, ctx);
      sc_dir_settle(d, dirfd);
      save(d, dirfd); /* failing here leaves a pending row: still true */
    }
  }
  sc_cache_forget(dirfd);
  sc_dir_free(d);
  return ret;
}

i64 sidecar_create(int dirfd, const char *guest, sidecar_op op, void *ctx) {
  sc_lock();
  i64 ret = create_locked(dirfd, guest, op, ctx);
  sc_unlock();
  return ret;
}

static i64 remove_locked(int dirfd, const char *guest, sidecar_op op, void *ctx) {
  struct sc_dir *d = load_fresh(dirfd);
  if (!d) return -errno;
  i64 ret;
  int i = sc_dir_row(d, guest);
  if (i < 0) {
    const char *host = existing(d, guest);
    int err = save(d, dirfd);
    ret = err ? err : host ? op(dirfd, host, ctx) : -ENOENT;
  } else {
    d->rows[i].pending = true;
    d->dirty = true;
    ret = save(d, dirfd);
    if (!ret) {
      ret = op(dirfd, d->rows[i].host, ctx);
      sc_dir_settle(d, dirfd);
      save(d, dirfd);
    }
  }
  sc_cache_forget(dirfd);
  sc_dir_free(d);
  return ret;
}

i64 sidecar_remove(int dirfd, const char *guest, sidecar_op op, void *ctx) {
  sc_lock();
  i64 ret = remove_locked(dirfd, guest, op, ctx);
  sc_unlock();
  return ret;
}

/* ---- rename ---- */

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#endif

/* One side of a rename as it stands: its directory, its host name. */
struct end {
  const struct sidecar_side *side;
  struct sc_dir *d; /* NULL when inactive */
  const char *host; /* the existing host name, or NULL */
  char gen[NAME_MAX + 1];
};

static bool same_dir(int a, int b) {
  struct stat sa, sb;
  return fstat(a, &sa) == 0 && fstat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

static int mark_pending(struct sc_dir *d, const char *guest) {
  int i = d ? sc_dir_row(d, guest) : -1;
  if (i >= 0) {
    d->rows[i].pending = true;
    d->dirty = true;
  }
  return 0;
}

/* Chooses the new name's host name: the existing one, its own spelling,
   or a generated one with a pending row. */
static int place_target(struct end *to, const struct end *from) {
  if (to->host) return 0;
  const char *self = to->d == from->d ? from->host : NULL;
  if (!collides(to->d, to->side->dirfd, to->side->name, self)) {
    to->host = to->side->name;
    return 0;
  }
  int err = generate(to->d, to->gen);
  if (!err) err = sc_dir_add_row(to->d, to->side->name, to->gen, true);
  if (!err) to->host = to->gen;
  return err;
}

static int save_ends(struct end *from, struct end *to) {
  int err = from->d ? save(from->d, from->side->dirfd) : 0;
  if (!err && to->d && to->d != from->d) err = save(to->d, to->side->dirfd);
  return err;
}

static void settle_ends(struct end *from, struct end *to) {
  if (from->d) {
    sc_dir_settle(from->d, from->side->dirfd);
    save(from->d, from->side->dirfd);
  }
  if (to->d && to->d != from->d) {
    sc_dir_settle(to->d, to->side->dirfd);
    save(to->d, to->side->dirfd);
  }
}

static i64 rename_locked(struct end *from, struct end *to, u32 flags) {
  if (from->side->active && !from->host) return -ENOENT;
  if (flags & RENAME_EXCHANGE) {
    if (to->side->active && !to->host) return -ENOENT;
    /* Both names stay; the host swaps what they hold. */
  } else if (from->d && to->d == from->d && !strcmp(from->side->name, to->side->name)) {
    /* A name renamed onto itself: nothing changes. */
  } else {
    if (to->host && (flags & RENAME_NOREPLACE)) return -EEXIST;
    int err = to->d ? place_target(to, from) : 0;
    if (!err && from->d) err = mark_pending(from->d, from->side->name);
    if (!err) err = save_ends(from, to);
    if (err) return err;
  }
  const char *fh = from->side->active ? from->host : from->side->name;
  const char *th = to->side->active ? to->host : to->side->name;
  i64 ret = syscall(SYS_renameat2, from->side->dirfd, fh, to->side->dirfd, th, flags) ? -errno : 0;
  settle_ends(from, to);
  return ret;
}

static void load_end(struct end *e, struct sc_dir *shared) {
  e->host = NULL;
  e->d = !e->side->active ? NULL : shared ? shared : load_fresh(e->side->dirfd);
  if (e->d) e->host = existing(e->d, e->side->name);
}

i64 sidecar_rename(const struct sidecar_side *from, const struct sidecar_side *to, u32 flags) {
  sc_lock();
  struct end f = {.side = from}, t = {.side = to};
  load_end(&f, NULL);
  bool shared = f.d && to->active && same_dir(from->dirfd, to->dirfd);
  load_end(&t, shared ? f.d : NULL);
  i64 ret = (from->active && !f.d) || (to->active && !t.d) ? -EIO : rename_locked(&f, &t, flags);
  if (from->active) sc_cache_forget(from->dirfd);
  if (to->active) sc_cache_forget(to->dirfd);
  if (t.d != f.d) sc_dir_free(t.d);
  sc_dir_free(f.d);
  sc_unlock();
  return ret;
}
