/* Unit tests of the JIT's translator: A64 words translated as one block.
   Words assembled by aarch64-linux-gnu-as, the disassembly beside each. */
#ifndef ELFRUN_TESTS_UNIT_JIT_WORDS_H_
#define ELFRUN_TESTS_UNIT_JIT_WORDS_H_

#include <stdlib.h>

#include "cpu/insn.h"
#include "cpu/jit/internal.h"

#define JIT_WORDS_PC 0x400000ull

/* Translates the n words as one block at JIT_WORDS_PC (the last must end
   it); the translation's map, which the caller frees, or NULL if the
   translator refused. */
static inline struct jit_map *jit_translate_words(const u32 *w, u32 n) {
  struct block *b = calloc(1, sizeof *b + n * sizeof b->insns[0]);
  static u8 code[1 << 16];
  struct emitter e = {code, code + sizeof code, false};
  struct jit_output out = {0};
  bool ok = b != NULL;
  for (u32 k = 0; ok && k < n; k++) ok = decode_insn(w[k], JIT_WORDS_PC + 4 * k, &b->insns[k]);
  if (ok) {
    b->pc = JIT_WORDS_PC;
    b->n = n;
    struct trace tr = {.nblocks = 1, .block = {b}, .first = {0, n}};
    ok = jit_translate_block(&tr, &e, 0, code, 0, &out);
  }
  free(b);
  return ok ? out.map : NULL;
}

#endif
