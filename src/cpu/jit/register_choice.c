/* Which guest registers a translation keeps in host registers: those its
   instructions name most, a use on a cycle (tr_find_cycles) counting many
   times. docs/jit.md, "Register mapping". */
#include "cpu/insn.h"
#include "cpu/jit/tr.h"

/* The host registers guest registers may be cached in, best first. */
static const u8 kPool[JIT_MAX_CACHED] = {R12, R13, R14, R15, RBP, RSI, RDI, R8, R9, R10, R11};

/* Caches the general-purpose registers the block uses most, a use on a
   cycle counting as many (it runs many times for once the rest does). */
#define LOOP_USE_WEIGHT 16
u32 tr_rank_registers(const struct tr *t, bool simd, u8 *order, u32 max) {
  u32 uses[32] = {0};
  for (u32 i = 0; i < t->n; i++) {
    const struct insn *in = t->ins[i];
    bool atomic = in->op >= OP_ldxr && in->op <= OP_swp; /* FP, SIMD, atomics: after ldr_b_off */
    if (simd ? in->op < OP_ldr_b_off || atomic : in->op >= OP_ldr_b_off) continue;
    const u8 f[4] = {in->rd, in->rn, in->rm, in->ra};
    u32 weight = t->on_cycle && t->on_cycle[i] ? LOOP_USE_WEIGHT : 1;
    for (int k = 0; k < 4; k++)
      if (f[k] < 32) uses[f[k]] += weight;
  }
  u32 n = 0;
  while (n < max) {
    u32 best = 0;
    for (u32 r = 1; r < 32; r++)
      if (uses[r] > uses[best]) best = r;
    if (uses[best] < 2) break;
    uses[best] = 0;
    order[n++] = (u8)best;
  }
  return n;
}

void tr_choose_registers(struct tr *t) {
  for (u32 s = 0; s < NUM_XSLOTS; s++) t->host_of[s] = -1;
  t->ncached = tr_rank_registers(t, false, t->cached, JIT_MAX_CACHED);
  for (u32 k = 0; k < t->ncached; k++) t->host_of[t->cached[k]] = (i8)kPool[k];
}
