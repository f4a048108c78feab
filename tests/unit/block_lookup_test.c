/* The block cache (src/cpu/block.c). After a system call (the cpu
   quiescent), the first lookup takes the slow path and must leave the cpu
   current again, whether or not the block was in its jump cache. If it
   does not, every later lookup, and every indirect branch of translated
   code (which tests the same generation inline), takes the slow way: 7zz's
   compression ran 16% slower so. And a change to memory near code, but
   not to it, must not flush the cache: ld.so's mprotect of a library's
   data next to its code did, which cost `ls /` a quarter of its time.
   Each test runs in a fresh process. */
#include <sys/mman.h>

#include "cpu/block.h"
#include "cpu/cpu.h"
#include "mem/guest.h"
#include "mem/vma.h"
#include "unit.h"

#define CODE_PC 0x400000ull

/* One executable guest page at pc holding a RET. */
static bool map_code(gaddr pc) {
  if (!window_reserve()) return false;
  u32 *p = mmap((void *)pc, GUEST_PAGE, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  if (p == MAP_FAILED) return false;
  p[0] = 0xd65f03c0; /* ret */
  if (mprotect(p, GUEST_PAGE, PROT_READ | PROT_EXEC)) return false;
  vma_init();
  vma_insert(&(struct vma){pc, pc + GUEST_PAGE, PROT_READ | PROT_EXEC, VMA_ANON, 0, 0, 0, NULL});
  return true;
}

TEST(block_lookup, a_lookup_after_a_syscall_makes_the_cpu_current_again) {
  ASSERT_TRUE(map_code(CODE_PC));
  static struct cpu cpu;
  cpu_init(&cpu);
  block_cpu_register(&cpu);
  cpu.pc = CODE_PC;
  struct block *b = block_lookup(&cpu);
  ASSERT_TRUE(b != NULL);
  EXPECT_TRUE(block_cache_current(&cpu));
  block_cpu_quiescent(&cpu); /* a system call */
  EXPECT_FALSE(block_cache_current(&cpu));
  EXPECT_TRUE(block_lookup(&cpu) == b); /* in the jump cache still */
  EXPECT_TRUE(block_cache_current(&cpu));
}

TEST(block_lookup, only_a_change_to_a_code_page_flushes) {
  const gaddr code = CODE_PC + 5 * GUEST_PAGE; /* a page of code amid others */
  ASSERT_TRUE(map_code(code));
  static struct cpu cpu;
  cpu_init(&cpu);
  block_cpu_register(&cpu);
  cpu.pc = code;
  ASSERT_TRUE(block_lookup(&cpu) != NULL);
  u64 gen = g_generation;
  code_invalidate(CODE_PC, code); /* the pages before it */
  code_invalidate(code + GUEST_PAGE, code + 3 * GUEST_PAGE); /* after it */
  EXPECT_EQ(g_generation, gen);
  code_invalidate(code + GUEST_PAGE - 4, code + GUEST_PAGE + 4); /* its last bytes */
  EXPECT_TRUE(g_generation != gen);
}
