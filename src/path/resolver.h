#ifndef ELFRUN_PATH_RESOLVER_H_
#define ELFRUN_PATH_RESOLVER_H_

struct host_path;

/* With a sysroot in use: maps the guest path in hp->buf, relative to the
   host descriptor dirfd (or AT_FDCWD), to hp->dirfd and hp->path, taking
   hold of a sysroot directory in hp->hold where needed. how is a PATH_*
   combination. Returns 0, or -errno holding nothing. */
int resolver_resolve(struct host_path *hp, int dirfd, unsigned how);

#endif
