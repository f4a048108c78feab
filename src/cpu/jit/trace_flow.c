/* What the translator knows of a trace before it emits anything, and
   between its two passes: where its branches go (jump_to: forward to a
   join, back to a loop's head), which stretches of it loop, and which
   flag-setting instructions need not store NZCV (struct tr in tr.h says
   what each array holds; translate.c uses them). */
#include <stdlib.h>
#include <string.h>

#include "cpu/jit/tr.h"

/* Pass 2's FLAGS_DEAD from pass 1's uses, walking back from the block's
   end, where the flags are live; a branch forward within the translation
   sees them live if they are at its target too. (A branch back to a
   loop's head makes NZCV exact in the cpu on its way: loop_back in
   translate.c.) */
void tr_find_dead_flags(u8 *use, const u32 *jump_to, bool *live_at, u32 n) {
  bool live = true;
  for (u32 i = n; i-- > 0;) {
    if (jumps_forward(jump_to, i)) live |= live_at[jump_to[i]];
    bool reads = use[i] & (FLAGS_READ | FLAGS_OPAQUE | FLAGS_FAULT);
    if ((use[i] & FLAGS_WRITE) && !reads && !live) use[i] |= FLAGS_DEAD;
    if (reads) live = true;
    else if (use[i] & FLAGS_WRITE) live = false;
    live_at[i] = live;
  }
}

/* Pass 2's FLAGS_LAZY: a producer whose flags only faults and slow paths
   can see (a conditional branch read the host flags; the next producer
   comes before any reader, handler call, exit, or join where they are
   live) and whose operands no instruction writes before the last of
   those faults: it stores nothing, and a fault or slow path at k
   recomputes the flags of lazy_from[k] from the guest registers. In the
   range decoder of xz and 7zz, CMP; B.HI; LDRB is the common case: before,
   the load alone kept four flag stores. */
void tr_find_lazy_flags(u8 *use, const struct lazy_src *src, const u64 *wrote,
                        const u32 *jump_to, const bool *live_at, bool *join, u32 n,
                        u32 *lazy_from) {
  memset(join, 0, n * sizeof *join);
  for (u32 k = 0; k < n; k++) {
    lazy_from[k] = NO_JUMP;
    if (jump_to[k] != NO_JUMP) join[jump_to[k]] = true;
  }
  for (u32 j = 0; j < n; j++) {
    if ((use[j] & ~FLAGS_WRITE) || !(use[j] & FLAGS_WRITE) || !src[j].kind) continue;
    u64 operands = 1ull << src[j].a | (src[j].b == LAZY_IMM ? 0 : 1ull << src[j].b);
    bool changed = false, ok = true;
    u32 k = j + 1;
    for (; k < n && ok; k++) {
      if (join[k] && !live_at[k]) break; /* dead from here, whichever way it came */
      ok = !join[k] && !(use[k] & (FLAGS_READ | FLAGS_OPAQUE)) &&
           !(changed && (use[k] & FLAGS_FAULT)) &&
           !(jumps_forward(jump_to, k) && live_at[jump_to[k]]);
      if (ok && (use[k] & FLAGS_WRITE)) break;
      changed |= (wrote[k] & operands) != 0;
    }
    if (!ok || k >= n) continue;
    use[j] |= FLAGS_LAZY;
    for (u32 x = j + 1; x < k; x++) lazy_from[x] = j;
  }
}

/* The index of the trace's instruction at pc, at most last, or NO_JUMP. */
static u32 trace_index(const struct trace *trace, u64 pc, u32 last) {
  for (u32 s = 0; s < trace->nblocks; s++) {
    const struct block *b = trace->block[s];
    if (block_covers(b, pc)) {
      u32 k = trace->first[s] + (u32)((pc - b->pc) / 4);
      if (k <= last) return k;
    }
  }
  return NO_JUMP;
}

/* stretch[] (struct tr): for each instruction in a stretch of the trace
   that a path may go round more than once, the stretch's first
   instruction; NO_JUMP elsewhere. A branch back from i to h makes [h, i]
   such a stretch; stretches that overlap are one, since a path round the
   one may go round the other on its way (a loop within a loop). */
void tr_find_stretches(const u32 *jump_to, u32 n, u32 *stretch) {
  memset(stretch, 0, n * sizeof *stretch);
  for (u32 i = 0; i < n; i++) /* first each stretch's end + 1, at its start */
    if (jumps_back(jump_to, i) && stretch[jump_to[i]] < i + 1) stretch[jump_to[i]] = i + 1;
  u32 start = 0, end = 0; /* the stretch being swept: [start, end) */
  for (u32 x = 0; x < n; x++) {
    u32 to = stretch[x];
    if (to && x >= end) start = x;
    if (to > end) end = to;
    stretch[x] = x < end ? start : NO_JUMP;
  }
}

/* loop_writes[] (struct tr): the guest registers written in each stretch,
   as pass 1 saw them (wrote), at its first instruction. */
void tr_find_loop_writes(const u32 *stretch, const u64 *wrote, u32 n, u64 *loop_writes) {
  memset(loop_writes, 0, n * sizeof *loop_writes);
  for (u32 x = 0; x < n; x++)
    if (stretch[x] != NO_JUMP) loop_writes[stretch[x]] |= wrote[x];
}

/* Whether the trace's instruction k goes on to k + 1: it is not the last
   of its block, or the next block is joined to it. */
static bool falls_through(const struct trace *trace, u32 k) {
  return k + 1 < trace->first[trace_block_of(trace, k) + 1] || trace_joins_next(trace, k);
}

/* Marks in seen[] what is reached from the instructions marked there,
   going forward (or, with back, what reaches them), over the paths within
   [h, i] (falls[k]: k goes on to k + 1). Each pass goes the way most edges
   do (forward, or from the end when going back), so one carries a mark
   down a whole run of code; it is repeated until nothing changes, for the
   branches the other way. */
static void reach_within(const bool *falls, const u32 *jump_to, u32 h, u32 i, bool back,
                         bool *seen) {
  for (bool changed = true; changed;) {
    changed = false;
    for (u32 step = 0; step <= i - h; step++) {
      u32 k = back ? i - step : h + step;
      u32 to[2] = {k < i && falls[k] ? k + 1 : NO_JUMP, jump_to[k]};
      for (int x = 0; x < 2; x++) {
        if (to[x] == NO_JUMP || to[x] < h || to[x] > i) continue;
        bool *from = &seen[back ? to[x] : k], *into = &seen[back ? k : to[x]];
        if (*from && !*into) *into = changed = true;
      }
    }
  }
}

/* on_cycle[] (struct tr): the instructions some path through the
   translation may run more than once: k, when it can be reached from an
   instruction h that branches back go to, and can reach one of those
   branches, within the range from h to the last of them. A stretch
   (tr_find_stretches) is only the range such branches span: an if's way
   out of the loop lies inside it too (in 7zz's match finder, the code
   after the loop is half of it), and counting its registers as the loop's
   spent host registers on them. */
void tr_find_cycles(const struct trace *trace, const u32 *jump_to, u32 n, bool *on_cycle) {
  memset(on_cycle, 0, n * sizeof *on_cycle);
  /* a block alone may hold a page of instructions, more than a trace adds */
  u32 *last_back = malloc(n * (sizeof(u32) + 3 * sizeof(bool)));
  if (!last_back) return; /* no use counts more than once */
  bool *falls = (bool *)&last_back[n], *from_head = falls + n, *to_back = from_head + n;
  for (u32 k = 0; k < n; k++) {
    falls[k] = falls_through(trace, k);
    last_back[k] = NO_JUMP;
  }
  for (u32 k = 0; k < n; k++)
    if (jumps_back(jump_to, k)) last_back[jump_to[k]] = k; /* the last wins */
  for (u32 h = 0; h < n; h++) {
    u32 i = last_back[h];
    if (i == NO_JUMP) continue;
    memset(from_head + h, 0, (i + 1 - h) * sizeof *from_head);
    for (u32 k = h; k <= i; k++) to_back[k] = jump_to[k] == h; /* every branch back to h */
    from_head[h] = true;
    reach_within(falls, jump_to, h, i, false, from_head);
    reach_within(falls, jump_to, h, i, true, to_back);
    for (u32 k = h; k <= i; k++) on_cycle[k] |= from_head[k] && to_back[k];
  }
  free(last_back);
}

/* jump_to[] and loop_head[] (struct tr) for the trace's instructions. */
void tr_find_internal_jumps(const struct trace *trace, const struct insn **ins, u32 *jump_to,
                            bool *loop_head) {
  for (u32 s = 0; s < trace->nblocks; s++) {
    const struct block *b = trace->block[s];
    for (u32 j = 0; j < b->n; j++) {
      const struct insn *in = ins[trace->first[s] + j];
      bool within = insn_side_exit(in) && jit_jumps_within(b, j, in->imm, trace->block[0]->pc);
      u32 side = insn_side_exit(in) ? trace_side_block(trace, s, in->imm) : 0;
      u32 *to = &jump_to[trace->first[s] + j];
      *to = within ? trace->first[s] + (u32)((in->imm - b->pc) / 4)
            : side ? trace->first[side]
                   : NO_JUMP;
      if (*to == NO_JUMP && jit_direct_branch(in))
        *to = trace_index(trace, in->imm, trace->first[s] + j);
      if (*to != NO_JUMP && *to <= trace->first[s] + j) loop_head[*to] = true;
    }
  }
}

