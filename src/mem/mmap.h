#ifndef ELFRUN_MEM_MMAP_H_
#define ELFRUN_MEM_MMAP_H_

#include "base/types.h"

/* The guest's view of mmap and friends, placed inside the window. Values and
   flags are Linux's (aarch64 and x86-64 share them). Each returns the Linux
   result: an address or 0 on success, -errno on failure. */

/* Top-down placement starts below this address (set by the loader). */
extern gaddr g_mmap_top;

i64 guest_mmap(gaddr addr, u64 len, int prot, int flags, int fd, u64 off);
i64 guest_munmap(gaddr addr, u64 len);
i64 guest_mprotect(gaddr addr, u64 len, int prot);
i64 guest_mremap(gaddr old, u64 old_len, u64 new_len, int flags, gaddr new_addr);
i64 guest_madvise(gaddr addr, u64 len, int advice);

/* The host protection that carries guest protection prot. */
int host_prot_of(int prot);

/* The program break: set up by the loader, moved by brk(2). */
void brk_init(gaddr start);
gaddr guest_brk(gaddr want);

#endif
