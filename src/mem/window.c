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

/* Under valgrind (callgrind is how elfrun's speed is measured: instruction
   counts are repeatable where wall time is not) the tool's own mappings sit
   inside the window, so the window is reserved piece by piece around them.
   The pieces it could not get become holes the guest is never given. This
   mode is for measurement only: a guest pointer into a hole is not refused
   by the syscall layer. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define HAVE_VALGRIND 1
#endif
#endif

#define MAX_HOLES 64
static struct { gaddr start, end; } g_holes[MAX_HOLES];
static size_t g_nholes;

static void add_hole(gaddr start, gaddr end) {
  if (g_nholes && g_holes[g_nholes - 1].end == start)
    g_holes[g_nholes - 1].end = end;
  else if (g_nholes < MAX_HOLES)
    g_holes[g_nholes++] = (typeof(g_holes[0])){start, end};
}

/* Halves a range that cannot be reserved whole until each piece either is
   reserved or is one 64 KiB granule the host owns. */
static bool reserve_around(gaddr start, gaddr end) {
  if (reserve(start, end)) return true;
  if (end - start <= 0x10000) {
    add_hole(start, end);
    return g_nholes < MAX_HOLES;
  }
  gaddr mid = start + ((end - start) / 2 & ~0xffffull);
  return reserve_around(start, mid) && reserve_around(mid, end);
}

static bool under_valgrind(void) {
#ifdef HAVE_VALGRIND
  return RUNNING_ON_VALGRIND;
#else
  return false;
#endif
}

bool window_reserve(void) {
#ifdef GUEST_HOLE
  return reserve(GUEST_BASE, GUEST_HOLE_START) && reserve(GUEST_HOLE_END, GUEST_END + GUEST_GUARD);
#else
  if (reserve(GUEST_BASE, GUEST_END + GUEST_GUARD)) return true;
  if (!under_valgrind()) return false;
  reserve(GUEST_END, GUEST_END + GUEST_GUARD); /* best effort: measurement only */
  /* valgrind places its client's own mappings below 128 GiB only, so
     elfrun's need a gap there (32-64 GiB, clear of static guest images). */
  const gaddr gap = 32ull << 30, gap_end = 64ull << 30;
  if (!reserve_around(GUEST_BASE, gap)) return false;
  add_hole(gap, gap_end);
  return reserve_around(gap_end, GUEST_END);
#endif
}

size_t window_holes(gaddr *starts, gaddr *ends, size_t max) {
  size_t n = 0;
#ifdef GUEST_HOLE
  if (n < max) starts[n] = GUEST_HOLE_START, ends[n++] = GUEST_HOLE_END;
#endif
  for (size_t i = 0; i < g_nholes && n < max; i++, n++)
    starts[n] = g_holes[i].start, ends[n] = g_holes[i].end;
  return n;
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
