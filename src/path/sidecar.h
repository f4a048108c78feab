#ifndef ELFRUN_PATH_SIDECAR_H_
#define ELFRUN_PATH_SIDECAR_H_

#include <limits.h>
#include <stddef.h>
#include <sys/stat.h>

#include "base/types.h"

/* The sidecar case-folding layer (docs/sidecar.md): exact, case-sensitive
   guest names over a sysroot on a case-insensitive file system. */

/* --casefold=auto|on|off. */
enum casefold_mode { CASEFOLD_AUTO, CASEFOLD_ON, CASEFOLD_OFF };

/* Parses an option value; false when it is none of the three. */
bool sidecar_parse_mode(const char *s, enum casefold_mode *out);
/* The option's spelling, for a re-exec. */
const char *sidecar_mode_name(enum casefold_mode mode);

/* Prefix of every name the layer keeps for itself (index, lock, temp
   files, generated host names), compared without regard to case. */
#define SIDECAR_RESERVED ".elfrun-cf."

/* Whether the layer governs the sysroot's lookups now. Decided at the
   first call (detection reads, never writes); AUTO may switch it on later
   when a directory turns out to fold case (sidecar_watch_dir). */
bool sidecar_on(void);

/* The layer is off: a sysroot directory the plain resolver just opened
   (O_PATH fd) is checked for case folding. True when that switched the
   layer on: the caller must then forget what it cached and walk again. */
bool sidecar_watch_dir(int fd);

/* A guest name in one sysroot directory, as the layer sees it. */
struct sidecar_name {
  bool active;              /* the layer governs the directory */
  bool absent;              /* known absent in the sysroot (reserved,
                               wrong case, or a row's host file gone) */
  bool mapped;              /* host differs from guest: an index row */
  char guest[NAME_MAX + 1]; /* the guest's spelling */
  char host[NAME_MAX + 1];  /* the name to hand the host */
};

/* Maps the last component leaf (n bytes) in the sysroot directory dirfd
   (O_PATH) to its host name. Returns 0 or -errno (ENAMETOOLONG). */
int sidecar_leaf(int dirfd, const char *leaf, size_t n, struct sidecar_name *out);

/* Opens the sysroot directory at the cleaned absolute guest path (its first
   len bytes) one component at a time, each mapped through its directory's
   index. *mapped tells whether a row was used on the way (even on
   failure: then ENOENT is the sysroot's answer, not a reason to fall
   back to the host). Returns an O_PATH descriptor above ELFRUN_FD_BASE or
   -errno. */
int sidecar_open_dir(const char *path, size_t len, bool *mapped);

/* A host operation on (dirfd, host name). Returns >= 0 or -errno. */
typedef i64 (*sidecar_op)(int dirfd, const char *name, void *ctx);

/* Creates the guest name in sysroot directory dirfd through op, under a
   generated host name with an index row when it would collide with an
   existing name on a case-folding directory. An existing guest name is
   handed to op as it is (O_CREAT without O_EXCL opens it). */
i64 sidecar_create(int dirfd, const char *guest, sidecar_op op, void *ctx);

/* Removes the guest name (unlink, rmdir) through op, keeping the index. */
i64 sidecar_remove(int dirfd, const char *guest, sidecar_op op, void *ctx);

/* renameat2 of guest names; either side may be inactive (a host path:
   dirfd and name are then used as they are). */
struct sidecar_side {
  int dirfd;
  const char *name;  /* guest name when active, else the host path */
  bool active;
};
i64 sidecar_rename(const struct sidecar_side *from, const struct sidecar_side *to, u32 flags);

/* getdents64 on a guest descriptor, after the host filled the guest's
   buffer (count bytes) with n bytes: in a sysroot directory, guest names
   replace generated host names and reserved names are left out. Returns
   the new length or -errno. */
i64 sidecar_getdents64(int fd, gaddr buf, u32 count, i64 n);

/* Rewrites a guest path whose components are host names (from getcwd or
   /proc/self/fd) to guest names, in place. */
void sidecar_guest_path(char path[PATH_MAX]);

/* The fork child forgets the parent's lock descriptor. */
void sidecar_after_fork(void);

/* `elfrun sysroot import SRC DEST`, `elfrun sysroot check DEST`. */
int sidecar_tool_main(int argc, char **argv);

#endif
