/* The dispatch loop: find the block at pc, then run its pre-decoded entries,
   each handler returning the next entry or NULL when control leaves the
   block. cpu->ip is stored before each handler that may fault or needs its
   PC (a load, SVC, BL, an undefined instruction) so that it can recover its
   exact guest PC; the pure data-processing families skip the store. */
#include "cpu/interp.h"

#include "cpu/block.h"
#include "cpu/insn.h"
#include "cpu/jit/jit.h"
#include "cpu/op_traits.h"
#include "mem/fault.h"

u64 cpu_pc(const struct cpu *c) { return block_insn_pc(c); }

/* The dispatch loop proper. It is a function of its own so that cpu and in
   live in registers: in cpu_run, after sigsetjmp, they would be kept in
   memory and reloaded by every handler. */
static void NORETURN __attribute__((noinline)) run_blocks(struct cpu *cpu) {
  /* Threaded dispatch: every op has its own label, so the indirect jump to
     the next op is replicated at the end of each one and the host's branch
     predictor learns per-op successors, not one shared call site. */
  static void *const kLabels[OP_COUNT] = {
#define INSN(name, family, feature, flow) [OP_##name] = &&L_##name,
#include "cpu/insn_list.h"
#undef INSN
  };
  const struct insn *in;
#define DISPATCH() goto *kLabels[in->op]
  for (;;) {
    struct block *b = block_lookup(cpu);
    cpu->block = b;
    /* A translated block, or one that just became hot: the JIT tier runs
       it (jit/jit.c), out of line so that this loop keeps cpu and in in
       registers. */
    if (UNLIKELY(b->jit_body != NULL || --b->countdown == 0) && jit_run_block(cpu, b))
      goto block_done;
    in = b->insns;
    DISPATCH();
#define INSN(name, family, feature, flow) \
  L_##name:                               \
    if (!PURE_##family) cpu->ip = in;     \
    in = op_##name(cpu, in);              \
    if (LIKELY(in)) DISPATCH();           \
    goto block_done;
#include "cpu/insn_list.h"
#undef INSN
  block_done:
    if (UNLIKELY(cpu->attention)) cpu_handle_attention(cpu);
  }
#undef DISPATCH
}

void cpu_run_insn(struct cpu *cpu, const struct insn *in) {
  cpu->ip = in;
  if (g_op_handlers[in->op](cpu, in)) cpu->pc = cpu_pc(cpu) + 4;
}

void cpu_run(struct cpu *cpu) {
  t_cpu = cpu;
  if (sigsetjmp(cpu->fault_jmp, 0)) {
    if (UNLIKELY(g_jit.verify)) jit_verify_abandon();
    cpu->pc = cpu_pc(cpu);
    if (cpu->exc.signo) cpu_deliver_exception(cpu);
    /* A fault the interpreter must judge (mem/fault.c): its handler runs
       the instruction again and raises what it raises. Not the dispatch
       loop: under --jit=always it would translate a block starting there
       and fault the same way again. */
    else cpu_run_insn(cpu, cpu->ip);
  }
  run_blocks(cpu);
}
