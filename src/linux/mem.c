/* Memory system calls: brk, mmap, munmap, mprotect, mremap, madvise,
   msync, the mlock family, mincore, memfd_create, membarrier and
   process_vm_readv/writev. Placement and bookkeeping live in mem/mmap.c;
   these handlers only check what the kernel checks before it gets that
   far. Flag and advice
   values are the same on aarch64 and x86-64 (asm-generic/mman-common.h),
   and mem/mmap.c drops the x86-only MAP_32BIT bit. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

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

/* ---- locking, residency ---- */

/* do_mlock()/apply_vma_lock_flags(): the range grows to whole pages, an
   empty one is accepted, and a hole in it is ENOMEM. The host checks
   RLIMIT_MEMLOCK and privilege, and would see elfrun's PROT_NONE
   reservation where the guest has nothing, hence the check here. */
static i64 lock_range(gaddr addr, u64 len, gaddr *start, u64 *plen) {
  gaddr s = page_down(addr);
  u64 l = page_up(len + (addr - s));
  if (l < len || s + l < s) return -EINVAL;
  *start = s;
  *plen = l;
  if (!l) return 0;
  if (!guest_range_ok(s, l) || !vma_covers(s, s + l)) return -ENOMEM;
  return 1;
}

SYSCALL_HANDLER(mlock) {
  (void)t;
  gaddr s;
  u64 l;
  i64 r = lock_range(arg[0], arg[1], &s, &l);
  if (r <= 0) return r;
  return host_result(syscall(SYS_mlock, g2h(s), l));
}

SYSCALL_HANDLER(mlock2) {
  (void)t;
  if ((u32)arg[2] & ~(u32)MLOCK_ONFAULT) return -EINVAL;
  gaddr s;
  u64 l;
  i64 r = lock_range(arg[0], arg[1], &s, &l);
  if (r <= 0) return r;
  return host_result(syscall(SYS_mlock2, g2h(s), l, (u32)arg[2]));
}

SYSCALL_HANDLER(munlock) {
  (void)t;
  gaddr s;
  u64 l;
  i64 r = lock_range(arg[0], arg[1], &s, &l);
  if (r <= 0) return r;
  return host_result(syscall(SYS_munlock, g2h(s), l));
}

/* The whole host process is the guest process, so locking all of it is
   what the guest asked for; PROT_NONE reservation pages are never
   populated. The host validates the flags. */
SYSCALL_HANDLER(mlockall) {
  (void)t;
  return host_result(syscall(SYS_mlockall, (int)arg[0]));
}

SYSCALL_HANDLER(munlockall) {
  (void)t;
  (void)arg;
  return host_result(syscall(SYS_munlockall));
}

/* sys_mincore(): one byte per page. A page the guest has not mapped is
   ENOMEM, as a range the kernel finds no vma for (mm/mincore.c). */
SYSCALL_HANDLER(mincore) {
  (void)t;
  gaddr start = arg[0];
  u64 len = arg[1];
  if (page_down(start) != start) return -EINVAL;
  if (!guest_range_ok(start, len)) return -ENOMEM;
  u64 pages = page_up(len) / GUEST_PAGE;
  if (!guest_ptr_ok(arg[2], pages)) return -EFAULT;
  if (!len) return 0;
  if (!vma_covers(start, start + page_up(len))) return -ENOMEM;
  return host_result(syscall(SYS_mincore, g2h(start), len, g2h(arg[2])));
}

/* ---- memfd, membarrier ---- */

/* MFD_NAME_MAX_LEN in mm/memfd.c, without the "memfd:" prefix. */
#define MFD_NAME_MAX 249

/* The host checks the flags (MFD_* values are the same) before the name,
   as arm64 does, so a bad name is handed on as a bad name: an unreadable
   one as an address the host cannot read, a long one as a long one. */
SYSCALL_HANDLER(memfd_create) {
  (void)t;
  static const char kTooLong[MFD_NAME_MAX + 2] = {[0 ... MFD_NAME_MAX] = 'x'};
  char name[MFD_NAME_MAX + 1];
  long n = copy_str_from_guest(name, arg[0], sizeof name);
  const char *host_name = n >= 0 ? name : n == -EFAULT ? HOST_EFAULT_PTR : kTooLong;
  return fd_adopt(syscall(SYS_memfd_create, host_name, (unsigned)arg[1]));
}

/* The host's membarrier orders memory between our host threads, which is
   what guest threads' accesses are. MEMBARRIER_CMD_*_SYNC_CORE should also
   force every guest thread out of its decoded block (DESIGN.md, "Guests
   that write code"); for now only the host barrier is made: a thread
   that keeps running an old block sees fresh code at its next block. */
SYSCALL_HANDLER(membarrier) {
  (void)t;
  return host_result(syscall(SYS_membarrier, (int)arg[0], (unsigned)arg[1], (int)arg[2]));
}

/* ---- process_vm_readv/writev ---- */

/* Reads n guest iovecs, every one of which must lie in the window: local
   ones are ours to check, remote ones name guest memory of another guest
   process, never elfrun's. */
static i64 iovecs_from_guest(struct iovec *iov, gaddr src, u64 n) {
  if (copy_from_guest(iov, src, n * sizeof *iov)) return -EFAULT;
  for (u64 i = 0; i < n; i++)
    if (!guest_ptr_ok(h2g(iov[i].iov_base), iov[i].iov_len)) return -EFAULT;
  return 0;
}

static i64 process_vm_rw(const u64 *arg, long nr) {
  u64 nl = arg[2], nrem = arg[4];
  if (arg[5]) return -EINVAL;
  if (nl > UIO_MAXIOV || nrem > UIO_MAXIOV) return -EINVAL;
  struct iovec *iov = calloc(nl + nrem + 1, sizeof *iov);
  if (!iov) return -ENOMEM;
  i64 r = iovecs_from_guest(iov, arg[1], nl);
  if (!r) r = iovecs_from_guest(iov + nl, arg[3], nrem);
  if (!r) r = host_result(syscall(nr, (pid_t)arg[0], iov, nl, iov + nl, nrem, 0UL));
  free(iov);
  return r;
}

SYSCALL_HANDLER(process_vm_readv) {
  (void)t;
  return process_vm_rw(arg, SYS_process_vm_readv);
}

SYSCALL_HANDLER(process_vm_writev) {
  (void)t;
  return process_vm_rw(arg, SYS_process_vm_writev);
}
