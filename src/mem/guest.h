#ifndef ELFRUN_MEM_GUEST_H_
#define ELFRUN_MEM_GUEST_H_

#include "base/types.h"

/* The guest address window: guest address == host address, and every guest
   address lies in [GUEST_BASE, GUEST_END). elfrun's own memory lives above
   GUEST_END. See docs/internals.md, "Address space". */
#define GUEST_BASE 0x10000ull
#define GUEST_END (1ull << 46)
#define GUEST_PAGE 4096ull
/* Nothing is ever mapped in [GUEST_END, GUEST_END + GUEST_GUARD): the
   window's reservation covers it too. Translated code may reach that far
   past an address it checked without checking again, and below one by as
   much, since the window's start is as far from 0 (jit/translate_mem.c). */
#define GUEST_GUARD 0x10000ull
_Static_assert(GUEST_GUARD <= GUEST_BASE, "an unchecked access must not wrap below 0");

/* AddressSanitizer puts its shadow inside our window; in ASan builds that
   range is carved out and marked as taken (see mem/window.c). */
#if defined(__SANITIZE_ADDRESS__)
#define GUEST_HOLE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GUEST_HOLE 1
#endif
#endif
#ifdef GUEST_HOLE
#define GUEST_HOLE_START 0x7fff0000ull
#define GUEST_HOLE_END 0x100080000000ull
#endif

/* Top-byte-ignore: data accesses drop bits 56-63 of the address. */
#define TBI_MASK 0x00ffffffffffffffull

/* [a, a + len) lies in the window. Written as one unsigned comparison for
   the constant lengths of loads and stores: below GUEST_BASE, a - GUEST_BASE
   wraps to a huge value. */
static inline bool guest_range_ok(gaddr a, u64 len) {
  if (len > GUEST_END - GUEST_BASE || a - GUEST_BASE > GUEST_END - GUEST_BASE - len)
    return false;
#ifdef GUEST_HOLE
  if (a < GUEST_HOLE_END && a + len > GUEST_HOLE_START) return false;
#endif
  return true;
}

static inline void *g2h(gaddr a) { return (void *)(uintptr_t)a; }
static inline gaddr h2g(const void *p) { return (gaddr)(uintptr_t)p; }

static inline u64 page_down(u64 a) { return a & ~(GUEST_PAGE - 1); }
static inline u64 page_up(u64 a) { return (a + GUEST_PAGE - 1) & ~(GUEST_PAGE - 1); }

/* Reserve the window at start-up; false if the host already uses part of it. */
bool window_reserve(void);
/* The ranges inside the window that the host owns (the ASan shadow, or
   valgrind's mappings): up to max of them, as [starts[i], ends[i]). */
size_t window_holes(gaddr *starts, gaddr *ends, size_t max);

/* Copies between elfrun and guest memory. Each checks the window and
   survives a fault, returning -EFAULT instead of crashing. */
int copy_from_guest(void *dst, gaddr src, size_t n);
int copy_to_guest(gaddr dst, const void *src, size_t n);
/* Copies a NUL-terminated guest string of at most max bytes (including the
   NUL) into dst. Returns its length, -EFAULT, or -ENAMETOOLONG. */
long copy_str_from_guest(char *dst, gaddr src, size_t max);
/* Checks that [a, a+len) may be handed to the host kernel: it lies in the
   window. The kernel itself reports EFAULT for unmapped pages. */
static inline bool guest_ptr_ok(gaddr a, u64 len) {
  return len == 0 || guest_range_ok(a, len);
}

#endif
