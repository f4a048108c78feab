/* The guest window's reservation (src/mem/window.c): it covers the guard
   above the window's end, where translated code may reach past an address
   it checked (jit/translate_mem.c), so nothing of the host's can be mapped
   there. Each test runs in a fresh process. */
#include <errno.h>
#include <sys/mman.h>

#include "mem/guest.h"
#include "unit.h"

/* Whether a page at `at` can be had: false when something holds it. */
static bool page_free(gaddr at) {
  void *p = mmap((void *)at, GUEST_PAGE, PROT_READ,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (p == MAP_FAILED) return false;
  munmap(p, GUEST_PAGE);
  return p == (void *)at;
}

TEST(window, reservation_covers_the_guard_above_the_end) {
  ASSERT_TRUE(page_free(GUEST_END));
  ASSERT_TRUE(window_reserve());
  EXPECT_FALSE(page_free(GUEST_END - GUEST_PAGE));
  EXPECT_FALSE(page_free(GUEST_END));
  EXPECT_FALSE(page_free(GUEST_END + GUEST_GUARD - GUEST_PAGE));
  EXPECT_TRUE(page_free(GUEST_END + GUEST_GUARD));
}
