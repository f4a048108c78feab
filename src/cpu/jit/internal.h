#ifndef ELFRUN_CPU_JIT_INTERNAL_H_
#define ELFRUN_CPU_JIT_INTERNAL_H_

/* What the code cache (jit.c) and the translator (translate.c) share. */

#include "cpu/block.h"
#include "cpu/jit/x86.h"

/* Translated code keeps cpu + JIT_CPU_BIAS in rbx, so that what it
   touches most is in reach of an 8-bit displacement (3 bytes shorter than
   a 32-bit one): X4-X30, SP, the window mask (tested at most accesses),
   NZCV (a SETcc each after most producers) and attention (tested at every
   entry and loop), at -128 to 124 (struct cpu asserts their offsets).
   X0-X3, mostly cached, are the ones left out. */
#define JIT_CPU_BIAS 160

/* Guest registers a translation keeps in host registers, at most: general
   ones in general registers, SIMD&FP ones in xmm2-xmm15. */
#define JIT_MAX_CACHED 11
#define JIT_MAX_VCACHED 14

/* The blocks one translation covers: the block it is the translation of,
   then, while a block ends in an unconditional direct branch (B, or the
   end of a page), the block that branch goes to, so that a loop entered
   through a B, or the dispatch a switch's cases all branch back to, runs
   without leaving translated code. Then, while there is room, blocks that
   a conditional branch of the trace goes to and that branch back to one
   of its instructions (side blocks, jit.c): the branch jumps to their copy
   in the translation, and their branch back to that instruction's code,
   so a loop whose body has two ways round, or an if-else whose arms meet
   again, stays in translated code. Up to JIT_TRACE_BLOCKS blocks of any
   size, then more side blocks as long as they are short: the unrolled
   bit decoding of an LZMA literal branches out to one for each 1 bit,
   which does a few subtractions and branches back into the sequence.
   Instruction k of the translation is block[s]->insns[k - first[s]] for
   the s with first[s] <= k < first[s+1]. */
#define JIT_TRACE_BLOCKS 4
#define JIT_MAX_TRACE 12
#define JIT_SHORT_SIDE 8    /* instructions of a side block past JIT_TRACE_BLOCKS */
#define JIT_TRACE_INSNS 512 /* a block is added only while the total stays within this */
struct trace {
  u32 nblocks;
  u32 side;                     /* bit s: block s is a side block */
  struct block *block[JIT_MAX_TRACE];
  u32 first[JIT_MAX_TRACE + 1]; /* first[nblocks]: the instructions in all */
};

/* Whether in is a direct branch, to imm: conditional, B, or the block's
   end going on at the next address. */
static inline bool jit_direct_branch(const struct insn *in) {
  return insn_side_exit(in) || in->op == OP_b || in->op == OP_b_loop || in->op == OP_block_end;
}

/* Whether pc is the address of one of block b's instructions (its end
   going on at the next address is none). */
static inline bool block_covers(const struct block *b, u64 pc) {
  u32 real = b->n - (b->insns[b->n - 1].op == OP_block_end);
  return pc >= b->pc && pc < b->pc + 4ull * real;
}

/* Which of the trace's blocks instruction k belongs to. */
static inline u32 trace_block_of(const struct trace *tr, u32 k) {
  u32 s = 0;
  while (s + 1 < tr->nblocks && tr->first[s + 1] <= k) s++;
  return s;
}

/* Whether block s is entered from the end of block s - 1 (its last
   instruction, a B, joins it), not only by a branch to it. */
static inline bool trace_joined(const struct trace *tr, u32 s) {
  return s > 0 && s < tr->nblocks && !(tr->side >> s & 1);
}

/* Whether instruction k is the last of its block and the next block is
   joined to it (the B that ends it emits nothing). */
static inline bool trace_joins_next(const struct trace *tr, u32 k) {
  u32 s = trace_block_of(tr, k);
  return trace_joined(tr, s + 1) && k + 1 == tr->first[s + 1];
}

/* The side block of the trace after block `after` that starts at pc, or 0. */
static inline u32 trace_side_block(const struct trace *tr, u32 after, u64 pc) {
  for (u32 s = after + 1; s < tr->nblocks; s++)
    if ((tr->side >> s & 1) && tr->block[s]->pc == pc) return s;
  return 0;
}

/* Whether instruction idx of block b, a conditional branch (taken: the
   handler left the target in pc), goes forward within the block, which a
   translation does without leaving (a branch to the trace's start,
   trace_pc, loops instead). The lockstep twin follows the same rule. */
static inline bool jit_jumps_within(const struct block *b, u32 idx, u64 target, u64 trace_pc) {
  return target > b->pc + 4ull * idx && target < b->pc + 4ull * b->n && target != trace_pc;
}

/* The host-to-guest map of one translation: which instruction each stretch
   of host code belongs to, and where the guest registers it caches live. A
   fault in the translation uses it to rebuild the exact guest state. */
/* Instructions [from, to) of a translation, where NZCV are not stored but
   the flags of a producer (struct lazy_src in tr.h: kind, wide, a, b, adj,
   imm) whose operands are still in the guest registers. */
struct jit_lazy {
  u32 from, to;
  u8 kind, wide, a, b;
  i32 adj;
  u64 imm;
};

struct jit_map {
  const u8 *rx_body;       /* first host byte of the body (executable view) */
  const struct jit_lazy *lazy; /* nlazy of them, in the same allocation */
  u32 nlazy;
  u32 ncached;
  u8 slot[JIT_MAX_CACHED]; /* guest register slot ... */
  u8 host[JIT_MAX_CACHED]; /* ... and the host register holding it, */
  u32 valid_from[JIT_MAX_CACHED]; /* from this instruction on */
  u32 nvcached;
  u8 vslot[JIT_MAX_VCACHED];  /* V register ... */
  u8 vxmm[JIT_MAX_VCACHED];   /* ... and the xmm holding it (from the entry on) */
  bool verifiable;          /* --jit-verify can check it: no unlogged stores */
  struct trace trace;      /* the guest instructions it covers */
  u32 n;                   /* guest instructions */
  /* unchecked[i]: instruction i accesses memory without a check of its own
     (translate_mem.c). A fault there is handled like any other (mem/fault.c);
     tests/unit/jit_checks_test.c reads the translator's choices here. In
     the same allocation, after off[]. */
  u8 *unchecked;
  u32 off[];               /* off[i]: where instruction i's code starts */
};

/* Where a translation landed. */
struct jit_output {
  u8 *chain;  /* entry from other translations (checks cpu->attention) */
  u8 *body;   /* entry from the dispatch loop */
  struct jit_map *map;
};

/* --jit-verify: a translation logs each store before making it, as one
   entry of this shape at cpu->jit_vlog (verify.c). */
struct jit_store_log {
  u64 addr;
  u32 size;       /* bytes: 1 to 16 */
  u32 pad;
  u8 old[16];     /* the bytes it overwrote */
};
_Static_assert(sizeof(struct jit_store_log) == 32, "entries are emitted by translate.c");

/* Whether the translation of a block ending in op leaves that instruction
   for the dispatch loop to run (cpu->jit_pending): SVC, BRK, MSR FPCR... */
bool jit_left_to_loop(u32 op);

/* Runs translated code at `code` until it returns to the dispatch loop. */
void jit_enter(struct cpu *cpu, const void *code);

/* --jit-verify: runs b's translation, then its interpreted twin from the
   same state, and stops elfrun at the first difference (verify.c). */
void jit_verify_run(struct cpu *cpu, struct block *b);

void jit_verify_after_fork(void);

/* The trace starting at b (with the cache lock held). */
void jit_trace_build(struct block *b, struct trace *tr);

/* Translates the trace into e (the writable view) of the cache of this epoch;
   rx_delta turns a writable address into its executable twin, exit the
   shared exit path (executable).
   Returns false if e ran out of room. */
bool jit_translate_block(const struct trace *trace, struct emitter *e, ptrdiff_t rx_delta,
                         const u8 *exit, u32 epoch, struct jit_output *out);

#endif
