#ifndef ELFRUN_PATH_PATH_H_
#define ELFRUN_PATH_PATH_H_

#include <limits.h>

#include "base/types.h"
#include "path/dircache.h"
#include "path/sidecar.h"

struct thread;

/* How a path-taking call uses its path (combine with |). The rules behind
   each are in docs/sysroot.md. */
enum {
  PATH_FOLLOW = 0,      /* a final symlink is followed (open, stat, chdir) */
  PATH_NOFOLLOW = 1,    /* the call acts on a final symlink itself
                           (lstat, readlink, unlink, O_NOFOLLOW) */
  PATH_EMPTY_OK = 2,    /* "" names dirfd itself (AT_EMPTY_PATH) */
  PATH_NULL_OK = 4,     /* with PATH_EMPTY_OK, so does a NULL path
                           (getname_maybe_null(): newfstatat and statx,
                           since Linux 6.11) */
  PATH_CREATE = 8,      /* the call may create the final name (open with
                           O_CREAT, mkdir, mknod, symlink, the new name of
                           link and rename): a new name goes where its
                           parent directory is */
  PATH_REMOVE = 16,     /* the call may remove or replace the final name
                           (unlink, rmdir, both names of rename) */
};

/* Where a guest path lives on the host: hand (dirfd, path) to an *at host
   call, then give it back with path_put(). Without a sysroot dirfd is the
   guest's descriptor (or AT_FDCWD) and path the guest's string; with one,
   dirfd may be an O_PATH descriptor of a sysroot directory, held until
   path_put(), and path the name inside it. */
struct host_path {
  int dirfd;            /* host directory the path is relative to */
  const char *path;     /* host path: points into buf or at process state */
  const char *link;     /* synthetic symlink (PATH_NOFOLLOW only): the
                           target readlink reports, else NULL */
  struct dir_hold hold; /* the sysroot directory dirfd names, if any */
  unsigned changes;     /* PATH_CREATE, PATH_REMOVE: what path_put() must
                           tell the directory cache */
  char buf[PATH_MAX];   /* the guest's string, then the resolved one */
  char link_buf[PATH_MAX]; /* link's text, when built here */
  struct sidecar_name side; /* the last name, with the sidecar layer on:
                               path then points at side.host */
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
/* The same for a path elfrun already holds in out->buf (t may be NULL). */
int path_resolve(struct thread *t, int dirfd, unsigned how, struct host_path *out);
/* Releases what a successful path_get() holds. */
void path_put(struct host_path *p);

/* The PATH_* treatment open() gives its path, from host open flags. */
unsigned path_open_how(int flags);

/* Opens a path string elfrun holds (PT_INTERP, an exec'd file) as the
   guest would see it: the same rules as open(2) with these host flags.
   t may be NULL. Returns a host descriptor or -errno. */
int path_open_guest_file(struct thread *t, const char *guest_path, int flags);

#endif
