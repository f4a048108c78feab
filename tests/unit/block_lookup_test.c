/* The block cache's lookup (src/cpu/block.c): after a system call (the
   cpu quiescent), the first lookup takes the slow path and must leave the
   cpu current again, whether or not the block was in its jump cache. If
   it does not, every later lookup, and every indirect branch of translated
   code (which tests the same generation inline), takes the slow way: 7zz's
   compression ran 16% slower so. Each test runs in a fresh process. */
#include <sys/mman.h>

#include "cpu/block.h"
#include "cpu/cpu.h"
#include "mem/guest.h"
#include "mem/vma.h"
#include "unit.h"

#define CODE_PC 0x400000ull

/* One executable guest page at CODE_PC holding a RET. */
static bool map_code(void) {
  if (!window_reserve()) return false;
  u32 *p = mmap((void *)CODE_PC, GUEST_PAGE, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  if (p == MAP_FAILED) return false;
  p[0] = 0xd65f03c0; /* ret */
  if (mprotect(p, GUEST_PAGE, PROT_READ | PROT_EXEC)) return false;
  vma_init();
  vma_insert(&(struct vma){CODE_PC, CODE_PC + GUEST_PAGE, PROT_READ | PROT_EXEC, VMA_ANON, 0,
                           0, 0, NULL});
  return true;
}

TEST(block_lookup, a_lookup_after_a_syscall_makes_the_cpu_current_again) {
  ASSERT_TRUE(map_code());
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
