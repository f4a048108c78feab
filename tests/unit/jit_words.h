/* Unit tests of the JIT's translator: A64 words translated as one block.
   Words assembled by aarch64-linux-gnu-as, the disassembly beside each. */
#ifndef ELFRUN_TESTS_UNIT_JIT_WORDS_H_
#define ELFRUN_TESTS_UNIT_JIT_WORDS_H_

#include <stdlib.h>

#include "cpu/insn.h"
#include "cpu/jit/internal.h"

#define JIT_WORDS_PC 0x400000ull

/* One block of a trace: n words at pc, a side block or not (struct trace). */
struct jit_words_block {
  u64 pc;
  const u32 *w;
  u32 n;
  bool side;
};

/* Translates the blocks as one trace (each block's last word must end
   it); the translation's map, which the caller frees, or NULL if the
   translator refused. */
static inline struct jit_map *jit_translate_trace(const struct jit_words_block *bl, u32 nb) {
  static u8 code[1 << 16];
  struct emitter e = {code, code + sizeof code, false};
  struct jit_output out = {0};
  struct trace tr = {.nblocks = nb};
  bool ok = nb <= JIT_MAX_TRACE;
  for (u32 s = 0; ok && s < nb; s++) {
    struct block *b = calloc(1, sizeof *b + bl[s].n * sizeof b->insns[0]);
    tr.block[s] = b;
    ok = b != NULL;
    for (u32 k = 0; ok && k < bl[s].n; k++)
      ok = decode_insn(bl[s].w[k], bl[s].pc + 4 * k, &b->insns[k]);
    if (!ok) break;
    b->pc = bl[s].pc;
    b->n = bl[s].n;
    tr.side |= (u32)bl[s].side << s;
    tr.first[s + 1] = tr.first[s] + bl[s].n;
  }
  if (ok) ok = jit_translate_block(&tr, &e, 0, code, 0, &out);
  for (u32 s = 0; s < nb && s < JIT_MAX_TRACE; s++) free(tr.block[s]);
  return ok ? out.map : NULL;
}

/* The n words as one block at JIT_WORDS_PC. */
static inline struct jit_map *jit_translate_words(const u32 *w, u32 n) {
  const struct jit_words_block b = {JIT_WORDS_PC, w, n, false};
  return jit_translate_trace(&b, 1);
}

#endif
