#ifndef ELFRUN_PATH_SYSROOT_H_
#define ELFRUN_PATH_SYSROOT_H_

#include <stddef.h>

#include "base/types.h"

/* Chooses the sysroot and opens it: the option (--sysroot) if given, else
   $ELFRUN_SYSROOT if set, else $QEMU_LD_PREFIX if set; an empty value or
   "/" means none. Call once, before the program is loaded. Returns false
   (after one line on stderr) when the chosen directory cannot be used. */
bool path_init(const char *option);

/* The sysroot's canonical host path, or NULL without one. */
const char *path_sysroot(void);

/* The guest's view of a host path: the sysroot prefix stripped when the
   path lies inside it (a fresh malloc'd string; NULL when out of memory). */
char *path_host_to_guest(const char *host_path);

/* The same without allocating: a pointer into host_path, "/" for the
   sysroot itself, or host_path unchanged. */
const char *path_guest_view(const char *host_path);

/* Whether a sysroot is in use. */
bool sysroot_active(void);

/* The sysroot's O_PATH descriptor (above ELFRUN_FD_BASE), or -1. */
int sysroot_fd(void);

/* Whether host_path is the sysroot or lies inside it. */
bool sysroot_contains(const char *host_path);

/* Opens the first len bytes of guest_path (absolute or not: both are taken
   from the sysroot's root) inside the sysroot with openat2(RESOLVE_IN_ROOT),
   as O_PATH | O_CLOEXEC | extra_flags, and moves the descriptor above
   ELFRUN_FD_BASE. Returns it or -errno. */
int sysroot_probe(const char *guest_path, size_t len, int extra_flags);

#endif
