#ifndef ELFRUN_LINUX_XLAT_H_
#define ELFRUN_LINUX_XLAT_H_

#include <errno.h>
#include <sys/stat.h>

#include "linux/abi.h"
#include "mem/code_guard.h"
#include "mem/guest.h"

/* Host <-> aarch64 structure and flag conversions, destination first. */
void xlat_stat_to_guest(struct a64_stat *dst, const struct stat *src);
int xlat_open_flags_from_guest(u64 a64_flags);
u64 xlat_open_flags_to_guest(int host_flags);
struct statfs;
void xlat_statfs_to_guest(struct a64_statfs *dst, const struct statfs *src);
struct epoll_event;
void xlat_epoll_event_from_guest(struct epoll_event *dst, const struct a64_epoll_event *src);
void xlat_epoll_event_to_guest(struct a64_epoll_event *dst, const struct epoll_event *src);
struct msghdr;
void xlat_msghdr_from_guest(struct msghdr *dst, const struct a64_msghdr *src);

struct semid_ds;
void xlat_semid_to_guest(struct a64_semid64_ds *dst, const struct semid_ds *src);
void xlat_semid_from_guest(struct semid_ds *dst, const struct a64_semid64_ds *src);

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
  if (!guest_ptr_ok(a, len)) return HOST_EFAULT_PTR;
  code_guard_before_host_write(a, len); /* the kernel may write there */
  return g2h(a);
}

#endif
