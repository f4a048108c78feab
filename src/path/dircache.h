#ifndef ELFRUN_PATH_DIRCACHE_H_
#define ELFRUN_PATH_DIRCACHE_H_

#include <stddef.h>

#include "base/types.h"

/* A sysroot directory one lookup holds: fd stays open until released. */
struct dir_hold {
  int fd;      /* O_PATH descriptor of the directory, or -1 */
  int slot;    /* the cache entry lending it, or -1 */
  bool owned;  /* fd belongs to this hold (not cached): closed on release */
  bool mapped; /* the sidecar mapped a name on the way (also set with
                  -ENOENT: then the sysroot's answer stands) */
};

#define DIR_HOLD_NONE ((struct dir_hold){.fd = -1, .slot = -1, .owned = false, .mapped = false})

/* Sizes the cache from the descriptors elfrun may use (RLIMIT_NOFILE). */
void dircache_init(void);

/* Opens the sysroot directory named by the first len bytes of the cleaned
   absolute guest path dir (no "//", no "." component, no trailing slash).
   Returns 0 with *out filled, -ENOENT when the sysroot has no such
   directory, or another -errno (ENOTDIR, ELOOP, EACCES...). */
int dircache_open(const char *dir, size_t len, struct dir_hold *out);
void dircache_release(struct dir_hold *h);

/* Around a vfork child's life (it shares this cache, not the descriptor
   table): lookups bypass the cache meanwhile. */
void dircache_vfork_begin(void);
void dircache_vfork_end(void);

/* The guest created the name (dirfd, path): absent answers that its
   directory vouched for may now be wrong. */
void dircache_name_created(int dirfd, const char *path);
/* The guest removed or replaced a directory or a symlink: any answer may
   now be wrong. */
void dircache_dirs_changed(void);

struct dircache_stats {
  unsigned present;  /* directories held open now */
  unsigned absent;   /* absent answers held now */
  u64 hits;          /* lookups answered from the cache */
  u64 misses;        /* lookups that asked the kernel */
};
void dircache_get_stats(struct dircache_stats *out);

#endif
