/* Which guest registers a translation keeps in host registers
   (src/cpu/jit/register_choice.c, tr_rank_registers): the most used, where a
   use on a cycle counts many times. No guest output
   shows the choice, only the speed, so it is checked here directly. */
#include "jit_words.h"
#include "unit.h"

/* Whether the translation's map caches guest register slot. */
static bool caches(const struct jit_map *map, u32 slot) {
  for (u32 k = 0; k < map->ncached; k++)
    if (map->slot[k] == slot) return true;
  return false;
}

/* add xN, xN, xN: three uses of xN. */
#define ADD3(n) (0x8b000000u | (n) << 16 | (n) << 5 | (n))

TEST(jit_regs, a_loop_outweighs_straight_line_code) {
  static const u32 w[] = {
      ADD3(1), ADD3(2), ADD3(3), ADD3(4), ADD3(5), ADD3(6),
      ADD3(7), ADD3(8), ADD3(9), ADD3(10), ADD3(11), ADD3(12),
      0x91000694, /* 1: add x20, x20, #1 */
      0xd10006b5, /* sub x21, x21, #1 */
      0xb5ffffd5, /* cbnz x21, 1b */
      0xd65f03c0, /* ret */
  };
  struct jit_map *map = jit_translate_words(w, sizeof w / sizeof w[0]);
  ASSERT_TRUE(map != NULL);
  /* Twelve registers used three times each before the loop; x20 and x21
     only two and three times, but on every pass. */
  EXPECT_TRUE(caches(map, 20));
  EXPECT_TRUE(caches(map, 21));
  EXPECT_EQ(map->ncached, (u32)JIT_MAX_CACHED);
  free(map);
}

TEST(jit_regs, the_way_out_of_a_loop_is_not_the_loop) {
  /* The branch back from the side block spans the code after the loop
     too, but no path goes round through it. */
  static const u32 head[] = {
      0x91000694, /* 1: add x20, x20, #1 */
      0xb5007ff5, /* cbnz x21, 2f (JIT_WORDS_PC + 0x1000) */
      ADD3(1), ADD3(2), ADD3(3), ADD3(4), ADD3(5), ADD3(6),
      ADD3(7), ADD3(8), ADD3(9), ADD3(10), ADD3(11), ADD3(12),
      0xd65f03c0, /* ret */
  };
  static const u32 side[] = {
      0xd10006b5, /* 2: sub x21, x21, #1 */
      0x17fffbff, /* b 1b */
  };
  const struct jit_words_block trace[] = {
      {JIT_WORDS_PC, head, sizeof head / sizeof head[0], false},
      {JIT_WORDS_PC + 0x1000, side, sizeof side / sizeof side[0], true},
  };
  struct jit_map *map = jit_translate_trace(trace, 2);
  ASSERT_TRUE(map != NULL);
  EXPECT_TRUE(caches(map, 20));
  EXPECT_TRUE(caches(map, 21));
  free(map);
}
