#ifndef ELFRUN_LINUX_XLAT_H_
#define ELFRUN_LINUX_XLAT_H_

#include <errno.h>
#include <sys/stat.h>

#include "linux/abi.h"
#include "mem/guest.h"

/* Host <-> aarch64 structure and flag conversions, destination first. */
void xlat_stat_to_guest(struct a64_stat *dst, const struct stat *src);
int xlat_open_flags_from_guest(u64 a64_flags);
u64 xlat_open_flags_to_guest(int host_flags);

/* The Linux result of a host call that returned r: libc's -1 and errno
   become -errno (both ABIs share the asm-generic errno values). Call it
   directly on the host call's result, before anything can touch errno. */
static inline i64 host_result(long r) { return r < 0 ? -errno : r; }

/* An address every host kernel refuses with EFAULT: the start of the
   kernel half, which no access_ok() accepts for any length. */
#define HOST_EFAULT_PTR ((void *)(uintptr_t)(1ull << 63))

/* A guest buffer of len bytes to hand to a raw host system call: the buffer
   itself when it lies in the guest window, else HOST_EFAULT_PTR. The host
   kernel then reports the bad buffer exactly where the aarch64 kernel
   would, after whatever it checks first (the descriptor, its mode, flags).
   Only for pointers the host kernel reads, never for ones elfrun does. */
static inline void *guest_buf(gaddr a, u64 len) {
  return guest_ptr_ok(a, len) ? g2h(a) : HOST_EFAULT_PTR;
}

#endif
