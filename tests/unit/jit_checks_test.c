/* Which accesses the translator leaves without a window check of their
   own (src/cpu/jit/translate_mem.c, the map's unchecked[]): only those near
   an address checked through the same registers on every way to them,
   with neither register changed since. A wrong "unchecked" would let
   translated code reach past the window's guard, which no guest output
   shows (the access faults and runs again in the interpreter, or reads
   host memory), so the translator's decisions are checked here directly. */
#include <string.h>

#include "jit_words.h"
#include "mem/guest.h"
#include "unit.h"

#define MAX_WORDS 16

/* CBZ x3 to the instruction `ahead` words on. */
#define CBZ_X3(ahead) (0xb4000003u | (ahead) << 5)

/* Translates the words as one block (the last must end it) and fills
   unchecked[] from the map; false if the translator refused. */
static bool unchecked_of(const u32 *w, u32 n, u8 *unchecked) {
  struct jit_map *map = jit_translate_words(w, n);
  bool ok = map != NULL;
  if (ok) memcpy(unchecked, map->unchecked, n);
  free(map);
  return ok;
}

/* Sanitizer builds send every access through its handler (GUEST_HOLE):
   none is left unchecked there. */
#ifdef GUEST_HOLE
#define WANT(u) 0
#else
#define WANT(u) (u)
#endif

#define EXPECT_UNCHECKED(words, ...)                                        \
  do {                                                                      \
    static const u32 w_[] = words;                                          \
    static const u8 want_[] = __VA_ARGS__;                                  \
    u8 got_[MAX_WORDS];                                                     \
    ASSERT_TRUE(unchecked_of(w_, sizeof w_ / sizeof w_[0], got_));          \
    for (u32 k_ = 0; k_ < sizeof want_; k_++) EXPECT_EQ(got_[k_], WANT(want_[k_])); \
  } while (0)
#define W(...) {__VA_ARGS__}

TEST(jit_checks, near_access_through_the_same_base_is_unchecked) {
  EXPECT_UNCHECKED(W(0xf9400121,   /* ldr x1, [x9] */
                     0xf9400522,   /* ldr x2, [x9, #8] */
                     0xf97ffd21,   /* ldr x1, [x9, #32760] */
                     0xf9400142,   /* ldr x2, [x10] */
                     0xd65f03c0),  /* ret */
                   {0, 1, 1, 0});
}

TEST(jit_checks, a_write_to_the_base_needs_a_new_check) {
  EXPECT_UNCHECKED(W(0xf9400121,   /* ldr x1, [x9] */
                     0x91000529,   /* add x9, x9, #1 */
                     0xf9400121,   /* ldr x1, [x9] */
                     0xf9400129,   /* ldr x9, [x9] */
                     0xf9400121,   /* ldr x1, [x9] */
                     0xd65f03c0),  /* ret */
                   {0, 0, 0, 1, 0});
}

TEST(jit_checks, writeback_moves_what_was_checked_with_the_base) {
  EXPECT_UNCHECKED(W(0xf8408521,   /* ldr x1, [x9], #8 */
                     0xf85f8122,   /* ldur x2, [x9, #-8] */
                     0xa9bf7bfd,   /* stp x29, x30, [sp, #-16]! */
                     0xf94007e1,   /* ldr x1, [sp, #8] */
                     0xd65f03c0),  /* ret */
                   {0, 1, 0, 1});
}

TEST(jit_checks, register_offset_needs_the_same_index_and_extension) {
  EXPECT_UNCHECKED(W(0xf86a7921,   /* ldr x1, [x9, x10, lsl #3] */
                     0xf82a7921,   /* str x1, [x9, x10, lsl #3] */
                     0xf82a6921,   /* str x1, [x9, x10] */
                     0xf82b7921,   /* str x1, [x9, x11, lsl #3] */
                     0xf82a7922,   /* str x2, [x9, x10, lsl #3] */
                     0xd65f03c0),  /* ret */
                   {0, 1, 0, 0, 1});
}

TEST(jit_checks, a_join_keeps_what_every_way_checked) {
  /* Checked before the branch: unchecked on both ways and after. */
  EXPECT_UNCHECKED(W(0xf9400121,   /* ldr x1, [x9] */
                     CBZ_X3(2),    /* cbz x3, 1f */
                     0xf9400522,   /* ldr x2, [x9, #8] */
                     0xf9400922,   /* 1: ldr x2, [x9, #16] */
                     0xd65f03c0),  /* ret */
                   {0, 0, 1, 1});
  /* Checked only on the way the branch skips: checked again after. */
  EXPECT_UNCHECKED(W(CBZ_X3(2),    /* cbz x3, 1f */
                     0xf9400121,   /* ldr x1, [x9] */
                     0xf9400522,   /* 1: ldr x2, [x9, #8] */
                     0xf9400922,   /* ldr x2, [x9, #16] */
                     0xd65f03c0),  /* ret */
                   {0, 0, 0, 1});
  /* Written on one way only. */
  EXPECT_UNCHECKED(W(0xf9400121,   /* ldr x1, [x9] */
                     CBZ_X3(2),    /* cbz x3, 1f */
                     0x91000529,   /* add x9, x9, #1 */
                     0xf9400922,   /* 1: ldr x2, [x9, #16] */
                     0xd65f03c0),  /* ret */
                   {0, 0, 0, 0});
}

TEST(jit_checks, a_handler_call_forgets_every_check) {
  EXPECT_UNCHECKED(W(0xf9400121,   /* ldr x1, [x9] */
                     0xc85f7d22,   /* ldxr x2, [x9] */
                     0xf9400522,   /* ldr x2, [x9, #8] */
                     0xd65f03c0),  /* ret */
                   {0, 0, 0});
}
