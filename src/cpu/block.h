#ifndef ELFRUN_CPU_BLOCK_H_
#define ELFRUN_CPU_BLOCK_H_

#include "base/types.h"
#include "cpu/insn.h"

/* A decoded block: guest code from pc up to and including the first
   instruction that may leave it (flow END), or up to the end of pc's page,
   where a synthetic block_end entry continues at the next page. Conditional
   branches (flow SIDE) do not end it: taken, they leave it; not, the block
   goes on. After BLOCK_MAX_SIDE_EXITS of them it ends with a block_end too.
   So entry i always decodes the guest instruction at pc + 4*i. */
#define BLOCK_MAX_SIDE_EXITS 16
struct block {
  u64 pc;                  /* guest address of insns[0] */
  u32 mode;                /* the rest of the key: FPCR mode bits, debug bit */
  u32 n;                   /* entries, the terminator included */
  struct block *hash_next; /* chain in the shared hash table */
  struct block *retired_next; /* chain while waiting to be freed */
  u64 retired_generation;  /* freed once every cpu has seen this */
  u32 countdown;           /* runs left before the JIT translates it */
  void *jit_body;          /* its translation (src/cpu/jit/), entered from
                              the dispatch loop; NULL while interpreted */
  void *jit_chain;         /* the same, entered from other translated code */
  struct jit_map *jit_map; /* host-to-guest map of the translation */
  u32 jit_epoch;           /* the code cache it was translated into (jit.c) */
  struct insn insns[];
};

/* Part of the block key that is not the PC: code decoded under one FPCR mode
   (rounding, flush-to-zero, default NaN, AH/FIZ) never runs under another. */
static inline u32 block_mode(const struct cpu *cpu) {
  return cpu->fpcr & 0x07c00000u;
}

/* What a debugger (src/gdb/) asks of the block builder. Read only when a
   block is decoded, never on the hot path; changed only while every guest
   thread is stopped or between blocks, each change followed by
   code_flush_all(). */
struct code_debug {
  bool (*breakpoint_at)(u64 pc); /* decode this address as BRK */
};
extern struct code_debug g_code_debug;
/* Forgets every decoded block. */
void code_flush_all(void);
/* A single step: this cpu's next block is one instruction (block.c). */
struct block *block_step_install(struct cpu *cpu);
void block_step_release(struct cpu *cpu, struct block *b);

/* Finds or builds the block at cpu->pc. Raises a guest fault if the PC is not
   executable. */
struct block *block_lookup_slow(struct cpu *cpu);

extern u64 g_generation; /* bumped on every flush (block.c) */

/* The block at pc in mode, decoded and published if no block is there
   yet; NULL if pc cannot be fetched. For the JIT, which strings blocks
   together into one translation: called with the cache lock held by a
   cpu that is current (no flush since its last block boundary). */
struct block *block_find_locked(u64 pc, u32 mode);

/* The lock that guards the shared cache, for the JIT tier (jit/jit.c),
   and a flush with it held, which returns the new generation. */
void code_lock(void);
void code_unlock(void);
u64 code_flush_locked(void);

/* The guest PC of the instruction a cpu is executing (cpu_pc, inlined). */
static inline u64 block_insn_pc(const struct cpu *c) {
  return c->block->pc + 4 * (u64)(c->ip - c->block->insns);
}

static inline u32 jcache_index(u64 pc) { return (pc >> 2) & (JCACHE_SIZE - 1); }

/* The common case, inlined into the dispatch loop: the jump cache holds the
   block, this cpu is not quiescent and no flush happened since it last
   looked. Anything else takes the slow path, which also catches up. */
/* Whether the blocks this cpu holds (its jump cache, the block it runs) are
   still current: no flush since it last caught up, and not quiescent since.
   fast_generation folds both tests into one: it is ~0 while quiescent. */
static inline bool block_cache_current(const struct cpu *cpu) {
  return __atomic_load_n(&g_generation, __ATOMIC_ACQUIRE) == cpu->fast_generation;
}

static inline struct block *block_lookup(struct cpu *cpu) {
  /* The generation first: after a flush, or while this cpu was quiescent,
     the slot may name a reclaimed block whose memory is gone already. */
  if (LIKELY(block_cache_current(cpu))) {
    u64 pc = cpu->pc;
    struct block *b = cpu->jcache[jcache_index(pc)];
    if (LIKELY(b && b->pc == pc && b->mode == block_mode(cpu))) return b;
  }
  return block_lookup_slow(cpu);
}

/* Forgets every block decoded from [start, end). O(1) per page that holds no
   code. Safe to call from a handler: blocks are freed only later, once no
   thread can be running them. */
void code_invalidate(gaddr start, gaddr end);
/* A cpu joins (when its thread starts running guest code) and leaves (when
   the thread ends) the set that block reclamation waits for. */
void block_cpu_register(struct cpu *cpu);
void block_cpu_unregister(struct cpu *cpu);
/* In the child of a host fork: the calling thread's cpu is the only one. */
void block_after_fork(struct cpu *self);

/* A cpu entering a syscall holds no block: reclamation need not wait for
   it. The next block_lookup() ends the quiescent state. */
static inline void block_cpu_quiescent(struct cpu *cpu) {
  cpu->fast_generation = ~0ull; /* the next lookup takes the slow path */
  __atomic_store_n(&cpu->quiescent, 1, __ATOMIC_SEQ_CST);
}

#endif
