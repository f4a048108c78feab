#ifndef ELFRUN_PATH_PATH_H_
#define ELFRUN_PATH_PATH_H_

#include <limits.h>

#include "base/types.h"

struct thread;

/* How a path-taking call uses its path (combine with |). */
enum {
  PATH_FOLLOW = 0,      /* a final symlink is followed (open, stat, chdir) */
  PATH_NOFOLLOW = 1,    /* the call acts on a final symlink itself
                           (lstat, readlink, unlink, O_NOFOLLOW) */
  PATH_EMPTY_OK = 2,    /* "" names dirfd itself (AT_EMPTY_PATH) */
  PATH_NULL_OK = 4,     /* with PATH_EMPTY_OK, so does a NULL path
                           (getname_maybe_null(): newfstatat and statx,
                           since Linux 6.11) */
};

/* Where a guest path lives on the host: hand (dirfd, path) to an *at host
   call, then give it back with path_put(). dirfd is the guest's descriptor
   (or AT_FDCWD) for now; the sysroot resolver will make it an O_PATH
   descriptor inside the sysroot instead, which path_put() then closes. */
struct host_path {
  int dirfd;            /* host directory the path is relative to */
  const char *path;     /* host path: points into buf or at process state */
  const char *link;     /* synthetic symlink (PATH_NOFOLLOW only): the
                           target readlink reports, else NULL */
  int owned_fd;         /* a descriptor the lookup opened, or -1 */
  char buf[PATH_MAX];   /* the guest's string */
};

/* Copies a guest path string as the kernel's getname() does: -EFAULT for a
   bad pointer, -ENAMETOOLONG when it does not fit in PATH_MAX bytes with
   its NUL, -ENOENT when empty unless empty_ok. Returns its length. */
long path_copy_from_guest(char dst[PATH_MAX], gaddr src, bool empty_ok);

/* Maps the guest path at guest_path, relative to the guest's dirfd, to the
   host. how is a PATH_* combination. Returns 0 or -errno (as above, and
   -EBADF when a relative path names one of elfrun's own descriptors). */
int path_get(struct thread *t, int dirfd, gaddr guest_path, unsigned how,
             struct host_path *out);
/* Releases what a successful path_get() holds. */
void path_put(struct host_path *p);

#endif
