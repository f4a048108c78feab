#ifndef ELFRUN_PATH_FALLBACK_H_
#define ELFRUN_PATH_FALLBACK_H_

#include "base/types.h"

/* Whether the absolute guest path belongs to the host's kernel file systems
   (/proc, /sys, /dev), which a sysroot never replaces. */
bool fallback_host_only(const char *guest_path);

/* Whether the absolute guest path is one the guest's dynamic loader reads
   (/lib*, /usr/lib*, /etc/ld.so.*): missing from the sysroot, it is ENOENT,
   never the host's file. */
bool fallback_forbidden(const char *guest_path);

#endif
