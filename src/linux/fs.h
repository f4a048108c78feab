#ifndef ELFRUN_LINUX_FS_H_
#define ELFRUN_LINUX_FS_H_

#include <stddef.h>

#include "base/types.h"
#include "path/path.h"

/* A path string naming hp for a host call that has no *at form (truncate,
   statfs, the xattr calls, inotify_add_watch): hp->path itself, or the
   name under its directory descriptor's /proc/self/fd link, built in buf. */
const char *fs_host_path_string(const struct host_path *hp, char *buf, size_t size);

/* copy_struct_from_user() of the kernel's extensible structs (open_how,
   xattr_args): usize bytes at src into dst of dsize bytes; a larger guest
   struct must be zero past dsize (else -E2BIG), a smaller one is
   zero-extended. Returns 0 or -errno. */
int copy_struct_from_guest(void *dst, size_t dsize, gaddr src, u64 usize);

#endif
