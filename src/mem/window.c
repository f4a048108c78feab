/* Reserving the guest address window and copying across its boundary. */
#include "mem/guest.h"

#include <errno.h>
#include <setjmp.h>
#include <string.h>
#include <sys/mman.h>

#include "mem/fault.h"

static bool reserve(u64 start, u64 end) {
  void *p = mmap((void *)start, end - start, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
                 -1, 0);
  if (p == MAP_FAILED) return false;
  if (p != (void *)start) {  /* kernels before 4.17 treat the flag as a hint */
    munmap(p, end - start);
    return false;
  }
  return true;
}

bool window_reserve(void) {
#ifdef GUEST_HOLE
  return reserve(GUEST_BASE, GUEST_HOLE_START) && reserve(GUEST_HOLE_END, GUEST_END);
#else
  return reserve(GUEST_BASE, GUEST_END);
#endif
}

/* A fault inside these copies unwinds to the sigsetjmp below (see fault.c). */
int copy_from_guest(void *dst, gaddr src, size_t n) {
  if (n == 0) return 0;
  if (!guest_ptr_ok(src, n)) return -EFAULT;
  sigjmp_buf jb;
  if (sigsetjmp(jb, 0)) return fault_guard_end(), -EFAULT;
  fault_guard_begin(&jb);
  memcpy(dst, g2h(src), n);
  fault_guard_end();
  return 0;
}

int copy_to_guest(gaddr dst, const void *src, size_t n) {
  if (n == 0) return 0;
  if (!guest_ptr_ok(dst, n)) return -EFAULT;
  sigjmp_buf jb;
  if (sigsetjmp(jb, 0)) return fault_guard_end(), -EFAULT;
  fault_guard_begin(&jb);
  memcpy(g2h(dst), src, n);
  fault_guard_end();
  return 0;
}

long copy_str_from_guest(char *dst, gaddr src, size_t max) {
  if (!guest_range_ok(src, 1)) return -EFAULT;
  sigjmp_buf jb;
  if (sigsetjmp(jb, 0)) return fault_guard_end(), -EFAULT;
  fault_guard_begin(&jb);
  size_t i = 0;
  for (; i < max; i++) {
    if (!guest_range_ok(src + i, 1)) break;
    dst[i] = *(const char *)g2h(src + i);
    if (!dst[i]) break;
  }
  fault_guard_end();
  if (i == max) return -ENAMETOOLONG;
  if (!guest_range_ok(src + i, 1)) return -EFAULT;
  return (long)i;
}
