#ifndef ELFRUN_CPU_BLOCK_H_
#define ELFRUN_CPU_BLOCK_H_

#include "base/types.h"
#include "cpu/insn.h"

/* A decoded block: straight-line guest code from pc up to and including the
   first instruction that may leave it (flow END), or up to the end of pc's
   page, where a synthetic block_end entry continues at the next page. So
   entry i always decodes the guest instruction at pc + 4*i. */
struct block {
  u64 pc;                  /* guest address of insns[0] */
  u32 mode;                /* the rest of the key: FPCR mode bits, debug bit */
  u32 n;                   /* entries, the terminator included */
  struct block *hash_next; /* chain in the shared hash table */
  struct block *retired_next; /* chain while waiting to be freed */
  struct insn insns[];
};

/* Part of the block key that is not the PC: code decoded under one FPCR mode
   (rounding, flush-to-zero, default NaN, AH/FIZ) never runs under another. */
static inline u32 block_mode(const struct cpu *cpu) {
  return cpu->fpcr & 0x07c00000u;
}

/* Finds or builds the block at cpu->pc. Raises a guest fault if the PC is not
   executable. */
struct block *block_lookup(struct cpu *cpu);

/* Forgets every block decoded from [start, end). O(1) per page that holds no
   code. Safe to call from a handler: blocks are freed only later, once no
   thread can be running them (block_reclaim). */
void code_invalidate(gaddr start, gaddr end);
/* Frees retired blocks; called between blocks when it is safe. */
void block_reclaim(struct cpu *cpu);

#endif
