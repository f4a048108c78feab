/* Memory system calls: brk, mmap, munmap, mprotect, mremap, madvise and
   msync. Placement and bookkeeping live in mem/mmap.c; these handlers only
   check what the kernel checks before it gets that far. Flag and advice
   values are the same on aarch64 and x86-64 (asm-generic/mman-common.h),
   and mem/mmap.c drops the x86-only MAP_32BIT bit. */
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>

#include "linux/fd.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"
#include "mem/mmap.h"
#include "mem/vma.h"

/* brk never fails: it returns the break, moved or not. */
SYSCALL_HANDLER(brk) {
  (void)t;
  return (i64)guest_brk(arg[0]);
}

/* arm64's sys_mmap refuses an unaligned offset first; ksys_mmap_pgoff then
   looks up the descriptor of a file mapping (EBADF) before do_mmap judges
   the length and flags. */
SYSCALL_HANDLER(mmap) {
  (void)t;
  gaddr addr = arg[0];
  u64 len = arg[1], off = arg[5];
  int prot = (int)arg[2], flags = (int)arg[3], fd = (int)arg[4];
  if (off & (GUEST_PAGE - 1)) return -EINVAL;
  if (flags & MAP_ANONYMOUS) {
    fd = -1;
  } else if (!fd_is_guest(fd) || fcntl(fd, F_GETFD) < 0) {
    return -EBADF;
  }
  return guest_mmap(addr, len, prot, flags, fd, off);
}

SYSCALL_HANDLER(munmap) {
  (void)t;
  return guest_munmap(arg[0], arg[1]);
}

SYSCALL_HANDLER(mprotect) {
  (void)t;
  return guest_mprotect(arg[0], arg[1], (int)arg[2]);
}

SYSCALL_HANDLER(mremap) {
  (void)t;
  return guest_mremap(arg[0], arg[1], arg[2], (int)arg[3], arg[4]);
}

SYSCALL_HANDLER(madvise) {
  (void)t;
  return guest_madvise(arg[0], arg[1], (int)arg[2]);
}

/* sys_msync(): flags, alignment, then the range. Pages of the range that
   are not mapped make it ENOMEM, after the mapped ones are synced; outside
   the window nothing is mapped. */
SYSCALL_HANDLER(msync) {
  (void)t;
  gaddr addr = arg[0];
  int flags = (int)arg[2];
  if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) return -EINVAL;
  if (page_down(addr) != addr) return -EINVAL;
  if ((flags & MS_ASYNC) && (flags & MS_SYNC)) return -EINVAL;
  u64 len = page_up(arg[1]);
  if (len < arg[1]) return -ENOMEM;
  if (!len) return 0;
  if (!guest_range_ok(addr, len)) return -ENOMEM;
  if (msync(g2h(addr), len, flags) != 0) return -errno;
  return vma_covers(addr, addr + len) ? 0 : -ENOMEM;
}
