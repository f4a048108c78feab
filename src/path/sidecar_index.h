#ifndef ELFRUN_PATH_SIDECAR_INDEX_H_
#define ELFRUN_PATH_SIDECAR_INDEX_H_

#include <sys/stat.h>

#include "base/types.h"
#include "path/sidecar.h"

/* Reserved names inside SIDECAR_RESERVED's prefix. */
#define SIDECAR_INDEX SIDECAR_RESERVED "index"
#define SIDECAR_LOCK SIDECAR_RESERVED "lock"
#define SIDECAR_TMP SIDECAR_RESERVED "tmp."
#define SIDECAR_GEN SIDECAR_RESERVED "n."

/* One index row: the guest's exact name and the host name storing it. */
struct sc_row {
  char *guest;
  char *host;
  bool pending; /* written before its host operation: true only if host
                   exists (docs/sidecar.md, "Crash safety") */
};

/* One directory as the layer knows it. */
struct sc_dir {
  dev_t dev;
  ino_t ino;
  struct timespec mtime, ctime; /* when listed: a change makes it stale */
  bool ci;                      /* the directory folds case */
  bool dirty;                   /* rows changed since read */
  int nrows, cap_rows;
  struct sc_row *rows;
  int nnames;
  char **names; /* the host listing, sorted (strcmp), into pool */
  char *pool;
  u64 last_use;
};

bool sc_is_reserved(const char *name);
/* ASCII case-insensitive equality, the folding every such file system
   agrees on. */
bool sc_fold_eq(const char *a, const char *b);

/* Whether the directory (O_RDONLY rdfd, fstat st, listing names) folds
   case: sidecar.c decides, from the mode and detection. */
bool sc_folds(int rdfd, const struct stat *st, char *const *names, int n);

/* Reads a directory (O_PATH dirfd whose fstat is st): its listing, its
   index and whether it folds case. NULL with errno set on failure. */
struct sc_dir *sc_dir_load(int dirfd, const struct stat *st);
void sc_dir_free(struct sc_dir *d);
bool sc_dir_listed(const struct sc_dir *d, const char *host);
int sc_dir_row(const struct sc_dir *d, const char *guest);
/* Maps guest in d into out (see struct sidecar_name). */
void sc_dir_map(const struct sc_dir *d, struct sidecar_name *out);
/* The guest name of a host name, or NULL. */
const char *sc_dir_guest_of(const struct sc_dir *d, const char *host);

int sc_dir_add_row(struct sc_dir *d, const char *guest, const char *host, bool pending);
void sc_dir_drop_row(struct sc_dir *d, int i);
/* Settles pending rows against the host (kept iff the host name exists). */
void sc_dir_settle(struct sc_dir *d, int dirfd);
/* Writes d's rows as dirfd's index, atomically (temp file, rename); no
   rows: no index file. Returns 0 or -errno. */
int sc_dir_write(struct sc_dir *d, int dirfd);

/* The cache of directories by device and inode. */
int sc_cache_map(int dirfd, const struct stat *st, struct sidecar_name *out);
bool sc_cache_guest_of(int dirfd, const char *host, char out[NAME_MAX + 1]);
void sc_cache_forget(int dirfd);

/* The writers' lock: threads and processes of this sysroot. */
void sc_lock(void);
void sc_unlock(void);
/* Registers the fork handlers that keep both locks sane in a child. */
void sc_init_fork(void);

#endif
